"""The `phusong-dask` command line (docs/dask.md)."""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal

from .driver import ReportRequest, run_report
from .tiles import PlanProblem, parse_size

USAGE_ERROR = 64


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error; phusong's documented code is 64 (docs/safety.md)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message}\n")


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text}: expected a whole number") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"{text}: must be {least} or more")
    return value


def _positive(text: str) -> int:
    return _whole_number(text, 1)


def _count(text: str) -> int:
    return _whole_number(text, 0)


def _month(text: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"{text}: expected YYYY-MM")
    return text


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="phusong-dask", description="Run phusong on a Dask cluster, tile by tile, and merge the tiles "
                  "into the report a single machine would write (byte for byte). See docs/dask.md.")
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = commands.add_parser(
        "report", help="the coverage report, computed tile by tile on a Dask cluster",
        description="Plans tiles over the villages' and cells' coordinates, runs `phusong report --tile … --partial` "
        "for each tile on a Dask worker (inputs read by every worker from a path they share), then "
        "`phusong merge` into --out. Exit codes: 0, 64 usage, 65/66/70 phusong's (a tile's or the merge's), "
        "69 the cluster unavailable, 73 an output not written.")
    where = report.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="tcp://HOST:8786", help="a running Dask scheduler")
    where.add_argument("--local-workers", type=_positive, metavar="N",
                       help="start a Dask cluster on this machine with N worker processes of one thread each")
    inputs = report.add_argument_group("inputs (paths every worker can read: a shared file system)")
    inputs.add_argument("--villages", required=True, metavar="FILE", help="villages.csv")
    inputs.add_argument("--cells", required=True, action="append", metavar="FILE", help="cells.csv (repeatable)")
    inputs.add_argument("--admin", action="append", default=[], metavar="FILE", help="boundaries (repeatable)")
    inputs.add_argument("--layer", action="append", default=[], metavar="NAME", help="a GIS source's layer (repeatable)")
    inputs.add_argument("--config", metavar="FILE", help="phusong's configuration file")
    inputs.add_argument("--terrain", metavar="PATH", help="the elevation tiles (docs/terrain.md)")
    settings = report.add_argument_group("report settings (as phusong report's)")
    settings.add_argument("--lang", choices=("vi", "en"), help="language of report.html and report.xlsx")
    settings.add_argument("--month", type=_month, metavar="YYYY-MM", help="month of the report (default: this month, "
                          "on the machine running phusong-dask)")
    settings.add_argument("--basemap", metavar="URL", help="online base map of report.html")
    settings.add_argument("--no-area", action="store_true", help="skip area coverage")
    settings.add_argument("--threads", type=_positive, default=1, metavar="N",
                          help="threads of each tile's phusong (default 1: one per Dask worker thread)")
    settings.add_argument("--merge-threads", type=_positive, metavar="N",
                          help="threads of `phusong merge`, on this machine (default: its cores)")
    tiling = report.add_argument_group("tiles")
    tiling.add_argument("--tile-size", default="1.0", metavar="DEGREES", help="side of the tile grid (default 1.0)")
    tiling.add_argument("--max-villages-per-tile", type=_positive, default=20_000, metavar="N",
                        help="split a tile with more villages into quarters (default 20000)")
    tiling.add_argument("--min-tile-size", default="0.125", metavar="DEGREES",
                        help="the smallest side a split makes (default 0.125)")
    run = report.add_argument_group("the run")
    run.add_argument("--out", required=True, metavar="DIR", help="the report folder (replaced whole, as phusong report's)")
    run.add_argument("--work-dir", metavar="DIR", help="where the tiles' partial outputs go, on the shared file system "
                     "(default: .NAME.phusong-dask beside --out); removed after the merge")
    run.add_argument("--phusong", default="phusong", metavar="PATH",
                     help="the phusong executable, the same path on every worker (default: phusong on PATH)")
    run.add_argument("--retries", type=_count, default=2, metavar="N",
                     help="attempts of a tile after the first when its worker dies or it cannot write (default 2)")
    run.add_argument("--keep-tiles", action="store_true", help="keep the tiles' partial outputs after the merge")
    run.add_argument("--timings", metavar="FILE", help="write every tile's wall and CPU time to this CSV")
    run.add_argument("--quiet", action="store_true", help="print errors only (and phusong merge's summary)")
    return top


def main(argv: list[str] | None = None) -> int:
    top = parser()
    options = top.parse_args(argv)
    try:
        tile_size = parse_size(options.tile_size, "--tile-size")
        min_tile_size = parse_size(options.min_tile_size, "--min-tile-size")
    except PlanProblem as problem:
        top.error(str(problem))
    request = ReportRequest(
        villages=options.villages, cells=options.cells, out=options.out, admin=options.admin, layers=options.layer,
        config=options.config, terrain=options.terrain, threads=options.threads, merge_threads=options.merge_threads, no_area=options.no_area,
        lang=options.lang, month=options.month, basemap=options.basemap, tile_size=tile_size,
        max_villages=options.max_villages_per_tile, min_tile_size=min(min_tile_size, tile_size),
        scheduler=options.scheduler, local_workers=options.local_workers, phusong=options.phusong,
        retries=options.retries, work_dir=options.work_dir, keep_tiles=options.keep_tiles, timings=options.timings,
        quiet=options.quiet)
    try:
        return run_report(request)
    except KeyboardInterrupt:
        print("phusong-dask: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
