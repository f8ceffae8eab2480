#!/usr/bin/env python3
"""The thread speed-up of `phusong report`'s coverage step on one scenario (by default the
national 2025 scenario of ../shared/geodata): issue 6's goal of at least 1.8× from 1 to 2
threads.

Called by Benchmarks/scaling/threads.sh (which builds phusong); standard library only. It runs
`phusong report --no-area` R times with each thread count, interleaved (1, 2, 1, 2, …) so that a
change in the machine's speed during the run touches both alike, and reads the times phusong
prints on standard error (`Time: load … s, coverage … s (setup …, villages …, indicators …,
area …), total … s`). Speed-ups are the 1-thread median over the N-thread median; the paired
ratio (each round's 1-thread time over the same round's N-thread time, median over the
rounds) is shown beside it. It checks that every thread count wrote the same summary.json and
villages.csv, then replaces the part of Benchmarks/README.md between `<!-- threads:begin -->`
and `<!-- threads:end -->` with the table, the machine and the commands.
"""

import argparse
import filecmp
import json
import os
import shlex
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scaling import REPORT_TIME, STEP_TIME, fmt_mib, machine_info, measure, update_readme, warm_page_cache  # noqa: E402

BEGIN = "<!-- threads:begin -->"
END = "<!-- threads:end -->"
HEADING = "## Thread speed-up of the coverage step"
GOAL = 1.8
STEPS = ("setup", "villages", "indicators")


def parse_args(argv, root):
    shared = os.environ.get("PHUSONG_SHARED") or os.path.join(root, "..", "shared")
    parser = argparse.ArgumentParser(
        prog="Benchmarks/scaling/threads.sh",
        description="Times `phusong report --no-area` with 1 and 2 threads, interleaved, and writes the speed-up "
                    "of the coverage step into Benchmarks/README.md.",
        epilog="Environment: PHUSONG_BIN (use this binary, do not build), PHUSONG_SHARED (the folder holding "
               "geodata/, default ../shared beside the checkout).")
    parser.add_argument("--scenario", default=os.path.join(shared, "geodata", "vn-national-2025"),
                        help="folder with villages.csv and cells.csv (default: the national 2025 scenario)")
    parser.add_argument("--runs", type=int, default=7, help="runs per thread count (default: 7)")
    parser.add_argument("--threads", default="1,2", help="thread counts, the first is the base (default: 1,2)")
    parser.add_argument("--work-dir", default=os.path.join(root, ".build-scaling", "threads"),
                        help="run outputs, logs and results.json (default: .build-scaling/threads)")
    parser.add_argument("--readme", default=os.path.join(root, "Benchmarks", "README.md"),
                        help="the file to write the table into (default: Benchmarks/README.md)")
    parser.add_argument("--no-readme", action="store_true", help="do not touch the README; results.json only")
    args = parser.parse_args(argv)
    try:
        args.threads = [int(t) for t in args.threads.split(",") if t.strip()]
    except ValueError:
        parser.error("--threads takes comma-separated whole numbers")
    if len(args.threads) < 2 or min(args.threads) < 1:
        parser.error("--threads needs at least two counts of at least 1")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.scenario = os.path.abspath(args.scenario)
    args.work_dir = os.path.abspath(args.work_dir)
    args.bin = os.environ.get("PHUSONG_BIN") or os.path.join(root, ".build-scaling", "release", "phusong")
    args.time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    args.invocation = shlex.join(["bash", "Benchmarks/scaling/threads.sh"] + argv)
    return args


def run_once(args, threads, round_number):
    villages = os.path.join(args.scenario, "villages.csv")
    cells = os.path.join(args.scenario, "cells.csv")
    out = os.path.join(args.work_dir, f"report-t{threads}")
    cmd = [args.bin, "report", "--no-area", "--villages", villages, "--cells", cells, "--threads", str(threads), "--out", out]
    warm_page_cache([villages, cells])
    log = os.path.join(args.work_dir, f"report-t{threads}-run{round_number}.log")
    status, wall, rss, _, stderr = measure(cmd, log, args.time_bin)
    match = None
    for match in REPORT_TIME.finditer(stderr):
        pass
    if status != 0 or not match:
        sys.exit(f"error: {shlex.join(cmd)} failed (exit {status}{'' if match else ', no Time: line'}); see {log}")
    steps = {name.strip(): float(value) for name, value in STEP_TIME.findall(match.group(3) or "")}
    record = {"round": round_number, "threads": threads, "wall_s": wall, "max_rss_kb": rss, "load_s": float(match.group(1)),
              "coverage_s": float(match.group(2)), "steps_s": steps, "log": log}
    print(f"[threads] round {round_number} t{threads}: coverage {record['coverage_s']:.2f} s ("
          + ", ".join(f"{name} {steps.get(name, float('nan')):.2f} s" for name in STEPS)
          + f"), wall {wall:.2f} s, max RSS {fmt_mib(rss)}", flush=True)
    return cmd, record


def value(record, field):
    return record["coverage_s"] if field == "coverage" else record["steps_s"].get(field)


def summarise(args, runs):
    base = args.threads[0]
    rows = {}
    for threads in args.threads:
        mine = [r for r in runs if r["threads"] == threads]
        row = {"runs": len(mine), "max_rss_kb": max((r["max_rss_kb"] or 0) for r in mine) or None,
               "wall_s": statistics.median(r["wall_s"] for r in mine)}
        for field in ("coverage",) + STEPS:
            values = [value(r, field) for r in mine if value(r, field) is not None]
            row[field] = statistics.median(values) if values else None
        row["coverage_fastest"] = min(r["coverage_s"] for r in mine)
        rows[threads] = row
    for threads in args.threads[1:]:
        row = rows[threads]
        row["speedup"] = {}
        row["paired"] = {}
        for field in ("coverage",) + STEPS:
            if rows[base][field] and row[field]:
                row["speedup"][field] = rows[base][field] / row[field]
            pairs = []
            for round_number in range(1, args.runs + 1):
                one = [value(r, field) for r in runs if r["round"] == round_number and r["threads"] == base]
                many = [value(r, field) for r in runs if r["round"] == round_number and r["threads"] == threads]
                if one and many and one[0] and many[0]:
                    pairs.append(one[0] / many[0])
            if pairs:
                row["paired"][field] = statistics.median(pairs)
        row["fastest_speedup"] = rows[base]["coverage_fastest"] / row["coverage_fastest"]
    return rows


def same_outputs(args):
    """True when every thread count wrote byte-identical summary.json and villages.csv."""
    base = os.path.join(args.work_dir, f"report-t{args.threads[0]}")
    for threads in args.threads[1:]:
        other = os.path.join(args.work_dir, f"report-t{threads}")
        for name in ("summary.json", "villages.csv"):
            if not filecmp.cmp(os.path.join(base, name), os.path.join(other, name), shallow=False):
                return False
    return True


def markdown(args, info, rows, commands, identical):
    base = args.threads[0]
    lines = [BEGIN, ""]
    lines.append(f"Made by `{args.invocation}` on {info['date']}. Everything between the `threads` markers is "
                 "rewritten by that script.")
    lines.append("")
    load = ", ".join(f"{x:.2f}" for x in info["load_average_at_start"])
    built = "built from the working tree" if info["built_from_working_tree"] else "built beforehand (it may predate this commit)"
    lines.append(f"- **Machine:** {info['nproc']} cores, {info['cpu_model']}, {info['memory_gib']} GiB, Linux "
                 f"{info['kernel']}; load average at start {load}.")
    lines.append(f"- **phusong:** `{info['phusong_version']}`, commit `{info['commit'][:12]}`"
                 f"{' with uncommitted changes' if info['tracked_changes'] else ''}, release build, {built}.")
    lines.append(f"- **Scenario:** `{os.path.basename(args.scenario)}` ({args.scenario_counts}).")
    lines.append(f"- **Runs:** {args.runs} per thread count, interleaved ({', '.join(map(str, args.threads))}, "
                 f"{', '.join(map(str, args.threads))}, …); every figure is a median. Outputs "
                 + ("byte-identical for every thread count (summary.json, villages.csv)." if identical
                    else "**differ** between thread counts."))
    lines.append("")
    lines.append("| threads | coverage step | setup | village search | indicators | speed-up of the coverage step "
                 "(paired; fastest runs) | speed-up of setup / village search / indicators | coverage step, fastest run "
                 "| wall | peak memory |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def s(x):
        return f"{x:.2f} s" if x is not None else "n/a"

    def x(v):
        return f"{v:.2f}×" if v is not None else "–"
    for threads in args.threads:
        row = rows[threads]
        speed = row.get("speedup", {})
        paired = row.get("paired", {})
        main = (f"**{x(speed.get('coverage'))}** ({x(paired.get('coverage'))}; {x(row.get('fastest_speedup'))})"
                if threads != base else "")
        parts = " / ".join(x(speed.get(f)) for f in STEPS) if threads != base else ""
        lines.append(f"| {threads} | {s(row['coverage'])} | {s(row['setup'])} | {s(row['villages'])} | "
                     f"{s(row['indicators'])} | {main} | {parts} | {s(row['coverage_fastest'])} | {s(row['wall_s'])} | "
                     f"{fmt_mib(row['max_rss_kb'])} |")
    lines.append("")
    second = args.threads[1]
    achieved = rows[second].get("speedup", {}).get("coverage")
    if base == 1 and second == 2 and achieved is not None:
        verdict = "met" if achieved >= GOAL else "**not met**"
        lines.append(f"Goal of issue 6: at least {GOAL}× from 1 to 2 threads on the coverage step: {verdict} "
                     f"({achieved:.2f}×).")
        lines.append("")
    lines.append("*coverage step*, *setup*, *village search* (`villages`) and *indicators* are what `report` prints "
                 "on standard error (`Time: load … s, coverage … s (setup …, villages …, indicators …, area …), "
                 "total … s`): building the engine, every village's best 4G and 5G servers, operator coverage and "
                 "nearest site, and the indicator tables. *wall* is the whole process (loading and writing the "
                 "report files included, which are serial). A speed-up is the 1-thread median over this row's "
                 "median; *paired* is the median over the rounds of each round's 1-thread time over its own "
                 "multi-thread time; *fastest runs* is the fastest 1-thread run over the fastest run of this row "
                 "(the runs least slowed by the rest of the machine). On this virtual machine the same run "
                 "varies by up to a third from one minute to the next, so the three can differ; the goal "
                 "counts as met only when the ratio of medians reaches it.")
    lines.append("")
    lines.append("```sh")
    lines.append(args.invocation)
    lines.append("# phusong = " + (os.path.relpath(args.bin, args.root) if args.bin.startswith(args.root) else args.bin))
    for cmd in commands:
        shown = ["phusong"] + [os.path.relpath(c, args.root) if os.path.isabs(c) else c for c in cmd[1:]]
        lines.append(shlex.join(shown))
    lines.append("```")
    lines.append("")
    lines.append(END)
    return "\n".join(lines)


def main(argv):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    args = parse_args(argv, root)
    args.root = root
    for name in ("villages.csv", "cells.csv"):
        if not os.path.exists(os.path.join(args.scenario, name)):
            print(f"[threads] skipped: {os.path.join(args.scenario, name)} not found (the national scenario lives in "
                  "../shared/geodata beside the checkout, or set PHUSONG_SHARED or --scenario)", flush=True)
            return 0
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"error: {args.bin} is not an executable (build it, or set PHUSONG_BIN)")
    os.makedirs(args.work_dir, exist_ok=True)
    with open(os.path.join(args.scenario, "villages.csv"), "rb") as f:
        villages = sum(1 for _ in f) - 1
    with open(os.path.join(args.scenario, "cells.csv"), "rb") as f:
        cells = sum(1 for _ in f) - 1
    args.scenario_counts = f"{villages:,} villages, {cells:,} cells"
    info = machine_info(args, root)
    print(f"[threads] {info['phusong_version']} at {info['commit'][:12]}; {info['nproc']} cores; load average "
          f"{info['load_average_at_start'][0]:.2f}; {args.scenario} ({args.scenario_counts})", flush=True)
    if info["load_average_at_start"][0] > max(1, info["nproc"]) * 0.5:
        print("[threads] warning: the machine is busy; times will be noisy", flush=True)
    runs = []
    commands = {}
    for round_number in range(1, args.runs + 1):
        for threads in args.threads:
            cmd, record = run_once(args, threads, round_number)
            commands[threads] = cmd
            runs.append(record)
    rows = summarise(args, runs)
    identical = same_outputs(args)
    for threads in args.threads[1:]:
        speed, paired = rows[threads]["speedup"], rows[threads]["paired"]
        print(f"[threads] {args.threads[0]}→{threads} threads: coverage step {speed.get('coverage', 0):.2f}× "
              f"(paired {paired.get('coverage', 0):.2f}×, fastest runs {rows[threads]['fastest_speedup']:.2f}×); setup {speed.get('setup', 0):.2f}×, village search "
              f"{speed.get('villages', 0):.2f}×, indicators {speed.get('indicators', 0):.2f}×", flush=True)
    print(f"[threads] outputs {'identical' if identical else 'DIFFER'} across thread counts", flush=True)
    with open(os.path.join(args.work_dir, "results.json"), "w") as f:
        json.dump({"machine": info, "invocation": args.invocation, "scenario": args.scenario, "runs": runs,
                   "summary": {str(k): v for k, v in rows.items()}, "identical_outputs": identical}, f, indent=2)
    if not args.no_readme:
        update_readme(args.readme, markdown(args, info, rows, [commands[t] for t in args.threads], identical),
                      BEGIN, END, HEADING)
        print(f"[threads] table written into {args.readme} (between {BEGIN} and {END})", flush=True)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
