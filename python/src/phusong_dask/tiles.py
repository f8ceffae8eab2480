"""The tile plan: which `phusong report --tile MINLON,MINLAT,MAXLON,MAXLAT --partial` runs to make.

Tiles are half-open boxes, [MINLON, MAXLON) × [MINLAT, MAXLAT) in degrees, on a grid aligned to
multiples of the tile size (so the same size gives the same tiles whatever the data), every
bound an exact decimal (Decimal, never a float sum: 3 × 0.1 is written "0.3", not
"0.30000000000000004"). A tile holding no village is skipped (`phusong merge` computes the
sites, stations and area coverage from the whole inputs, docs/tiles.md); a tile holding more
than `max_villages` villages is split into quarters, again and again, down to `min_size`.

The plan decides nothing else: no figure depends on where the tile boundaries fall (`phusong
merge` of any tiling equals the single-machine report, and refuses a plan that misses a
village), and whether a village is inside a tile is decided with phusong's own comparison,
`MINLON <= lon < MAXLON` on the doubles nearest to the texts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .points import Points


class PlanProblem(Exception):
    """A tile option out of range (exit 64)."""


@dataclass(frozen=True)
class Tile:
    """One tile of the plan; `villages` is the plan's count (for scheduling and progress)."""

    minlon: Decimal
    minlat: Decimal
    maxlon: Decimal
    maxlat: Decimal
    villages: int

    @property
    def bounds(self) -> str:
        """MINLON,MINLAT,MAXLON,MAXLAT as phusong's --tile takes it (plain decimals, no exponent)."""
        return ",".join(decimal_text(value) for value in (self.minlon, self.minlat, self.maxlon, self.maxlat))

    def contains(self, lon: float, lat: float) -> bool:
        """phusong's half-open test on the doubles nearest to the bounds' texts."""
        return float(self.minlon) <= lon < float(self.maxlon) and float(self.minlat) <= lat < float(self.maxlat)


def decimal_text(value: Decimal) -> str:
    """`102`, `21.5`, `-0.25`: the shortest plain decimal for an exact value."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def parse_size(text: str, option: str) -> Decimal:
    """A tile size in degrees from the command line: a decimal number in (0, 360]."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise PlanProblem(f"{option} {text}: expected a number of degrees, e.g. 1.0") from None
    if not value.is_finite() or value <= 0 or value > 360:
        raise PlanProblem(f"{option} {text}: must be more than 0 and at most 360 degrees")
    return value


def plan_tiles(villages: Points, size: Decimal, max_villages: int, min_size: Decimal) -> list[Tile]:
    """The tiles to run, sorted south to north, then west to east.

    - size: the grid's step in degrees (longitude and latitude).
    - max_villages: a tile with more villages is split into quarters (until `min_size`).
    - min_size: the smallest tile side a split may make.
    """
    if max_villages < 1:
        raise PlanProblem(f"--max-villages-per-tile {max_villages}: must be 1 or more")
    if min_size <= 0 or min_size > size:
        raise PlanProblem(f"--min-tile-size {decimal_text(min_size)}: must be more than 0 and at most the tile size")
    grid: dict[tuple[int, int], list[int]] = {}
    edges = _GridEdges(size)
    for index, (lon, lat) in enumerate(zip(villages.lons, villages.lats)):
        grid.setdefault((edges.cell(lon), edges.cell(lat)), []).append(index)
    tiles: list[Tile] = []
    for (column, row), indexes in grid.items():
        _split(villages, column * size, row * size, size, indexes, max_villages, min_size, tiles)
    tiles.sort(key=lambda tile: (tile.minlat, tile.minlon, tile.maxlat, tile.maxlon))
    return tiles


class _GridEdges:
    """The grid index of a coordinate, decided with the same float comparison phusong makes."""

    def __init__(self, size: Decimal) -> None:
        self.size = size
        self.step = float(size)
        self.edges: dict[int, float] = {}

    def edge(self, index: int) -> float:
        value = self.edges.get(index)
        if value is None:
            value = self.edges[index] = float(index * self.size)
        return value

    def cell(self, coordinate: float) -> int:
        index = math.floor(coordinate / self.step)
        while coordinate < self.edge(index):
            index -= 1
        while coordinate >= self.edge(index + 1):
            index += 1
        return index


def _split(villages: Points, minlon: Decimal, minlat: Decimal, side: Decimal, indexes: list[int],
           max_villages: int, min_size: Decimal, tiles: list[Tile]) -> None:
    if not indexes:
        return
    half = side / 2
    if len(indexes) <= max_villages or half < min_size:
        tiles.append(Tile(minlon, minlat, minlon + side, minlat + side, len(indexes)))
        return
    midlon, midlat = float(minlon + half), float(minlat + half)
    quarters: dict[tuple[bool, bool], list[int]] = {(east, north): [] for east in (False, True) for north in (False, True)}
    for index in indexes:
        quarters[(villages.lons[index] >= midlon, villages.lats[index] >= midlat)].append(index)
    for (east, north), quarter in quarters.items():
        _split(villages, minlon + half if east else minlon, minlat + half if north else minlat, half, quarter,
               max_villages, min_size, tiles)
