"""End to end on a two-worker local Dask cluster with the real phusong: the merged report equals
the single-machine one byte for byte; a data error stops the run with its message; a worker
killed mid-run changes nothing after Dask's retry."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import assert_same_report, driver, wrapper

MONTH = "2026-05"


def single_report(phusong: Path, data: dict[str, Path], out: Path, *extra: str) -> None:
    result = subprocess.run([str(phusong), "report", "--villages", str(data["villages"]), "--cells", str(data["cells"]),
                             "--admin", str(data["admin"]), "--month", MONTH, "--threads", "2", "--quiet", *extra,
                             "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def inputs(data: dict[str, Path]) -> list[str]:
    return ["--villages", str(data["villages"]), "--cells", str(data["cells"]), "--admin", str(data["admin"]),
            "--month", MONTH]


def test_two_local_workers_give_the_single_machine_report(phusong: Path, dienbien, tmp_path: Path):
    single_report(phusong, dienbien, tmp_path / "single")
    result = driver("report", "--local-workers", "2", *inputs(dienbien), "--tile-size", "0.5",
                    "--max-villages-per-tile", "150", "--phusong", str(phusong), "--timings", str(tmp_path / "timings.csv"),
                    "--out", str(tmp_path / "merged"))
    assert result.returncode == 0, result.stderr
    assert_same_report(tmp_path / "merged", tmp_path / "single")
    with open(tmp_path / "timings.csv", encoding="utf-8", newline="") as handle:
        timings = list(csv.DictReader(handle))
    assert list(timings[0]) == ["tile", "bounds", "villages", "wall_s", "cpu_s", "host"]
    assert len(timings) >= 6  # several tiles, some of them split (150 villages at most before a split)
    assert sum(int(row["villages"]) for row in timings) == 1100  # every village in one tile
    assert all(float(row["cpu_s"]) > 0 for row in timings)
    assert "tiles 1" in result.stderr or "tile 00001" in result.stderr  # the progress
    # The work folder is gone after the merge.
    assert not (tmp_path / ".merged.phusong-dask").exists()


def test_a_data_error_stops_the_run_with_phusongs_message(phusong: Path, dienbien, tmp_path: Path):
    lines = dienbien["villages"].read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[500].split(",")
    fields[5] = "215.3"  # lat
    lines[500] = ",".join(fields)
    bad = tmp_path / "villages.csv"
    bad.write_text("".join(lines), encoding="utf-8")
    data = dict(dienbien, villages=bad)
    start = time.monotonic()
    result = driver("report", "--local-workers", "2", *inputs(data), "--tile-size", "0.5",
                    "--phusong", str(phusong), "--out", str(tmp_path / "report"), timeout=600)
    assert result.returncode == 65, result.stderr
    assert "villages.csv:501: lat: 215.3" in result.stderr
    assert "failed on" in result.stderr and "exit code 65" in result.stderr
    assert not (tmp_path / "report").exists()
    assert time.monotonic() - start < 300


def test_a_failing_tile_stops_the_others_at_once(phusong: Path, dienbien, tmp_path: Path):
    # The second tile to start fails with 65; every other would run for 10 minutes: the run
    # must end with that tile's error within seconds, and the running phusong processes be gone.
    script = wrapper(tmp_path, phusong, f"""
  if mkdir {tmp_path}/first 2>/dev/null; then sleep 600
  elif mkdir {tmp_path}/second 2>/dev/null; then
    echo "villages.csv:7: population: -3: must be 0..100000000 ($TILE)" >&2; exit 65
  else sleep 600; fi""")
    start = time.monotonic()
    result = driver("report", "--local-workers", "2", *inputs(dienbien), "--tile-size", "0.5",
                    "--phusong", str(script), "--out", str(tmp_path / "report"), timeout=300)
    elapsed = time.monotonic() - start
    assert result.returncode == 65, result.stderr
    assert "villages.csv:7: population: -3" in result.stderr and "exit code 65" in result.stderr
    assert elapsed < 120, elapsed
    time.sleep(2)
    for line in (tmp_path / "attempts.log").read_text().splitlines():
        pid = int(line.split()[1])
        assert not _alive(pid), f"phusong attempt {line} still running after the run stopped"


def test_a_worker_killed_mid_run_leaves_the_complete_identical_report(phusong: Path, dienbien, cluster, tmp_path: Path):
    local, client = cluster
    single_report(phusong, dienbien, tmp_path / "single")
    # Each tile waits 3 s before phusong starts, so that a worker can be caught in the middle of one.
    script = wrapper(tmp_path, phusong, "  sleep 3")
    run: dict[str, subprocess.CompletedProcess] = {}
    thread = threading.Thread(target=lambda: run.setdefault("result", driver(
        "report", "--scheduler", local.scheduler_address, *inputs(dienbien), "--tile-size", "0.25",
        "--phusong", str(script), "--out", str(tmp_path / "merged"))))
    thread.start()
    victim = None
    deadline = time.monotonic() + 300
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        time.sleep(0.5)
        attempts = (tmp_path / "attempts.log").read_text().splitlines() if (tmp_path / "attempts.log").exists() else []
        busy = [worker for worker, keys in client.processing().items() if keys]
        if len(attempts) >= 3 and busy:
            victim = busy[0]
    assert victim is not None, "no worker was ever busy with a tile"
    pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    thread.join(timeout=900)
    result = run["result"]
    assert result.returncode == 0, result.stderr
    assert_same_report(tmp_path / "merged", tmp_path / "single")
    attempts = [line.split()[0] for line in (tmp_path / "attempts.log").read_text().splitlines()]
    retried = {tile for tile in attempts if attempts.count(tile) > 1}
    assert retried, "no tile was run twice: the kill did not hit a running tile"


def test_a_tile_that_cannot_write_is_retried(phusong: Path, dienbien, tmp_path: Path):
    # The first attempt of every tile fails as an output failure (73); Dask's retry succeeds.
    script = wrapper(tmp_path, phusong, f"""
  if ! grep -q "^$TILE " {tmp_path}/failed.log 2>/dev/null; then
    echo "$TILE " >> {tmp_path}/failed.log
    echo "cannot write: No space left on device" >&2; exit 73
  fi""")
    single_report(phusong, dienbien, tmp_path / "single")
    result = driver("report", "--local-workers", "2", *inputs(dienbien), "--tile-size", "1",
                    "--phusong", str(script), "--out", str(tmp_path / "merged"))
    assert result.returncode == 0, result.stderr
    assert_same_report(tmp_path / "merged", tmp_path / "single")
    attempts = [line.split()[0] for line in (tmp_path / "attempts.log").read_text().splitlines()]
    assert attempts and all(attempts.count(tile) == 2 for tile in attempts)


def test_usage_errors_exit_64(tmp_path: Path):
    result = driver("report", "--local-workers", "2", "--villages", "v.csv", "--cells", "c.csv", "--tile-size", "0",
                    "--out", str(tmp_path / "r"))
    assert result.returncode == 64 and "--tile-size 0" in result.stderr
    result = driver("report", "--villages", "v.csv", "--cells", "c.csv", "--out", str(tmp_path / "r"))
    assert result.returncode == 64 and "--scheduler" in result.stderr
    result = driver("report", "--local-workers", "1", "--villages", str(tmp_path / "none.csv"), "--cells", "c.csv",
                    "--phusong", shutil.which("true") or "/bin/true", "--out", str(tmp_path / "r"))
    assert result.returncode == 66 and "none.csv" in result.stderr


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped) is not running.
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False
