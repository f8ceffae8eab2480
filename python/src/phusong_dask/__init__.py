"""phusong-dask: phusong's coverage report computed tile by tile on a Dask cluster (docs/dask.md).

The tile plan (tiles.py) reads only coordinates; every figure is phusong's: each tile is a
`phusong report --tile … --partial` run on a worker (task.py), and `phusong merge` combines them
into the report a single machine writes, byte for byte (driver.py).
"""

__version__ = "0.1.0"
