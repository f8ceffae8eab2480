"""Shared fixtures: the phusong binary, the public data, a two-worker local Dask cluster, and a
phusong wrapper that lets a test slow a tile down, fail it, or count its attempts."""

from __future__ import annotations

import filecmp
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def phusong_binary() -> Path | None:
    """$PHUSONG_BIN, else the repository's debug or release build."""
    if os.environ.get("PHUSONG_BIN"):
        return Path(os.environ["PHUSONG_BIN"])
    for build in ("debug", "release"):
        candidate = REPO / ".build" / build / "phusong"
        if candidate.exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def phusong() -> Path:
    binary = phusong_binary()
    if binary is None or not os.access(binary, os.X_OK):
        pytest.skip("no phusong binary: set PHUSONG_BIN or build it (swift build); scripts/test.sh does both")
    help_text = subprocess.run([str(binary), "help", "merge"], capture_output=True, text=True).stdout
    if "--out" not in help_text:
        pytest.fail(f"{binary} has no `merge` command: build the current sources")
    return binary


@pytest.fixture(scope="session")
def dienbien() -> dict[str, Path]:
    """The Điện Biên subset of the national scenario and the 2025 province boundaries."""
    shared = Path(os.environ.get("PHUSONG_SHARED", REPO.parent / "shared")) / "geodata"
    paths = {
        "villages": shared / "vn-national-2025" / "subset-dienbien" / "villages.csv",
        "cells": shared / "vn-national-2025" / "subset-dienbien" / "cells.csv",
        "admin": shared / "vn-admin-2025" / "vn_provinces_34_simplified.geojson",
    }
    missing = [str(path) for path in paths.values() if not path.exists()]
    if missing:
        pytest.skip(f"the public data is not beside the checkout (set PHUSONG_SHARED): {', '.join(missing)}")
    return paths


@pytest.fixture
def cluster():
    """LocalCluster(n_workers=2, threads_per_worker=1): the scheduler in this process, each worker
    a process of its own (so a test can kill one), and a client to look at it."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 3}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
            with Client(local) as client:
                yield local, client


def driver(*arguments: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Runs `phusong-dask` (as `python -m phusong_dask`, from this environment) and returns its result."""
    return subprocess.run([sys.executable, "-m", "phusong_dask", *arguments], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def wrapper(folder: Path, real: Path, body: str) -> Path:
    """A `phusong` that runs `body` (bash) before handing a tile's `report … --partial` to the real
    binary; $TILE is the tile's bounds, $ATTEMPTS a log of one line per attempt ("BOUNDS PID")."""
    script = folder / "phusong-wrapper.sh"
    attempts = folder / "attempts.log"
    script.write_text(f"""#!/usr/bin/env bash
set -u
TILE=""
previous=""
for argument in "$@"; do
  if [ "$previous" = "--tile" ]; then TILE=$argument; fi
  previous=$argument
done
ATTEMPTS={attempts}
if [ "$1" = report ] && [ -n "$TILE" ]; then
  echo "$TILE $$" >> "$ATTEMPTS"
{body}
fi
exec {real} "$@"
""", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def assert_same_report(merged: Path, single: Path) -> None:
    """The same files, byte for byte: a report holds no run metadata (docs/tiles.md, "Guarantees")."""
    names = sorted(path.name for path in single.iterdir())
    assert sorted(path.name for path in merged.iterdir()) == names
    for name in names:
        assert filecmp.cmp(merged / name, single / name, shallow=False), f"{name} differs"
