#!/usr/bin/env python3
"""Median time of each stage of `phusong report`, for one or more builds, side by side.

    python3 scripts/stage-times.py [--runs 5] [--threads 2] [--area] [--admin FILE]
                                   [--villages V.csv --cells C.csv] BINARY [BINARY ...]

Runs `BINARY report ... --out <temporary folder>` RUNS times per binary (alternating the
binaries run by run, so that a change in the machine's load hits all of them alike) and reads
the stages from the `Time:` line the command prints on standard error: load, index (the
engine's setup: cells, trees, bounds), villages (the coverage search), indicators, area, and
write (the rest of the total: the report files, published). Wall clock and peak resident
memory come from /usr/bin/time. Prints one Markdown table: the median of every stage per
binary, and the ratio of the first binary's median to each other's. Without --villages/--cells
it runs on the national 2025 scenario (../shared/geodata, or $PHUSONG_SHARED/geodata).
Standard library only.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

STAGES = ["load", "index", "villages", "indicators", "area", "write", "total", "wall", "peak MB"]
TIME_LINE = re.compile(
    r"Time: load (?P<load>[\d.]+) s, coverage (?P<coverage>[\d.]+) s \(setup (?P<index>[\d.]+) s, "
    r"villages (?P<villages>[\d.]+) s, indicators (?P<indicators>[\d.]+) s, area (?P<area>[\d.]+) s\)"
    r".*total (?P<total>[\d.]+) s")
USAGE_LINE = re.compile(r"^STAGE-TIMES (?P<wall>[\d.]+) (?P<kb>\d+)$", re.M)


def run_once(binary, arguments):
    with tempfile.TemporaryDirectory() as out:
        command = ["/usr/bin/time", "-f", "STAGE-TIMES %e %M", binary, "report", *arguments, "--out", out + "/report"]
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{binary} exited {done.returncode}:\n{done.stderr[-2000:]}")
    stages = TIME_LINE.search(done.stderr)
    usage = USAGE_LINE.search(done.stderr)
    if not stages or not usage:
        sys.exit(f"{binary}: no Time: line or /usr/bin/time output in:\n{done.stderr[-2000:]}")
    values = {name: float(stages.group(name)) for name in ["load", "index", "villages", "indicators", "area", "total"]}
    values["write"] = values["total"] - values["load"] - float(stages.group("coverage"))
    values["wall"] = float(usage.group("wall"))
    values["peak MB"] = int(usage.group("kb")) / 1024
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binaries", nargs="+")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--area", action="store_true", help="include area coverage (no --no-area)")
    parser.add_argument("--admin", help="boundaries for --admin")
    parser.add_argument("--villages")
    parser.add_argument("--cells")
    options = parser.parse_args()
    shared = os.environ.get("PHUSONG_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    national = os.path.join(shared, "geodata", "vn-national-2025")
    villages = options.villages or os.path.join(national, "villages.csv")
    cells = options.cells or os.path.join(national, "cells.csv")
    for path in (villages, cells):
        if not os.path.exists(path):
            sys.exit(f"skipped: {path} not found")
    arguments = ["--villages", villages, "--cells", cells, "--threads", str(options.threads)]
    if not options.area:
        arguments.append("--no-area")
    if options.admin:
        arguments += ["--admin", options.admin]
    runs = {binary: [] for binary in options.binaries}
    for _ in range(options.runs):
        for binary in options.binaries:
            runs[binary].append(run_once(binary, arguments))
    medians = {binary: {stage: statistics.median(run[stage] for run in runs[binary]) for stage in STAGES}
               for binary in options.binaries}
    load = os.getloadavg()[0]
    print(f"`report{' ' if options.area else ' --no-area '}--threads {options.threads}`, median of {options.runs} runs"
          f" (load average {load:.1f} at the end):\n")
    header = "| stage | " + " | ".join(options.binaries) + " |"
    if len(options.binaries) > 1:
        header += " | ".join(f" ratio {os.path.basename(options.binaries[0])} / {os.path.basename(b)}"
                             for b in options.binaries[1:]) + " |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for stage in STAGES:
        unit = "" if stage == "peak MB" else " s"
        cells_ = [f"{medians[b][stage]:.2f}{unit}" if stage != "peak MB" else f"{medians[b][stage]:.0f}"
                  for b in options.binaries]
        ratios = []
        for b in options.binaries[1:]:
            after = medians[b][stage]
            ratios.append(f"{medians[options.binaries[0]][stage] / after:.1f}×" if after > 0 else "—")
        print(f"| {stage} | " + " | ".join(cells_ + ratios) + " |")


if __name__ == "__main__":
    main()
