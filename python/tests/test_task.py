"""The tile task on its own (no cluster): which failures stop the run and which Dask retries."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from phusong_dask.task import TileAttemptLost, TileJob, run_tile


def fake_phusong(folder: Path, body: str) -> str:
    script = folder / "fake-phusong"
    script.write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def job(phusong: str, folder: Path) -> TileJob:
    return TileJob("00007", "102,21,103,22", phusong, ("--villages", "/data/v.csv", "--cells", "/data/c.csv"),
                   str(folder / "tile-00007"))


def test_success_returns_the_times_and_passes_the_tile_options(tmp_path: Path):
    phusong = fake_phusong(tmp_path, f'echo "$@" > {tmp_path}/args; echo note >&2')
    outcome = run_tile(job(phusong, tmp_path))
    assert outcome.code == 0 and outcome.stderr == "note\n" and outcome.wall_seconds > 0
    assert (tmp_path / "args").read_text().split() == [
        "report", "--villages", "/data/v.csv", "--cells", "/data/c.csv", "--tile", "102,21,103,22", "--partial",
        "--quiet", "--out", str(tmp_path / "tile-00007")]


@pytest.mark.parametrize("code", [64, 65, 66, 70])
def test_a_data_or_usage_error_is_returned_for_the_driver_to_stop_the_run(tmp_path: Path, code: int):
    phusong = fake_phusong(tmp_path, f'echo "villages.csv:12: lat: 215: not a latitude (must be -90..90)" >&2; exit {code}')
    outcome = run_tile(job(phusong, tmp_path))
    assert outcome.code == code
    assert "villages.csv:12: lat: 215" in outcome.stderr


def test_an_output_failure_raises_so_that_dask_retries(tmp_path: Path):
    phusong = fake_phusong(tmp_path, 'echo "another phusong run is writing tile-00007" >&2; exit 73')
    with pytest.raises(TileAttemptLost) as lost:
        run_tile(job(phusong, tmp_path))
    assert lost.value.code == 73 and "another phusong run" in str(lost.value)


def test_a_killed_process_raises_so_that_dask_retries(tmp_path: Path):
    phusong = fake_phusong(tmp_path, "kill -9 $$")
    with pytest.raises(TileAttemptLost) as lost:
        run_tile(job(phusong, tmp_path))
    assert lost.value.code == 69 and "SIGKILL" in str(lost.value)


def test_the_retry_exception_survives_pickling():
    import pickle

    copy = pickle.loads(pickle.dumps(TileAttemptLost("tile 1: lost", 73)))
    assert (str(copy), copy.code) == ("tile 1: lost", 73)


def test_a_missing_program_stops_the_run_with_66(tmp_path: Path):
    outcome = run_tile(job(str(tmp_path / "no-such-phusong"), tmp_path))
    assert outcome.code == 66 and "no such program" in outcome.stderr


def test_the_stop_file_kills_a_running_tile_and_keeps_others_from_starting(tmp_path: Path):
    import dataclasses
    import threading
    import time

    from phusong_dask.task import TileCancelled

    phusong = fake_phusong(tmp_path, f"echo $$ > {tmp_path}/pid; exec sleep 60")
    stop = tmp_path / "stop"
    running = dataclasses.replace(job(phusong, tmp_path), stop_file=str(stop))
    threading.Timer(1.0, stop.write_text, args=("stop\n",)).start()
    start = time.monotonic()
    with pytest.raises(TileCancelled):
        run_tile(running)
    assert time.monotonic() - start < 10
    pid = int((tmp_path / "pid").read_text())
    with pytest.raises(ProcessLookupError):
        import os

        os.kill(pid, 0)
    with pytest.raises(TileCancelled, match="not started"):
        run_tile(running)
