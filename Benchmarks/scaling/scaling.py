#!/usr/bin/env python3
"""The scaling table of issue 6: `phusong report --no-area` and `phusong plan` on synthetic
scenarios of 10,000, 100,000 and 1,000,000 villages, with 1 and 2 threads.

Called by Benchmarks/scaling/run.sh (which builds phusong); standard library only. It measures
the radio model's rate once, with `phusong radio-rate --json` ((cell, village) pairs per second
on one core, distance + RSRP; PHUSONG_RSRP_RATE or --rsrp-rate given instead skip it), then for
each size N:

1. makes the scenario with `phusong synth --villages N --seed S` into WORK/n<N>-seed<S>/,
   unless that folder already holds a complete one (a `synth.json` stamp is written last);
2. counts, on a seeded sample of villages, the (village, cell) pairs within the radio model's
   range (35 km): the RSRP evaluations an exhaustive engine would need (`reach.json`, cached);
3. times `report --no-area` and `plan` with each thread count, R runs each: the wall clock of
   the process (median), its peak resident memory (/usr/bin/time, or getrusage in a wrapper
   process when /usr/bin/time is missing), and what phusong prints on standard error
   (`Time: load … s, coverage … s, total … s (N threads)`, `Time: … s (N threads)`, and
   `report`'s `Search: R RSRP evaluations, D distances, C cells visited (…)`).

The floor of the village search is R / rate / threads: the least time its RSRP evaluations
take at the isolated rate. It then writes WORK/results.json and WORK/results.csv (every run)
and replaces the part of Benchmarks/README.md between `<!-- scaling:begin -->` and
`<!-- scaling:end -->` with the tables, the machine and the exact commands.
"""

import argparse
import csv
import datetime
import json
import math
import os
import platform
import random
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time

BEGIN = "<!-- scaling:begin -->"
END = "<!-- scaling:end -->"
HEADING = "## Scaling"

# `Time: load 0.05 s, coverage 0.20 s (setup 0.02 s, villages 0.17 s, …), total 0.47 s (1 threads)`;
# the part in parentheses (the coverage step's own steps) is optional.
REPORT_TIME = re.compile(r"Time: load ([0-9.]+) s, coverage ([0-9.]+) s(?: \(([^)]*)\))?, total ([0-9.]+) s \((\d+) threads?\)")
STEP_TIME = re.compile(r"([A-Za-z][A-Za-z _-]*?) ([0-9.]+) s")
PLAN_TIME = re.compile(r"Time: ([0-9.]+) s \((\d+) threads?\)")
# `Search: 1234 RSRP evaluations, 5678 distances, 910 cells visited (1.2 RSRP evaluations per village)`:
# the same counts for every thread count.
SEARCH = re.compile(r"Search: (\d+) RSRP evaluations, (\d+) distances, (\d+) cells visited")

# The reference radio model's range (coverage-model.md, `max_range_m`) and earth radius.
MAX_RANGE_M = 35_000.0
EARTH_RADIUS_M = 6_371_008.8


# ---------------------------------------------------------------------------------------------
# Running and measuring a command


def rusage_wrapper(argv):
    """`scaling.py --rusage-wrapper OUT -- cmd…`: runs cmd and writes its peak RSS (kB) to OUT.
    A process of its own, so that RUSAGE_CHILDREN covers that one command only."""
    out, cmd = argv[0], argv[2:]
    status = subprocess.call(cmd)
    with open(out, "w") as f:
        f.write(f"maxrss_kb={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
    sys.exit(status)


def measure(cmd, log_path, time_bin):
    """Runs cmd; returns (exit status, wall s, peak RSS kB or None, stdout, stderr)."""
    stats_path = log_path + ".rusage"
    if time_bin:
        full = [time_bin, "-f", "maxrss_kb=%M", "-o", stats_path] + cmd
    else:
        full = [sys.executable, os.path.abspath(__file__), "--rusage-wrapper", stats_path, "--"] + cmd
    start = time.perf_counter()
    proc = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    wall = time.perf_counter() - start
    rss = None
    try:
        with open(stats_path) as f:
            match = re.search(r"maxrss_kb=(\d+)", f.read())
            rss = int(match.group(1)) if match else None
        os.remove(stats_path)
    except OSError:
        pass
    with open(log_path, "w") as f:
        f.write("$ " + shlex.join(cmd) + "\n")
        f.write(f"# exit {proc.returncode}, wall {wall:.3f} s, max RSS {rss} kB\n")
        f.write("## stdout\n" + proc.stdout + "\n## stderr\n" + proc.stderr)
    return proc.returncode, wall, rss, proc.stdout, proc.stderr


def warm_page_cache(paths):
    """Reads the inputs once so that every timed run reads them from the page cache."""
    for path in paths:
        with open(path, "rb") as f:
            while f.read(1 << 22):
                pass


# ---------------------------------------------------------------------------------------------
# Scenarios


def scenario_dir(work, n, seed):
    return os.path.join(work, f"n{n}-seed{seed}")


def ensure_scenario(args, n, info):
    """Makes the scenario unless a complete one is cached; returns its synth record."""
    folder = scenario_dir(args.work_dir, n, args.seed)
    stamp = os.path.join(folder, "synth.json")
    villages = os.path.join(folder, "villages.csv")
    cells = os.path.join(folder, "cells.csv")
    if not args.regenerate and os.path.exists(stamp) and os.path.exists(villages) and os.path.exists(cells):
        with open(stamp) as f:
            record = json.load(f)
        record["cached"] = True
        print(f"[scaling] N={n:,}: cached scenario {folder} (made at commit {record.get('commit', '?')})", flush=True)
        return record
    # synth replaces its folder whole and refuses one holding anything else (the stamp, an
    # old log): start from none, and keep the log beside it.
    if os.path.exists(folder):
        shutil.rmtree(folder)
    log = folder + ".synth.log"
    cmd = [args.bin, "synth", "--villages", str(n), "--seed", str(args.seed), "--out", folder]
    print(f"[scaling] N={n:,}: {shlex.join(cmd)}", flush=True)
    status, wall, rss, out, err = measure(cmd, log, args.time_bin)
    if status != 0:
        sys.exit(f"error: phusong synth failed (exit {status}); see {log}\n{err.strip()}")
    record = {
        "villages_requested": n, "seed": args.seed, "command": cmd, "wall_s": wall, "max_rss_kb": rss,
        "commit": info["commit"], "phusong_version": info["phusong_version"],
        "summary": out.strip().splitlines(), "stderr": err.strip().splitlines(),
    }
    with open(stamp, "w") as f:
        json.dump(record, f, indent=2)
    record["cached"] = False
    if err.strip():
        print(f"[scaling]   synth wrote on stderr:\n{err.rstrip()}", flush=True)
    print(f"[scaling]   synth: {wall:.1f} s, max RSS {fmt_mib(rss)}", flush=True)
    return record


def read_points(path, want_technology=False):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        lon, lat = header.index("lon"), header.index("lat")
        tech = header.index("technology") if want_technology else None
        rows = []
        for row in reader:
            if tech is None:
                rows.append((float(row[lon]), float(row[lat])))
            else:
                rows.append((float(row[lon]), float(row[lat]), row[tech].strip().upper()))
        return rows


def reach_estimate(folder, sample_size, sample_seed):
    """Pairs (village, cell) within MAX_RANGE_M, from an exact count on a seeded sample of
    villages scaled to all of them: what an exhaustive search would evaluate. Cached in
    `reach.json`."""
    path = os.path.join(folder, "reach.json")
    key = {"sample_size": sample_size, "sample_seed": sample_seed, "max_range_m": MAX_RANGE_M, "version": 2}
    if os.path.exists(path):
        with open(path) as f:
            cached = json.load(f)
        if cached.get("key") == key:
            return cached
    villages = read_points(os.path.join(folder, "villages.csv"))
    cells = read_points(os.path.join(folder, "cells.csv"), want_technology=True)
    square = 0.25  # degrees
    grid = {}
    for lon, lat, _ in cells:
        grid.setdefault((math.floor(lat / square), math.floor(lon / square)), []).append(
            (math.radians(lat), math.radians(lon)))
    rng = random.Random(sample_seed)
    sample = rng.sample(range(len(villages)), min(sample_size, len(villages)))
    hav_limit = math.sin(MAX_RANGE_M / EARTH_RADIUS_M / 2) ** 2
    lat_span = math.degrees(MAX_RANGE_M / EARTH_RADIUS_M)
    counts = []  # per sampled village: the cells in range
    for index in sample:
        lon, lat = villages[index]
        lon_span = lat_span / max(1e-9, math.cos(math.radians(min(89.0, abs(lat) + lat_span))))
        phi, lam = math.radians(lat), math.radians(lon)
        cos_phi = math.cos(phi)
        found = 0
        for row in range(math.floor((lat - lat_span) / square), math.floor((lat + lat_span) / square) + 1):
            for column in range(math.floor((lon - lon_span) / square), math.floor((lon + lon_span) / square) + 1):
                for cphi, clam in grid.get((row, column), ()):
                    h = math.sin((cphi - phi) / 2) ** 2 + cos_phi * math.cos(cphi) * math.sin((clam - lam) / 2) ** 2
                    if h <= hav_limit:
                        found += 1
        counts.append(found)
    n = len(villages)
    mean = statistics.fmean(counts)
    sd = statistics.stdev(counts) if len(counts) > 1 else 0.0
    # Sampling without replacement: finite-population correction.
    fpc = math.sqrt(max(0.0, (n - len(counts)) / max(1, n - 1)))
    result = {
        "key": key,
        "villages": n,
        "cells": len(cells),
        "cells_4g": sum(1 for c in cells if c[2] != "5G"),
        "cells_5g": sum(1 for c in cells if c[2] == "5G"),
        "sampled_villages": len(sample),
        "pairs": {"estimate": mean * n, "mean_per_village": mean,
                      "standard_error": sd / math.sqrt(len(counts)) * fpc * n},
    }
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
    return result


# ---------------------------------------------------------------------------------------------
# The machine and the tool


def command_output(cmd, default="?"):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return default


def machine_info(args, root):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        cpu = platform.processor() or "?"
    mem_kb = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kb = int(line.split()[1])
    except OSError:
        pass
    commit = command_output(["git", "-C", root, "rev-parse", "HEAD"])
    dirty = command_output(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"], "")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "nproc": int(command_output(["nproc"], "0") or 0),
        "cpu_model": cpu,
        "memory_gib": round(mem_kb / 1024 / 1024, 1) if mem_kb else None,
        "kernel": platform.release(),
        "load_average_at_start": list(os.getloadavg()),
        "phusong_version": command_output([args.bin, "--version"]),
        "phusong_bin": args.bin,
        "built_from_working_tree": os.environ.get("PHUSONG_BUILT_HERE") == "1",
        "commit": commit,
        "tracked_changes": bool(dirty),
        "swift": command_output(["swift", "--version"]).splitlines()[0] if shutil.which("swift") else "?",
        "rss_source": f"`{args.time_bin} -f %M`" if args.time_bin else "`getrusage(RUSAGE_CHILDREN).ru_maxrss` in a wrapper process",
    }


def measure_radio_rate(args, log_path):
    """`phusong radio-rate --json`, once: (cell, village) pairs per second on one core (distance +
    RSRP) and RSRP alone. Returns the rate record, or None with a warning when it fails."""
    cmd = [args.bin, "radio-rate", "--json"]
    print(f"[scaling] radio model rate: {shlex.join(['phusong'] + cmd[1:])}", flush=True)
    status, wall, _, stdout, stderr = measure(cmd, log_path, args.time_bin)
    try:
        rate = json.loads(stdout)
        pairs = float(rate["pairs_per_second"])
        assert pairs > 0
    except (ValueError, KeyError, TypeError, AssertionError):
        print(f"[scaling] warning: radio-rate failed (exit {status}; see {log_path}): the floor is n/a "
              "unless PHUSONG_RSRP_RATE is set", flush=True)
        return None
    print(f"[scaling]   {pairs:,.0f} pairs/s, {float(rate.get('rsrp_per_second', 0)):,.0f} RSRP alone/s "
          f"(1 core, {wall:.1f} s)", flush=True)
    return {"pairs_per_second": pairs, "rsrp_per_second": rate.get("rsrp_per_second"),
            "source": "measured in isolation by `phusong radio-rate --json`"}


# ---------------------------------------------------------------------------------------------
# The runs


def runs_for(args, n):
    if args.runs is not None:
        return args.runs
    return 3 if n <= 100_000 else 1


def time_command(args, n, kind, threads, folder, runs_dir):
    villages = os.path.join(folder, "villages.csv")
    cells = os.path.join(folder, "cells.csv")
    out = os.path.join(runs_dir, f"{kind}-t{threads}")
    cmd = [args.bin, kind]
    if kind == "report":
        cmd.append("--no-area")
    cmd += ["--villages", villages, "--cells", cells, "--threads", str(threads), "--out", out]
    runs = []
    for run in range(runs_for(args, n)):
        warm_page_cache([villages, cells])
        log = os.path.join(runs_dir, f"{kind}-t{threads}-run{run + 1}.log")
        status, wall, rss, stdout, stderr = measure(cmd, log, args.time_bin)
        record = {"run": run + 1, "exit": status, "wall_s": wall, "max_rss_kb": rss, "log": log}
        pattern = REPORT_TIME if kind == "report" else PLAN_TIME
        match = None
        for match in pattern.finditer(stderr):
            pass
        if match and kind == "report":
            record.update(load_s=float(match.group(1)), coverage_s=float(match.group(2)), total_s=float(match.group(4)))
            # The rest of phusong's own total: writing the report files.
            record["write_s"] = round(max(0.0, record["total_s"] - record["load_s"] - record["coverage_s"]), 2)
            if match.group(3):
                record["coverage_steps_s"] = {name.strip(): float(value) for name, value in STEP_TIME.findall(match.group(3))}
        elif match:
            record.update(total_s=float(match.group(1)))
        search = SEARCH.search(stderr) if kind == "report" else None
        if search:
            record["search"] = {"rsrp_evaluations": int(search.group(1)), "distances": int(search.group(2)),
                                "cells_visited": int(search.group(3))}
        if status != 0:
            record["stderr_tail"] = stderr.strip().splitlines()[-5:]
        elif not match:
            record["note"] = "no Time: line on stderr"
        elif kind == "report" and not search:
            record["note"] = "no Search: line on stderr"
        other = [line for line in stderr.splitlines()
                 if line.strip() and not pattern.search(line) and not SEARCH.search(line) and not line.startswith("[plan]")]
        if other:
            record["stderr_other"] = other[:20]
        runs.append(record)
        shown = f"exit {status}, " if status else ""
        extra = f", coverage {record['coverage_s']:.2f} s" if "coverage_s" in record else ""
        if "villages" in record.get("coverage_steps_s", {}):
            extra += f" (village search {record['coverage_steps_s']['villages']:.2f} s)"
        extra += f", own total {record['total_s']:.2f} s" if "total_s" in record else ""
        if search:
            extra += f", {record['search']['rsrp_evaluations']:,} RSRP evaluations"
        print(f"[scaling]   {kind:6} t{threads} run {run + 1}: {shown}wall {wall:.2f} s{extra}, max RSS {fmt_mib(rss)}", flush=True)
        if other and run == 0:
            print(f"[scaling]   {kind} t{threads} also wrote {len(other)} other line(s) on stderr, e.g.:", flush=True)
            for line in other[:3]:
                print(f"[scaling]     {line[:200]}", flush=True)
        if status != 0:
            print(f"[scaling]   {kind} failed; see {log}", flush=True)
            break
    return {"command": cmd, "runs": runs, **summarise(runs)}


def summarise(runs):
    ok = [r for r in runs if r["exit"] == 0]
    result = {"ok": len(ok) == len(runs) and bool(ok)}
    if not ok:
        return result
    for field in ("wall_s", "load_s", "coverage_s", "write_s", "total_s"):
        values = [r[field] for r in ok if field in r]
        if values:
            result[field + "_median"] = statistics.median(values)
    steps = {}
    for name in dict.fromkeys(name for r in ok for name in r.get("coverage_steps_s", {})):
        values = [r["coverage_steps_s"][name] for r in ok if name in r.get("coverage_steps_s", {})]
        steps[name] = statistics.median(values)
    if steps:
        result["coverage_steps_s_median"] = steps
    rss = [r["max_rss_kb"] for r in ok if r.get("max_rss_kb") is not None]
    if rss:
        result["max_rss_kb"] = max(rss)
    searches = [r["search"] for r in ok if "search" in r]
    if searches:
        result["search"] = searches[0]  # the same in every run (main warns should they differ)
    return result


# ---------------------------------------------------------------------------------------------
# Output


def fmt_mib(kb):
    if kb is None:
        return "n/a"
    mib = kb / 1024
    return f"{mib / 1024:.2f} GiB" if mib >= 1024 else f"{mib:.0f} MiB"


def fmt_s(value, printed=False):
    """Seconds; `printed`: a time phusong printed itself (2 decimals)."""
    if value is None:
        return "n/a"
    if printed or 1 <= value < 100:
        return f"{value:.2f} s"
    if value < 0.01:
        return f"{value * 1000:.2g} ms"
    return f"{value:.3f} s" if value < 1 else f"{value:.0f} s"


def fmt_count(value):
    return f"{value:,.0f}"


def fmt_big(value):
    for limit, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if value >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.0f}"


def speedup(results, kind, field, base, threads):
    """Median `field` at `base` threads over the median at `threads`."""
    one = results.get(f"{kind}-t{base}", {}).get(field)
    two = results.get(f"{kind}-t{threads}", {}).get(field)
    return one / two if one and two else None


def display_path(path, root):
    relative = os.path.relpath(path, root)
    return relative if not relative.startswith("..") else path


def markdown(args, info, sizes, root):
    lines = [BEGIN, ""]
    lines.append(f"Made by `{args.invocation}` on {info['date']}. "
                 "Everything between the `scaling` markers is rewritten by that script.")
    lines.append("")
    lines.append(f"- **Machine:** {info['nproc']} cores (`nproc`), {info['cpu_model']}, "
                 f"{info['memory_gib']} GiB memory, Linux {info['kernel']}; "
                 f"load average at start {', '.join(f'{x:.2f}' for x in info['load_average_at_start'])}.")
    built = ("built by the script from this working tree" if info.get("built_from_working_tree")
             else f"`PHUSONG_BIN={display_path(info['phusong_bin'], root)}`, built beforehand (it may predate this commit)")
    lines.append(f"- **phusong:** `{info['phusong_version']}`; checkout at commit `{info['commit'][:12]}`"
                 + (" with uncommitted changes to tracked files" if info["tracked_changes"] else "")
                 + f"; release build, {built}; {info['swift']}.")
    runs_note = ", ".join(f"{fmt_count(s['villages_requested'])}: {s['runs']}" for s in sizes)
    lines.append(f"- **Runs per configuration:** {runs_note}. Times are medians; before each run the inputs "
                 "are read once, so every run reads them from the page cache. "
                 f"Peak memory is the process's maximum resident set size ({info['rss_source']}), the largest over the runs.")
    lines.append("")
    base = args.threads[0]
    lines.append("| villages | cells | command | threads | wall | load | coverage step | village search | write | "
                 f"speed-up vs {base} thread{'s' if base > 1 else ''}: coverage step / village search / wall | peak memory |")
    lines.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in sizes:
        reach = s["reach"]
        for kind in ("report", "plan"):
            for threads in args.threads:
                r = s["results"].get(f"{kind}-t{threads}")
                if r is None:
                    continue
                label = "`report --no-area`" if kind == "report" else "`plan`"
                row = f"| {fmt_count(reach['villages'])} | {fmt_count(reach['cells'])} | {label} | {threads} | "
                if not r["ok"]:
                    failed = next((x for x in r["runs"] if x["exit"] != 0), None)
                    lines.append(row + (f"failed (exit {failed['exit']})" if failed else "failed") + " | | | | | | |")
                    continue
                report = kind == "report"
                village_search = r.get("coverage_steps_s_median", {}).get("villages")
                ups = []
                if threads != base:
                    for field in ("coverage_s_median", "village_search_s_median", "wall_s_median"):
                        if not report and field != "wall_s_median":
                            ups.append("–")
                            continue
                        if field == "village_search_s_median":
                            one = s["results"].get(f"{kind}-t{base}", {}).get("coverage_steps_s_median", {}).get("villages")
                            up = one / village_search if one and village_search else None
                        else:
                            up = speedup(s["results"], kind, field, base, threads)
                        ups.append(f"{up:.2f}×" if up else "n/a")
                lines.append(row + " | ".join([
                    fmt_s(r.get("wall_s_median")),
                    fmt_s(r.get("load_s_median"), printed=True) if report else "",
                    fmt_s(r.get("coverage_s_median"), printed=True) if report else "",
                    fmt_s(village_search, printed=True) if report and village_search is not None else "",
                    fmt_s(r.get("write_s_median"), printed=True) if report else "",
                    " / ".join(ups) if ups and any(ups) else "",
                    fmt_mib(r.get("max_rss_kb")),
                ]) + " |")
    lines.append("")
    lines.append("*wall*: the whole process, from its start to its exit. *load* and *coverage step* are what "
                 "`report` prints on standard error (`Time: load … s, coverage … s (setup …, villages …, "
                 "indicators …, area …), total … s`). The coverage step builds the engine (*setup*), finds every "
                 "village's best 4G and 5G servers, operator coverage and nearest site (*village search*, the "
                 "`villages` part of that line) and aggregates the indicators. *write* is the rest of `report`'s "
                 "own total: writing the report files (CSV, JSON, HTML). `plan`'s wall includes its own "
                 f"loading and coverage. A speed-up is the {base}-thread median over this row's median.")
    lines.append("")

    # The floor.
    lines.append("### Floor: the radio model alone")
    lines.append("")
    rate = args.radio_rate["pairs_per_second"] if args.radio_rate else None
    if rate:
        alone = args.radio_rate.get("rsrp_per_second")
        lines.append(f"Radio model rate, {args.radio_rate['source']}: "
                     f"**{rate:,.0f} (cell, village) pairs/s per core**, distance + RSRP"
                     + (f" (RSRP alone: {float(alone):,.0f}/s)" if alone else "") + ".")
    else:
        lines.append("Radio model rate: not available (`phusong radio-rate --json` failed), so the floor is *n/a*. "
                     "Set `PHUSONG_RSRP_RATE` ((cell, village) pairs per second on one core, distance + RSRP).")
    lines.append("")
    lines.append("| villages | cells (4G / 5G) | RSRP evaluations (per village) | distances | cells visited | threads | "
                 "village search | floor | measured / floor |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in sizes:
        reach = s["reach"]
        for threads in args.threads:
            r = s["results"].get(f"report-t{threads}")
            if r is None:
                continue
            search = r.get("search")
            measured = r.get("coverage_steps_s_median", {}).get("villages")
            floor = search["rsrp_evaluations"] / rate / threads if search and rate else None
            counts = ([f"{fmt_big(search['rsrp_evaluations'])} ({search['rsrp_evaluations'] / reach['villages']:.1f})",
                       fmt_big(search["distances"]), fmt_big(search["cells_visited"])] if search else ["n/a"] * 3)
            lines.append(
                f"| {fmt_count(reach['villages'])} | {fmt_count(reach['cells_4g'])} / {fmt_count(reach['cells_5g'])} | "
                + " | ".join(counts) + f" | {threads} | {fmt_s(measured, printed=True)} | {fmt_s(floor)} | "
                + (f"{measured / floor:.1f}×" if floor and measured is not None else "n/a") + " |")
    lines.append("")
    sample = sizes[0]["reach"]["sampled_villages"] if sizes else 0
    lines.append("What the pruning saves: an exhaustive search would evaluate every (village, cell) pair within "
                 "the model's maximum range (35 km).")
    lines.append("")
    for s in sizes:
        pairs = s["reach"]["pairs"]
        search = s["results"].get(f"report-t{args.threads[0]}", {}).get("search")
        lines.append(
            f"- {fmt_count(s['reach']['villages'])} villages: ≈ {fmt_big(pairs['estimate'])} ± "
            f"{fmt_big(2 * pairs['standard_error'])} pairs ({pairs['mean_per_village']:.0f} per village)"
            + (f" = {fmt_s(pairs['estimate'] / rate)} on one core at this rate" if rate else "")
            + (f", {pairs['estimate'] / search['rsrp_evaluations']:,.0f}× the RSRP evaluations phusong makes"
               if search and search["rsrp_evaluations"] else "") + ".")
    lines.append("")
    lines.append(
        "*RSRP evaluations*, *distances* and *cells visited* are what `report` prints on standard error "
        "(`Search: … RSRP evaluations, … distances, … cells visited`), the same for every thread count; in "
        "parentheses, RSRP evaluations per village. The rate is what `phusong radio-rate` measures: distance and "
        "RSRP of one (cell, village) pair after another on one core, nothing else running in the process. The "
        "*floor* is RSRP evaluations / rate / threads: the least time the village search's evaluations take at "
        "that rate, shared perfectly between the threads. *measured / floor* is the village search's median over "
        "its floor, the distance to the limit: the rest is the search itself (cells visited, bounds, distances "
        "that pruned a cell before its RSRP), per-operator coverage, the nearest site and, with threads, sharing "
        "the work. *Pairs within 35 km* is counted exactly (haversine) for a seeded sample of "
        f"{fmt_count(sample)} villages (all of them when there are fewer) and scaled to all villages; ± is two "
        "standard errors.")
    lines.append("")

    # The commands.
    lines.append("### Commands")
    lines.append("")
    lines.append("```sh")
    lines.append(args.invocation)
    lines.append(f"# phusong = {display_path(args.bin, root)}")
    for s in sizes:
        lines.append(shlex.join(["phusong"] + [display_path(x, root) if os.sep in x else x for x in s["synth_command"][1:]])
                     + ("   # cached" if s["synth_cached"] else ""))
        for key in s["results"]:
            cmd = s["results"][key]["command"]
            lines.append(shlex.join(["phusong"] + [display_path(x, root) if os.sep in x else x for x in cmd[1:]]))
    lines.append("```")
    lines.append("")
    lines.append(f"Raw results (every run): `{display_path(os.path.join(args.work_dir, 'results.json'), root)}` "
                 f"and `results.csv` beside it; logs of each run under `runs/`.")
    lines.append("")
    lines.append(END)
    return "\n".join(lines)


def update_readme(path, block, begin_marker=BEGIN, end_marker=END, heading_text=HEADING):
    """Replaces the text between the markers; adds the markers under the heading (and the
    heading at the end of the file) when they are missing. Nothing else of the file changes."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    begin = text.find(begin_marker)
    end = text.find(end_marker, begin + 1) if begin >= 0 else -1
    if begin >= 0 and end >= 0:
        text = text[:begin] + block + text[end + len(end_marker):]
    else:
        heading = re.search(r"^" + re.escape(heading_text) + r"[ \t]*(\n|$)", text, re.MULTILINE)
        if heading:
            text = text[:heading.end()] + ("" if heading.group(1) else "\n") + "\n" + block + "\n" + text[heading.end():]
        else:
            if text and not text.endswith("\n"):
                text += "\n"
            text += ("\n" if text else "") + heading_text + "\n\n" + block + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def write_raw(work, info, sizes, args):
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"machine": info, "invocation": args.invocation, "phusong_bin": args.bin, "threads": args.threads,
                   "seed": args.seed, "radio_rate": args.radio_rate, "sizes": sizes}, f, indent=2)
    with open(os.path.join(work, "results.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["villages", "cells", "seed", "command", "threads", "run", "exit", "wall_s", "load_s",
                         "coverage_s", "village_search_s", "write_s", "own_total_s", "rsrp_evaluations", "distances",
                         "cells_visited", "max_rss_kb", "commit", "date"])
        for s in sizes:
            for key, r in sorted(s["results"].items()):
                kind, threads = key.split("-t")
                for run in r["runs"]:
                    writer.writerow([s["reach"]["villages"], s["reach"]["cells"], args.seed, kind, threads, run["run"],
                                     run["exit"], f"{run['wall_s']:.4f}", run.get("load_s", ""), run.get("coverage_s", ""),
                                     run.get("coverage_steps_s", {}).get("villages", ""), run.get("write_s", ""),
                                     run.get("total_s", ""), *(run.get("search", {}).get(field, "") for field in
                                                                 ("rsrp_evaluations", "distances", "cells_visited")),
                                     run.get("max_rss_kb", ""), info["commit"], info["date"]])


# ---------------------------------------------------------------------------------------------


def parse_args(argv, root):
    parser = argparse.ArgumentParser(
        prog="Benchmarks/scaling/run.sh",
        description="Times `phusong report --no-area` and `phusong plan` on synthetic scenarios of growing size "
                    "(threads 1 and 2) and writes the table into Benchmarks/README.md (## Scaling).",
        epilog="Environment: PHUSONG_BIN (use this binary, do not build), PHUSONG_RSRP_RATE ((cell, village) pairs/s "
               "on one core, distance + RSRP, for the floor instead of measuring it with `phusong radio-rate`).")
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="village counts, comma-separated (default: 10000,100000,1000000; 1_000_000 and 1e6 work)")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs per configuration (default: 3 up to 100,000 villages, 1 above)")
    parser.add_argument("--seed", type=int, default=1, help="seed of `phusong synth` (default: 1)")
    parser.add_argument("--threads", default="1,2", help="thread counts (default: 1,2)")
    parser.add_argument("--skip-plan", action="store_true", help="time `report --no-area` only")
    parser.add_argument("--work-dir", default=os.path.join(root, ".build-scaling", "scenarios"),
                        help="scenarios, run outputs and raw results (default: .build-scaling/scenarios)")
    parser.add_argument("--regenerate", action="store_true", help="make the scenarios again even when cached")
    parser.add_argument("--readme", default=os.path.join(root, "Benchmarks", "README.md"),
                        help="the file to write the table into (default: Benchmarks/README.md)")
    parser.add_argument("--no-readme", action="store_true", help="do not touch the README; raw results only")
    parser.add_argument("--render-only", action="store_true",
                        help="run nothing: write the README section again from WORK/results.json "
                             "(--rsrp-rate or PHUSONG_RSRP_RATE replace the rate saved there)")
    parser.add_argument("--rsrp-rate", type=float, default=None,
                        help="(cell, village) pairs/s on one core, distance + RSRP, for the floor (default: "
                             "$PHUSONG_RSRP_RATE, else measured once with `phusong radio-rate --json`)")
    parser.add_argument("--sample", type=int, default=2000,
                        help="villages sampled to count the pairs within range (default: 2000)")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(float(s.replace("_", ""))) for s in args.sizes.split(",") if s.strip()]
        args.threads = [int(t) for t in args.threads.split(",") if t.strip()]
    except ValueError:
        parser.error("--sizes and --threads take comma-separated whole numbers")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes needs village counts of at least 1")
    if not args.threads or min(args.threads) < 1:
        parser.error("--threads needs counts of at least 1")
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    args.work_dir = os.path.abspath(args.work_dir)
    args.bin = os.environ.get("PHUSONG_BIN") or os.path.join(root, ".build-scaling", "release", "phusong")
    # The rate given instead of measured (args.radio_rate stays None until main measures it).
    source = "`--rsrp-rate`" if args.rsrp_rate is not None else None
    if source is None and os.environ.get("PHUSONG_RSRP_RATE"):
        try:
            args.rsrp_rate = float(os.environ["PHUSONG_RSRP_RATE"].replace("_", ""))
        except ValueError:
            parser.error("PHUSONG_RSRP_RATE must be a number ((cell, village) pairs per second on one core)")
        source = "`PHUSONG_RSRP_RATE`"
    if args.rsrp_rate is not None and not args.rsrp_rate > 0:
        parser.error("the RSRP rate must be positive")
    args.radio_rate = {"pairs_per_second": args.rsrp_rate, "source": f"given by {source}"} if source else None
    args.time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    args.invocation = shlex.join(["bash", "Benchmarks/scaling/run.sh"] + argv)
    return args


def render_only(args, root):
    path = os.path.join(args.work_dir, "results.json")
    try:
        with open(path) as f:
            saved = json.load(f)
    except OSError:
        sys.exit(f"error: {path} not found: run the benchmark first")
    args.invocation = saved["invocation"]
    args.bin = saved.get("phusong_bin", args.bin)
    args.threads = saved.get("threads", args.threads)
    if args.radio_rate is None:
        args.radio_rate = saved.get("radio_rate")
    update_readme(args.readme, markdown(args, saved["machine"], saved["sizes"], root))
    print(f"[scaling] table written into {args.readme} from {path}", flush=True)
    return 0


def main(argv):
    if argv[:1] == ["--rusage-wrapper"]:
        rusage_wrapper(argv[1:])
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    args = parse_args(argv, root)
    if args.render_only:
        return render_only(args, root)
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"error: {args.bin} is not an executable (build it, or set PHUSONG_BIN)")
    os.makedirs(args.work_dir, exist_ok=True)
    info = machine_info(args, root)
    print(f"[scaling] {info['phusong_version']} at {info['commit'][:12]}; {info['nproc']} cores, {info['cpu_model']}; "
          f"load average {info['load_average_at_start'][0]:.2f}", flush=True)
    if info["load_average_at_start"][0] > max(1, info["nproc"]) * 0.5:
        print("[scaling] warning: the machine is busy; times will be noisy", flush=True)
    if not args.time_bin:
        print("[scaling] /usr/bin/time not found: peak memory from getrusage in a wrapper process", flush=True)
    if args.radio_rate:
        print(f"[scaling] radio model rate {args.radio_rate['source']}: {args.radio_rate['pairs_per_second']:,.0f} "
              "pairs/s per core (radio-rate not run)", flush=True)
    else:
        os.makedirs(os.path.join(args.work_dir, "runs"), exist_ok=True)
        args.radio_rate = measure_radio_rate(args, os.path.join(args.work_dir, "runs", "radio-rate.log"))
    sizes = []
    for n in args.sizes:
        folder = scenario_dir(args.work_dir, n, args.seed)
        synth = ensure_scenario(args, n, info)
        reach = reach_estimate(folder, args.sample, sample_seed=20250)
        print(f"[scaling]   {reach['villages']:,} villages, {reach['cells']:,} cells; ≈{reach['pairs']['estimate']:,.0f} "
              f"(village, cell) pairs within 35 km ({reach['pairs']['mean_per_village']:.0f} per village)", flush=True)
        runs_dir = os.path.join(args.work_dir, "runs", f"n{n}-seed{args.seed}")
        os.makedirs(runs_dir, exist_ok=True)
        results = {}
        for kind in ("report",) + (() if args.skip_plan else ("plan",)):
            for threads in args.threads:
                results[f"{kind}-t{threads}"] = time_command(args, n, kind, threads, folder, runs_dir)
        searches = {json.dumps(run["search"], sort_keys=True) for key, r in results.items() if key.startswith("report-")
                    for run in r["runs"] if "search" in run}
        if len(searches) > 1:
            print(f"[scaling]   warning: the Search: counts differ between runs: {', '.join(sorted(searches))}", flush=True)
        for threads in args.threads[1:]:
            cov = speedup(results, "report", "coverage_s_median", args.threads[0], threads)
            search = [results.get(f"report-t{t}", {}).get("coverage_steps_s_median", {}).get("villages")
                      for t in (args.threads[0], threads)]
            if cov:
                print(f"[scaling]   coverage step speed-up {args.threads[0]}→{threads} threads: {cov:.2f}×"
                      + (f", village search {search[0] / search[1]:.2f}×" if all(search) else ""), flush=True)
        sizes.append({"villages_requested": n, "runs": runs_for(args, n), "synth_command": synth["command"],
                      "synth_cached": synth["cached"], "synth": {k: synth.get(k) for k in ("wall_s", "max_rss_kb", "commit", "stderr")},
                      "reach": reach, "results": results})
        # Raw results after every size, so that a long run that stops keeps what it measured.
        write_raw(args.work_dir, info, sizes, args)
    if args.radio_rate:
        rate = args.radio_rate["pairs_per_second"]
        print(f"[scaling] floor of the village search at {rate:,.0f} pairs/s per core (RSRP evaluations / rate / threads):",
              flush=True)
        for s in sizes:
            for threads in args.threads:
                r = s["results"].get(f"report-t{threads}", {})
                measured = r.get("coverage_steps_s_median", {}).get("villages")
                if "search" not in r:
                    print(f"[scaling]   {s['reach']['villages']:,} villages, {threads} thread(s): n/a (no Search: line)", flush=True)
                    continue
                floor = r["search"]["rsrp_evaluations"] / rate / threads
                print(f"[scaling]   {s['reach']['villages']:,} villages, {threads} thread(s): floor {fmt_s(floor)}"
                      + (f", measured {measured:.2f} s ({measured / floor:.1f}× the floor)" if measured is not None else ""),
                      flush=True)
            print(f"[scaling]   exhaustive search: ≈{s['reach']['pairs']['estimate']:,.0f} evaluations = "
                  f"{fmt_s(s['reach']['pairs']['estimate'] / rate)} on one core", flush=True)
    else:
        print("[scaling] floor: n/a (radio-rate failed; set PHUSONG_RSRP_RATE to pairs/s per core)", flush=True)
    print(f"[scaling] raw results: {os.path.join(args.work_dir, 'results.json')}, results.csv", flush=True)
    if not args.no_readme:
        update_readme(args.readme, markdown(args, info, sizes, root))
        print(f"[scaling] table written into {args.readme} (between {BEGIN} and {END})", flush=True)
    failed = [f"{s['villages_requested']}:{k}" for s in sizes for k, r in s["results"].items() if not r["ok"]]
    if failed:
        print(f"[scaling] failed: {', '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
