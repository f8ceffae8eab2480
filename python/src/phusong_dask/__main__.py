"""`python -m phusong_dask …`, the same as the `phusong-dask` command."""

import sys

from .cli import main

sys.exit(main())
