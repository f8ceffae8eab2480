"""The task a Dask worker runs for one tile: `phusong report … --tile … --partial --out DIR`.

Nothing but paths and options travels through the scheduler: the worker reads the inputs from
the shared path and writes the tile's partial output there (phusong publishes it atomically,
so a retried tile never leaves half a folder for `merge`). What comes back is small: the exit
code, the end of standard error, the times.

Failures are of two kinds (exit codes of docs/safety.md):
- the data or the command is wrong (64 usage, 65 data, 66 missing input, 70 internal error):
  running it again gives the same error, so the task *returns* the outcome and the driver
  stops the whole run with it (Dask's retries are not spent on it);
- the attempt was lost (73 an output could not be written, e.g. the lock of an earlier attempt
  still held; a signal such as the out-of-memory killer's): the task *raises* `TileAttemptLost`
  and Dask runs it again (`retries`). A worker that dies mid-tile is Dask's own case: the
  scheduler gives the tile to another worker.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

# Exit codes whose cause is in the data or the command: another attempt cannot help.
FINAL_CODES = {64, 65, 66, 70}
# How much of phusong's standard error comes back through the scheduler.
STDERR_TAIL = 16_384


@dataclass(frozen=True)
class TileJob:
    """Everything a worker needs to run one tile (paths on the shared file system)."""

    tile_id: str
    bounds: str  # MINLON,MINLAT,MAXLON,MAXLAT
    phusong: str  # the executable, on PATH or a path valid on the workers
    report_arguments: tuple[str, ...]  # the inputs and settings, the same for every tile
    out: str  # the tile's partial folder
    stop_file: str | None = None  # a file on the shared path whose existence cancels the run

    def command(self) -> list[str]:
        return [self.phusong, "report", *self.report_arguments, "--tile", self.bounds, "--partial",
                "--quiet", "--out", self.out]


@dataclass(frozen=True)
class TileOutcome:
    """What one finished attempt of a tile gives back."""

    tile_id: str
    code: int  # phusong's exit code (0 success)
    stderr: str  # the end of phusong's standard error
    wall_seconds: float
    cpu_seconds: float  # user + system of phusong's process
    host: str
    command: list[str] = field(default_factory=list)


class TileAttemptLost(Exception):
    """An attempt that another attempt may fix (exit 73, a signal); Dask retries the task.
    `code` is the exit code the run ends with when no retry is left (73, or 69 for a signal)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message, code)  # both in args: the exception travels pickled
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class TileCancelled(Exception):
    """The run was stopped (another tile failed) while this tile was running."""


def run_tile(job: TileJob) -> TileOutcome:
    """Runs phusong for one tile on this worker; see the module's documentation."""
    command = job.command()
    if job.stop_file is not None and os.path.exists(job.stop_file):
        raise TileCancelled(f"tile {job.tile_id} not started: the run was stopped")
    start = time.monotonic()
    with tempfile.TemporaryFile() as stderr, tempfile.TemporaryFile() as stdout:
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                       preexec_fn=_die_with(os.getpid()) if _PRCTL is not None else None)
        except FileNotFoundError:
            return TileOutcome(job.tile_id, 66, f"phusong-dask: {job.phusong}: no such program on worker {socket.gethostname()} "
                               "(install phusong there, or give --phusong PATH valid on every worker)\n",
                               0.0, 0.0, socket.gethostname(), command)
        except PermissionError:
            return TileOutcome(job.tile_id, 66, f"phusong-dask: {job.phusong}: not executable on worker {socket.gethostname()}\n",
                               0.0, 0.0, socket.gethostname(), command)
        status, usage = _wait(process, job.stop_file)
        wall = time.monotonic() - start
        stderr.seek(0, os.SEEK_END)
        size = stderr.tell()
        stderr.seek(max(0, size - STDERR_TAIL))
        text = stderr.read().decode("utf-8", errors="replace")
    if status is None:
        raise TileCancelled(f"tile {job.tile_id} stopped: the run was cancelled")
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    host = socket.gethostname()
    if code < 0:
        raise TileAttemptLost(f"tile {job.tile_id} ({job.bounds}): phusong was killed by signal "
                              f"{_signal_name(-code)} on {host}", 69)
    if code != 0 and code not in FINAL_CODES:
        raise TileAttemptLost(f"tile {job.tile_id} ({job.bounds}): phusong exited {code} on {host}: {text.strip()[-2000:]}",
                              code if 0 < code < 256 else 70)
    return TileOutcome(job.tile_id, code, text, wall, cpu, host, command)


def _wait(process: subprocess.Popen, stop_file: str | None) -> tuple[int | None, resource.struct_rusage | None]:
    """Waits for the process and returns its status and its own resource usage (wait4); when
    the stop file appears first, kills it and returns (None, None).

    A watcher thread looks for the stop file (on the shared path, twice a second) while this
    thread blocks in waitid(WNOWAIT): the exit is seen at once, and the process is reaped only
    after the watcher can no longer signal it, so a kill never reaches a reused pid."""
    lock = threading.Lock()
    finished = False
    killed = False

    def watch() -> None:
        nonlocal killed
        while True:
            stopped = os.path.exists(stop_file)
            with lock:
                if finished:
                    return
                if stopped:
                    os.kill(process.pid, signal.SIGKILL)
                    killed = True
                    return
            time.sleep(0.5)

    if stop_file is not None:
        threading.Thread(target=watch, name=f"phusong-dask stop watcher {process.pid}", daemon=True).start()
    while True:
        try:
            os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
            break
        except InterruptedError:
            continue
    with lock:
        finished = True
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait again
    return (None, None) if killed else (status, usage)


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


# Resolved here, in the parent: the child between fork and exec only calls it (a worker has
# threads, so the child must not import or allocate there).
_PRCTL = _load_prctl()
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int):
    """In the child, before exec: the kernel kills phusong when the worker that started it dies
    (prctl PR_SET_PDEATHSIG), so a killed worker leaves no phusong writing the tile that Dask
    gives to another worker. A parent already gone by then: the child exits at once."""

    def preexec() -> None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:
            os._exit(75)

    return preexec


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
