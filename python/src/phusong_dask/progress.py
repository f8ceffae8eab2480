"""The progress of a run on standard error: one line rewritten in place on a terminal, one line
per finished tile otherwise (a log), nothing with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def duration_text(seconds: float) -> str:
    """`4.2 s`, `3 min 05 s`, `1 h 02 min`."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts finished tiles and villages; the ETA assumes the remaining villages take as long
    per village as the finished ones (tiles are weighted by their villages)."""

    def __init__(self, tiles: int, villages: int, quiet: bool, stream: TextIO = sys.stderr) -> None:
        self.tiles = tiles
        self.villages = max(1, villages)
        self.quiet = quiet
        self.stream = stream
        self.terminal = stream.isatty()
        self.start = time.monotonic()
        self.done = 0
        self.villages_done = 0
        self.drawn = False

    def note(self, text: str) -> None:
        """A line of its own (the progress line, if any, is cleared first)."""
        if self.quiet:
            return
        self._clear()
        print(f"phusong-dask: {text}", file=self.stream, flush=True)

    def finished(self, tile_id: str, bounds: str, villages: int, wall: float, cpu: float, host: str) -> None:
        self.done += 1
        self.villages_done += villages
        if self.quiet:
            return
        if self.terminal:
            self._clear()
            self.stream.write(self.line())
            self.stream.flush()
            self.drawn = True
        else:
            print(f"phusong-dask: tile {tile_id} ({bounds}): {villages:,} villages, {duration_text(wall)} "
                  f"(CPU {duration_text(cpu)}) on {host}; {self.line()}", file=self.stream, flush=True)

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        text = f"tiles {self.done:,}/{self.tiles:,}, villages {self.villages_done:,}/{self.villages:,}, {duration_text(elapsed)}"
        if 0 < self.villages_done < self.villages:
            text += f", ETA {duration_text(elapsed * (self.villages - self.villages_done) / self.villages_done)}"
        return text

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False
