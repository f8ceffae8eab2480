"""Helpers shared by the phusong notebooks: find the binary and the data, run phusong, read
its outputs with pandas/geopandas.

Every number a notebook shows comes from a file that phusong wrote; these helpers only run
the tool and load what it wrote. Settings come from the environment:

- PHUSONG_BIN       the phusong executable (default <repo>/.build/release/phusong)
- PHUSONG_SCENARIO  "default" (the embedded data in geodata/default, the default) or
                    "national" (../shared/geodata/vn-national-2025 with the 2025 boundaries)
- PHUSONG_SHARED    the folder holding geodata/ (default: the folder `shared` beside the repo)
- PHUSONG_NOTEBOOK_OUT  where the notebooks write (default <repo>/out/notebooks)
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely


def repository_root(start: Path | None = None) -> Path:
    """The repository holding this notebook: the first folder upwards with Package.swift."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        if (candidate / "Package.swift").exists() and (candidate / "geodata" / "default").is_dir():
            return candidate
    # The notebooks live in <repo>/notebooks; fall back to this file's parent's parent.
    return Path(__file__).resolve().parent.parent


ROOT = repository_root(Path(__file__).resolve().parent)


def binary() -> Path:
    path = Path(os.environ.get("PHUSONG_BIN", ROOT / ".build" / "release" / "phusong"))
    if not path.exists():
        raise FileNotFoundError(
            f"phusong binary not found at {path}: run `swift build -c release --product phusong` "
            "in the repository, or set PHUSONG_BIN")
    return path


def shared_geodata() -> Path:
    shared = Path(os.environ.get("PHUSONG_SHARED", ROOT.parent / "shared"))
    return shared / "geodata"


def has_shared() -> bool:
    geodata = shared_geodata()
    return (geodata / "vn-national-2025" / "villages.csv").exists() and (
        geodata / "vn-admin-2025" / "vn_provinces_34_simplified.geojson").exists()


@dataclass
class Scenario:
    """Inputs of a run: villages, cells, and optional province boundaries."""

    name: str
    villages: Path
    cells: list[Path]
    boundaries: Path | None = None
    description: str = ""
    extra: dict = field(default_factory=dict)

    def input_args(self, with_admin: bool = True) -> list[str]:
        args = ["--villages", str(self.villages)]
        for cells in self.cells:
            args += ["--cells", str(cells)]
        if with_admin and self.boundaries is not None:
            args += ["--admin", str(self.boundaries)]
        return args


def default_scenario() -> Scenario:
    folder = ROOT / "geodata" / "default"
    return Scenario("default", folder / "villages.csv", [folder / "cells.csv"],
                    description="embedded default data (synthetic, 3 north-western provinces)")


def national_scenario() -> Scenario:
    geodata = shared_geodata()
    if not has_shared():
        raise FileNotFoundError(f"the national scenario needs {geodata} (vn-national-2025 and vn-admin-2025)")
    folder = geodata / "vn-national-2025"
    return Scenario("national", folder / "villages.csv", [folder / "cells.csv"],
                    boundaries=geodata / "vn-admin-2025" / "vn_provinces_34_simplified.geojson",
                    description="national scenario vn-national-2025 with the 2025 province boundaries")


def dienbien_subset() -> Scenario:
    folder = shared_geodata() / "vn-national-2025" / "subset-dienbien"
    return Scenario("subset-dienbien", folder / "villages.csv", [folder / "cells.csv"],
                    description="Điện Biên subset of the national scenario")


def scenario_from_environment() -> Scenario:
    name = os.environ.get("PHUSONG_SCENARIO", "default")
    if name == "default":
        return default_scenario()
    if name == "national":
        return national_scenario()
    raise ValueError(f"PHUSONG_SCENARIO must be 'default' or 'national', not {name!r}")


def output_folder(notebook: str, scenario: Scenario) -> Path:
    base = Path(os.environ.get("PHUSONG_NOTEBOOK_OUT", ROOT / "out" / "notebooks"))
    folder = base / scenario.name / notebook
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def phusong(*args, quiet: bool = False, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Runs phusong from the repository root; raises when it exits non-zero or (with a
    timeout, seconds) takes longer."""
    arguments = [str(a) for a in args]
    shown = " ".join(shlex.quote(a) for a in arguments)
    print(f"$ phusong {shown}")
    start = time.monotonic()
    result = subprocess.run([str(binary()), *arguments], cwd=ROOT, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=timeout)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        print(result.stdout)
        print(result.stderr)
        raise RuntimeError(f"phusong {arguments[0]} exited with {result.returncode}")
    if not quiet and result.stdout.strip():
        print(result.stdout.rstrip())
    print(f"({elapsed:.1f} s)")
    return result


_TEXT_COLUMNS = {"id", "name", "best_cell", "nearest_site", "site_id", "cell_id", "operator",
                 "province_name", "commune_name", "best_4g_cell", "best_5g_cell"}


def read_csv(path: Path | str) -> pd.DataFrame:
    """A phusong CSV (with or without a UTF-8 BOM); codes and ids stay text ("01", "00004")."""
    with open(path, encoding="utf-8-sig") as handle:
        header = handle.readline().strip().split(",")
    text = {c: str for c in header if c in _TEXT_COLUMNS or c.endswith("_code") or c.endswith("_id")}
    return pd.read_csv(path, encoding="utf-8-sig", dtype=text, keep_default_na=False,
                       na_values={c: [""] for c in header if c not in text})


def read_json(path: Path | str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_features(path: Path | str) -> gpd.GeoDataFrame:
    """A phusong GeoJSON or GeoPackage layer, codes as text."""
    frame = gpd.read_file(path)
    for column in frame.columns:
        if column.endswith("_code") or column.endswith("_id") or column == "id":
            frame[column] = frame[column].astype("string")
    return frame


def points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """A table with lon/lat columns as points (WGS84)."""
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def province_shapes(scenario: Scenario, villages_csv: Path | str) -> gpd.GeoDataFrame:
    """Province polygons with `province_code`: the boundary file when the scenario has one,
    else the convex hull (slightly buffered) of each province's villages in the report's
    villages.csv, enough to draw the synthetic provinces of the default data."""
    if scenario.boundaries is not None:
        shapes = gpd.read_file(scenario.boundaries)[["code", "name", "geometry"]]
        return shapes.rename(columns={"code": "province_code", "name": "boundary_name"})
    villages = points(read_csv(villages_csv))
    rows = []
    for code, group in villages.groupby("province_code"):
        hull = shapely.convex_hull(shapely.MultiPoint(list(group.geometry)))
        rows.append({"province_code": code, "geometry": hull.buffer(0.02)})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def percent(value: float) -> str:
    return f"{100 * value:.2f} %"
