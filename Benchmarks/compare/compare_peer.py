#!/usr/bin/env python3
"""phusong report --no-area against the peer (peer.py): whole processes, same inputs, the same
data files written; checks that the results are equal and prints both medians and the ratio.

Usually started by scripts/compare-peer.sh (which makes the virtualenv and finds phusong):

    bash scripts/compare-peer.sh                         # national scenario, phusong 5 runs, peer 3
    bash scripts/compare-peer.sh --scenario dienbien     # the Điện Biên subset (seconds)
    bash scripts/compare-peer.sh --help

The runs alternate (phusong, peer, phusong, peer, ...), so that both sides see the same load
on a shared machine. Exit status: 0 when everything matched, 1 when something differed, 2 on
a usage error.
"""

import argparse
import json
import os
import re
import statistics
import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import compare  # noqa: E402
import coverage  # noqa: E402
import peer  # noqa: E402

# The peer's distance comes from the k-d tree's chord and its bearing from unit vectors
# (kernel.py), phusong's from the haversine and atan2 formulas of the spec. Both are exact to
# rounding, but for a village a metre or two from a cell the direction is ill-conditioned in
# either form: nationally the best RSRP of about 60 such villages (-40 to -50 dBm) differ in
# the ninth decimal, at most 2.7e-9 dB. So RSRP is compared to 1e-8 dB here (compare.py's
# pipelines use phusong's formulas and agree to 1e-13). Best cells, coverage flags, nearest
# sites and every indicator must be exactly equal, as in compare.py.
RSRP_TOL_DB = 1e-8
PEER_LINE = re.compile(r"peer: load ([0-9.]+) s, coverage ([0-9.]+) s \(([0-9,]+) pairs evaluated\), indicators ([0-9.]+) s, "
                       r"write ([0-9.]+) s, total ([0-9.]+) s")


def run_phusong(binary, villages, cells, out, threads, log):
    cmd = [binary, "report", "--villages", str(villages)] + [a for c in cells for a in ("--cells", str(c))]
    wall, usage, err = compare.run_timed(cmd + ["--out", str(out), "--threads", str(threads), "--no-area"], log)
    match = compare.TIME_RE.search(err)
    stages = {"load": float(match[1]), "coverage": float(match[2]), "total": float(match[3])} if match else {}
    return {"wall": wall, **usage, **stages}


def run_peer(villages, cells, out, log):
    wall, usage, err = compare.run_timed([sys.executable, str(HERE / "peer.py"), "--villages", str(villages), "--cells", str(cells),
                       "--out", str(out)], log)
    m = PEER_LINE.search(err)
    stages = {"load": float(m[1]), "coverage": float(m[2]), "pairs": int(m[3].replace(",", "")), "indicators": float(m[4]),
              "write": float(m[5]), "total": float(m[6])} if m else {}
    return {"wall": wall, **usage, **stages}


def fmt_mb(mb):
    return "? MB" if mb is None else f"{mb:.0f} MB"


def read_peer(out):
    """The peer's villages.csv and indicator tables, in the shapes compare.py checks."""
    res = pd.read_csv(out / "villages.csv", dtype=str, keep_default_na=False)
    for col in ("covered_4g", "covered_5g", "connected", "dead_zone", "unpowered"):
        res[col] = res[col] == "true"
    for col in ("best_4g_rsrp_dbm", "best_5g_rsrp_dbm", "nearest_site_m"):
        res[col] = pd.to_numeric(res[col].replace("", np.nan))

    def table(name, key):
        t = pd.read_csv(out / f"{name}.csv", dtype={key: str}, keep_default_na=False).set_index(key)
        for col in coverage.SHARE_KEYS:
            t[col] = pd.to_numeric(t[col].replace("", np.nan))
        return t

    national = json.loads((out / "summary.json").read_text(encoding="utf-8"))["national"]
    national = pd.DataFrame([{k: (np.nan if v is None else v) for k, v in national.items()}])
    return res, (national, table("provinces", "province_code"), table("communes", "commune_code"), table("operators", "operator"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Scenarios: national (default), dienbien (its subset), default (geodata/default), "
                                            "or a folder with villages.csv and cells.csv.")
    parser.add_argument("--scenario", default="national", help="national, dienbien, default, or a folder (default: national)")
    parser.add_argument("--villages", help="villages.csv (instead of --scenario)")
    parser.add_argument("--cells", help="cells.csv (with --villages)")
    parser.add_argument("--runs", type=int, default=5, help="phusong runs; the median is reported (default 5)")
    parser.add_argument("--peer-runs", type=int, default=3, help="peer runs; the median is reported (default 3)")
    parser.add_argument("--threads", type=int, default=2, help="phusong --threads (default 2)")
    args = compare.parse_with_binary(parser, ".build-compare/peer/<scenario>", "scripts/compare-peer.sh")
    scenario = argparse.Namespace(villages=args.villages, cells=[args.cells] if args.cells else None, admin=None,
                                  no_admin=True, name=None, scenario=args.scenario)
    name, villages, cells, _ = compare.resolve_scenario(scenario)
    if len(cells) != 1:
        sys.exit("error: give one cells file")
    out, log, version = compare.fresh_output(args, ROOT / ".build-compare" / "peer" / name, "commands.log")
    print(f"Scenario {name}: {villages}, {cells[0]}")
    print(f"phusong {version} ({args.phusong}), report --no-area --threads {args.threads}; "
          f"peer: {Path(sys.executable).name} {HERE / 'peer.py'}; outputs in {out}")

    # The peer's kernel against the spec's formulas (radio.py), outside the timings.
    worst = peer.check_kernels(peer.load_cells(cells[0]))
    print(f"peer kernel vs radio.py on sampled pairs: largest RSRP difference {worst:.1e} dB (limit {peer.KERNEL_TOL_DB:.0e})")

    load_before = os.getloadavg()
    ph_runs, py_runs = [], []
    for i in range(max(args.runs, args.peer_runs)):
        if i < args.runs:
            t = run_phusong(args.phusong, villages, cells, out / "phusong", args.threads, log)
            ph_runs.append(t)
            print(f"  phusong run {i + 1}/{args.runs}: {t['wall']:.2f} s, {fmt_mb(t.get('peak_rss_mb'))}, CPU {t.get('cpu_s', 0):.2f} s", flush=True)
        if i < args.peer_runs:
            t = run_peer(villages, cells[0], out / "peer", log)
            py_runs.append(t)
            print(f"  peer run {i + 1}/{args.peer_runs}: {t['wall']:.2f} s, {fmt_mb(t.get('peak_rss_mb'))}, CPU {t.get('cpu_s', 0):.2f} s (load {t.get('load', 0):.2f}, coverage "
                  f"{t.get('coverage', 0):.2f}, indicators {t.get('indicators', 0):.2f}, write {t.get('write', 0):.2f}; "
                  f"{t.get('pairs', 0):,} pairs evaluated)", flush=True)
    load_after = os.getloadavg()
    log.close()

    # Checks: the peer's files against phusong's (the last run of each).
    results, tables = read_peer(out / "peer")
    village_summary, problems = compare.compare_villages(out / "phusong" / "villages.csv", results, rsrp_tol_db=RSRP_TOL_DB)
    values, p = compare.compare_indicators(out / "phusong", tables)
    problems += p
    if not worst <= peer.KERNEL_TOL_DB:
        problems.append(f"peer kernel differs from radio.py by {worst:.1e} dB")

    ph = statistics.median(r["wall"] for r in ph_runs)
    py = statistics.median(r["wall"] for r in py_runs)
    vs = village_summary
    flag_mismatches = sum(vs[k + "_mismatches"] for k in ("covered_4g", "covered_5g", "connected", "dead_zone", "unpowered"))
    print(f"\nChecks: {vs['villages']:,} villages: best 4G/5G cell mismatches {vs['best_4g_cell_mismatches']}/"
          f"{vs['best_5g_cell_mismatches']}, coverage flag mismatches {flag_mismatches}, nearest site mismatches "
          f"{vs['nearest_site_mismatches']}, max |ΔRSRP| "
          f"{max(vs['best_4g_rsrp_dbm_max_abs_diff'], vs['best_5g_rsrp_dbm_max_abs_diff']):.1e} dB (limit {RSRP_TOL_DB:.0e}); "
          f"{values:,} indicator values compared")
    print(f"Load average (1 min): {load_before[0]:.2f} before, {load_after[0]:.2f} after; {os.cpu_count()} cores")
    ph_rss = fmt_mb(max(r.get("peak_rss_mb", 0) for r in ph_runs) or None)
    py_rss = fmt_mb(max(r.get("peak_rss_mb", 0) for r in py_runs) or None)
    ph_cpu = statistics.median(r.get("cpu_s", 0) for r in ph_runs)
    py_cpu = statistics.median(r.get("cpu_s", 0) for r in py_runs)
    ph_list = ", ".join(f"{r['wall']:.2f}" for r in ph_runs)
    py_list = ", ".join(f"{r['wall']:.2f}" for r in py_runs)
    print(f"\nphusong report --no-area --threads {args.threads}  median of {len(ph_runs)}: {ph:6.2f} s, peak {ph_rss}   (runs: {ph_list})")
    print(f"peer (numpy/scipy, one process)      median of {len(py_runs)}: {py:6.2f} s, peak {py_rss}   (runs: {py_list})")
    print(f"ratio peer / phusong: {py / ph:.1f}× (wall time; CPU time medians {py_cpu:.2f} s / {ph_cpu:.2f} s = "
          f"{py_cpu / ph_cpu if ph_cpu else float('nan'):.1f}×, all threads counted)")
    summary = {
        "scenario": name, "inputs": {"villages": str(villages), "cells": str(cells[0])}, "phusong_version": version,
        "phusong": str(args.phusong), "threads": args.threads, "commit": compare.git_commit(), "machine": compare.machine_info(),
        "load_average_1_5_15_min": {"before": list(load_before), "after": list(load_after)},
        "phusong_wall_s_median": ph, "peer_wall_s_median": py, "ratio_peer_to_phusong": py / ph,
        "phusong_cpu_s_median": ph_cpu, "peer_cpu_s_median": py_cpu,
        "phusong_runs": ph_runs, "peer_runs": py_runs, "kernel_max_rsrp_difference_db": worst,
        "checks": {"villages": village_summary, "indicator_values_compared": values, "rsrp_tolerance_db": RSRP_TOL_DB},
        "problems": problems, "all_matched": not problems,
    }
    (out / "results.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=float) + "\n", encoding="utf-8")
    if problems:
        print(f"\nMISMATCH: {len(problems)} difference(s):")
        for line in problems[:50]:
            print(f"  {line}")
        return 1
    print("All results equal.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
