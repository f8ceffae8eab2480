"""The coordinates the tile plan needs: every village's and every cell's lon/lat, nothing else.

The plan only decides which tiles to run; every figure, and every check of the data, is
phusong's. So a row whose coordinates do not read as numbers in range is left out of the plan
here and reported by phusong itself (each tile's run validates the whole file, exit 65).

The numbers are read as phusong reads them (Sources/PhusongCoverage/CSV/DecimalParser.swift):
decimal text, spaces and tabs around it trimmed, correctly rounded to the nearest double —
which is what Python's float() gives — so that the plan puts a village on a tile boundary in
the same tile as phusong's half-open test does.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass

# The column names phusong accepts, compared without case (VillagesLoader.swift, CellsLoader.swift).
LON_NAMES = ("lon", "lng", "long", "longitude", "x")
LAT_NAMES = ("lat", "latitude", "y")

# The vector formats phusong reads through GDAL (Sources/PhusongCoverage/Loading/GIS/InputFormat.swift).
GIS_EXTENSIONS = {
    "gpkg", "shp", "dbf", "xlsx", "xls", "ods", "tab", "mif", "fgb", "geojson", "json", "gml", "kml", "sqlite",
}

_NUMBER_CHARACTERS = set("0123456789+-.eE")


class InputProblem(Exception):
    """An input the planner cannot read; `code` is the exit code of docs/safety.md."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Points:
    """Coordinates in degrees (WGS 84), as two parallel lists."""

    lons: list[float]
    lats: list[float]
    skipped: int  # rows whose coordinates are not numbers in range (phusong reports them)

    def __len__(self) -> int:
        return len(self.lons)


def number(text: str) -> float | None:
    """The decimal number phusong reads from a field, or None (blank, text, nan, inf, hex)."""
    text = text.strip(" \t")
    if not text or not set(text) <= _NUMBER_CHARACTERS:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_points(path: str) -> Points:
    """Reads the lon/lat columns of a phusong CSV input (villages.csv or cells.csv).

    Raises InputProblem: 66 when the file is missing or unreadable, 64 for a GIS file (the
    planner reads CSV only), 65 when the header lacks a coordinate column.
    """
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension in GIS_EXTENSIONS:
        raise InputProblem(
            f"{path}: phusong-dask plans tiles from CSV coordinates; convert the {extension} file first, "
            f"e.g. ogr2ogr -f CSV -lco GEOMETRY=AS_XY out.csv {path} (docs/dask.md)", 64)
    if os.path.isdir(path):
        raise InputProblem(f"{path}: is a folder; expected a CSV file", 66)
    lons: list[float] = []
    lats: list[float] = []
    skipped = 0
    try:
        # utf-8-sig: a byte-order mark (as Excel writes it) is accepted, like phusong does;
        # errors="replace": bad bytes are phusong's to report, the coordinates are ASCII.
        csv.field_size_limit(2**31 - 1)  # phusong reads fields of any length
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise InputProblem(f"{path}: the file is empty", 65)
            names = [name.strip().lower() for name in header]
            lon_index = _column(names, LON_NAMES)
            lat_index = _column(names, LAT_NAMES)
            if lon_index is None or lat_index is None:
                raise InputProblem(
                    f"{path}:1: header: no {'lon' if lon_index is None else 'lat'} column "
                    f"(accepted: {', '.join(LON_NAMES if lon_index is None else LAT_NAMES)})", 65)
            for row in reader:
                if not row:
                    continue
                lon = number(row[lon_index]) if lon_index < len(row) else None
                lat = number(row[lat_index]) if lat_index < len(row) else None
                if lon is None or lat is None or not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    skipped += 1
                    continue
                lons.append(lon)
                lats.append(lat)
    except OSError as error:
        raise InputProblem(f"{path}: cannot read: {error.strerror or error}", 66) from error
    except csv.Error as error:
        # The plan would miss the rows after it; phusong's own reader rejects such a file too.
        raise InputProblem(f"{path}: not a readable CSV file: {error}", 65) from error
    return Points(lons, lats, skipped)


def _column(names: list[str], accepted: tuple[str, ...]) -> int | None:
    for index, name in enumerate(names):
        if name in accepted:
            return index
    return None
