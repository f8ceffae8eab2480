"""`phusong-dask report`: plans the tiles, runs one Dask task per tile, merges (docs/dask.md).

Exit codes (docs/safety.md's, passed through from phusong where it failed):
0 success; 64 usage; 65/66/70 a tile's (or the merge's) phusong exit code, with its message;
69 the cluster is unavailable (the scheduler cannot be reached, or a tile lost its worker more
times than allowed); 73 an output could not be written (a tile's after every retry, the work
folder, the merge's).
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from .points import InputProblem, read_points
from .progress import Progress, duration_text
from .task import TileAttemptLost, TileJob, TileOutcome, run_tile
from .tiles import PlanProblem, Tile, decimal_text, plan_tiles

WORK_MARKER = ".phusong-dask-work"


class RunFailed(Exception):
    """Stops the run: the message (already prefixed where needed) and the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class ReportRequest:
    """The options of `phusong-dask report` (cli.py reads them)."""

    villages: str
    cells: list[str]
    out: str
    admin: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    config: str | None = None
    terrain: str | None = None
    threads: int = 1
    merge_threads: int | None = None
    no_area: bool = False
    lang: str | None = None
    month: str | None = None
    basemap: str | None = None
    tile_size: Decimal = Decimal(1)
    max_villages: int = 20_000
    min_tile_size: Decimal = Decimal("0.125")
    scheduler: str | None = None
    local_workers: int | None = None
    phusong: str = "phusong"
    retries: int = 2
    work_dir: str | None = None
    keep_tiles: bool = False
    timings: str | None = None
    quiet: bool = False


def report_arguments(request: ReportRequest) -> tuple[str, ...]:
    """The arguments every tile's `phusong report` gets besides --tile, --partial and --out;
    paths made absolute, as the workers' current folders are not the client's."""
    arguments = ["--villages", os.path.abspath(request.villages)]
    for cells in request.cells:
        arguments += ["--cells", os.path.abspath(cells)]
    for admin in request.admin:
        arguments += ["--admin", os.path.abspath(admin)]
    for layer in request.layers:
        arguments += ["--layer", layer]
    if request.config:
        arguments += ["--config", os.path.abspath(request.config)]
    if request.terrain:
        arguments += ["--terrain", os.path.abspath(request.terrain)]
    arguments += ["--threads", str(request.threads)]
    if request.no_area:
        arguments.append("--no-area")
    if request.lang:
        arguments += ["--lang", request.lang]
    # Every tile is dated by the same month, the client's, even if the run crosses a month's end.
    arguments += ["--month", request.month or time.strftime("%Y-%m")]
    if request.basemap:
        arguments += ["--basemap", request.basemap]
    return tuple(arguments)


def resolve_phusong(name: str) -> str:
    """The phusong executable: a path as given (made absolute), or a name found on PATH."""
    if os.sep in name:
        path = os.path.abspath(name)
        if not os.access(path, os.X_OK) or os.path.isdir(path):
            raise RunFailed(f"--phusong {name}: not an executable file", 66)
        return path
    found = shutil.which(name)
    if found is None:
        raise RunFailed(f"{name} not found on PATH: install phusong (scripts/run.sh builds it) or give --phusong PATH", 66)
    return found


def run_report(request: ReportRequest) -> int:
    """Runs the whole report; returns the exit code (messages are printed on standard error)."""
    try:
        return _run(request)
    except RunFailed as failure:
        message = str(failure)
        print(message if message.startswith("phusong") else f"phusong-dask: {message}", file=sys.stderr, flush=True)
        return failure.code
    except PlanProblem as problem:
        print(f"phusong-dask: {problem}", file=sys.stderr, flush=True)
        return 64


def _run(request: ReportRequest) -> int:
    phusong = resolve_phusong(request.phusong)
    out = os.path.abspath(request.out)
    work = os.path.abspath(request.work_dir) if request.work_dir else os.path.join(
        os.path.dirname(out), f".{os.path.basename(out)}.phusong-dask")
    # The tile plan: the villages' coordinates, nothing else.
    try:
        villages = read_points(request.villages)
    except InputProblem as problem:
        raise RunFailed(str(problem), problem.code) from None
    tiles = plan_tiles(villages, request.tile_size, request.max_villages, request.min_tile_size)
    if not tiles:
        # No readable coordinate at all: one tile over the whole world lets phusong say what is wrong.
        tiles = [Tile(Decimal(-180), Decimal(-90), Decimal(181), Decimal(91), 0)]
    progress = Progress(len(tiles), len(villages), request.quiet)
    split = sum(1 for tile in tiles if tile.maxlon - tile.minlon < request.tile_size)
    progress.note(f"{len(tiles):,} tiles of {decimal_text(request.tile_size)}° ({split:,} of them split, at most "
                  f"{request.max_villages:,} villages each) for {len(villages):,} villages"
                  + (f"; {villages.skipped:,} rows without valid coordinates are left to phusong's checks"
                     if villages.skipped else ""))
    with _WorkFolder(work) as tiles_folder:
        arguments = report_arguments(request)
        jobs = [TileJob(f"{index:05d}", tile.bounds, phusong, arguments, os.path.join(tiles_folder, f"tile-{index:05d}"))
                for index, tile in enumerate(tiles, start=1)]
        started = time.monotonic()
        try:
            outcomes = _run_tiles(request, jobs, tiles, progress)
        except BaseException:
            if not request.keep_tiles:
                _WorkFolder.remove(work)
            raise
        tiles_wall = time.monotonic() - started
        progress.close()
        if request.timings:
            _write_timings(request.timings, jobs, tiles, outcomes)
        cpu = sum(outcome.cpu_seconds for outcome in outcomes.values())
        progress.note(f"{len(jobs):,} tiles in {duration_text(tiles_wall)} (phusong's CPU {duration_text(cpu)} in all); merging")
        merge_start = time.monotonic()
        code, merge_cpu = _merge(phusong, [job.out for job in jobs], out, request.merge_threads, request.quiet)
        if code != 0:
            raise RunFailed(f"phusong merge exited {code} (its message is above); the tiles are kept in {tiles_folder}", code)
        progress.note(f"merged in {duration_text(time.monotonic() - merge_start)} (CPU {duration_text(merge_cpu)}): {out}")
        if request.keep_tiles:
            progress.note(f"tiles kept in {tiles_folder}")
        else:
            _WorkFolder.remove(work)
    return 0


def _run_tiles(request: ReportRequest, jobs: list[TileJob], tiles: list[Tile], progress: Progress) -> dict[str, TileOutcome]:
    """One task per tile on the cluster; returns every tile's outcome, or raises RunFailed at the
    first tile that fails for good (the others are cancelled and their phusong processes killed)."""
    import dask
    from distributed import Client, LocalCluster, as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    token = uuid.uuid4().hex[:12]
    # The stop signal: a file on the shared path, which every running task looks for.
    stop_file = os.path.join(os.path.dirname(os.path.dirname(jobs[0].out)), "stop")
    jobs = [TileJob(job.tile_id, job.bounds, job.phusong, job.report_arguments, job.out, stop_file) for job in jobs]
    by_key = {}
    outcomes: dict[str, TileOutcome] = {}
    # A tile whose worker dies is given to another worker; after `retries` + 1 deaths the
    # scheduler gives up on it (KilledWorker). Only a scheduler started here takes this setting.
    with dask.config.set({"distributed.scheduler.allowed-failures": request.retries}):
        cluster = None
        try:
            if request.scheduler:
                client = Client(request.scheduler, timeout="30s")
            else:
                cluster = LocalCluster(n_workers=request.local_workers or 1, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
                client = Client(cluster)
        except (OSError, TimeoutError) as error:
            raise RunFailed(f"cannot reach the Dask scheduler {request.scheduler}: {error}", 69) from None
        try:
            link = client.dashboard_link
            services = client.scheduler_info().get("services", {})
            if "dashboard" in services or "bokeh" in services:
                progress.note(f"Dask dashboard: {link}")
            workers = len(client.scheduler_info().get("workers", {}))
            progress.note(f"scheduler {client.scheduler.address}, {workers} worker(s) now")
            futures = []
            # The largest tiles first (and first in the scheduler's priority), so that the run
            # does not end waiting for one big tile started last.
            for job, tile in sorted(zip(jobs, tiles), key=lambda pair: -pair[1].villages):
                future = client.submit(run_tile, job, key=f"phusong-tile-{job.tile_id}-{token}", pure=False,
                                       retries=request.retries, priority=tile.villages)
                by_key[future.key] = (job, tile)
                futures.append(future)
            try:
                for future in as_completed(futures):
                    job, tile = by_key[future.key]
                    try:
                        outcome = future.result()
                    except KilledWorker:
                        raise RunFailed(f"tile {job.tile_id} ({job.bounds}) lost its worker {request.retries + 1} times; "
                                        "the cluster is unstable (a worker out of memory?)", 69) from None
                    except TileAttemptLost as lost:
                        raise RunFailed(f"{lost} (the last of {request.retries + 1} attempts)", lost.code) from None
                    except FutureCancelledError:
                        raise RunFailed(f"tile {job.tile_id} was cancelled by the scheduler", 69) from None
                    except Exception as error:  # raised in the task on the worker, after every retry
                        raise RunFailed(f"tile {job.tile_id} ({job.bounds}): {type(error).__name__}: {error}", 70) from None
                    if outcome.code != 0:
                        raise RunFailed(_tile_error(job, outcome), outcome.code)
                    outcomes[job.tile_id] = outcome
                    progress.finished(job.tile_id, job.bounds, tile.villages, outcome.wall_seconds, outcome.cpu_seconds,
                                      outcome.host)
            except BaseException:
                # Stop every tile still running (their tasks look for the stop file and kill
                # phusong), forget the queued ones.
                progress.close()
                try:
                    with open(stop_file, "w", encoding="utf-8") as stop:
                        stop.write("phusong-dask: the run stopped\n")
                    client.cancel(futures)
                except Exception:  # the scheduler may be gone already
                    pass
                raise
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return outcomes


def _tile_error(job: TileJob, outcome: TileOutcome) -> str:
    text = outcome.stderr.rstrip("\n")
    return (f"{text}\nphusong-dask: tile {job.tile_id} ({job.bounds}) failed on {outcome.host} with exit code {outcome.code}; "
            "the run is stopped (an error in the data or the command: running it again would fail the same way)")


def _merge(phusong: str, folders: list[str], out: str, threads: int | None, quiet: bool) -> tuple[int, float]:
    """`phusong merge TILES… --out OUT` on this machine, its output shown as it comes; returns
    its exit code and CPU time (user + system, s)."""
    command = [phusong, "merge", *folders, "--threads", str(threads or os.cpu_count() or 1), "--out", out]
    if quiet:
        command.append("--quiet")
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    except OSError as error:
        raise RunFailed(f"{phusong}: cannot run: {error.strerror or error}", 66) from None
    while True:
        try:
            _, status, usage = os.wait4(process.pid, 0)
            break
        except InterruptedError:
            continue
    process.returncode = os.waitstatus_to_exitcode(status)
    code = process.returncode if process.returncode >= 0 else 70
    return code, usage.ru_utime + usage.ru_stime


def _write_timings(path: str, jobs: list[TileJob], tiles: list[Tile], outcomes: dict[str, TileOutcome]) -> None:
    import csv

    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["tile", "bounds", "villages", "wall_s", "cpu_s", "host"])
            for job, tile in zip(jobs, tiles):
                outcome = outcomes[job.tile_id]
                writer.writerow([job.tile_id, job.bounds, tile.villages, f"{outcome.wall_seconds:.3f}",
                                 f"{outcome.cpu_seconds:.3f}", outcome.host])
    except OSError as error:
        raise RunFailed(f"--timings {path}: cannot write: {error.strerror or error}", 73) from None


class _WorkFolder:
    """The tiles' folder on the shared file system, `WORK/tiles`, ours alone for the run: a lock
    beside it (flock, so two drivers never share it), and a marker inside, so that a folder we
    did not make is never emptied."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lock_path = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.lock")
        self.lock = None

    def __enter__(self) -> str:
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            self.lock = open(self.lock_path, "a")
        except OSError as error:
            raise RunFailed(f"{self.path}: cannot make the work folder: {error.strerror or error}", 73) from None
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.lock.close()
            raise RunFailed(f"another phusong-dask run is using the work folder {self.path}", 73) from None
        if os.path.lexists(self.path):
            if not os.path.isdir(self.path) or (os.listdir(self.path) and not os.path.exists(os.path.join(self.path, WORK_MARKER))):
                self.__exit__(None, None, None)
                raise RunFailed(f"--work-dir {self.path}: holds files phusong-dask did not write; choose a new or empty folder", 64)
            self.remove(self.path)
        try:
            os.makedirs(os.path.join(self.path, "tiles"))
            with open(os.path.join(self.path, WORK_MARKER), "w", encoding="utf-8") as marker:
                marker.write("phusong-dask work folder: the tiles of a run, removed after the merge\n")
        except OSError as error:
            self.__exit__(None, None, None)
            raise RunFailed(f"{self.path}: cannot make the work folder: {error.strerror or error}", 73) from None
        return os.path.join(self.path, "tiles")

    def __exit__(self, *exc) -> None:
        if self.lock is not None:
            try:
                os.unlink(self.lock_path)
            except OSError:
                pass
            self.lock.close()
            self.lock = None

    @staticmethod
    def remove(path: str) -> None:
        if os.path.exists(os.path.join(path, WORK_MARKER)):
            shutil.rmtree(path, ignore_errors=True)
