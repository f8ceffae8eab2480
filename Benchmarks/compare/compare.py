#!/usr/bin/env python3
"""phusong vs a numpy/scipy/pandas/shapely implementation of the same computation.

Runs `phusong report` (indicators with --no-area; area coverage with province boundaries),
runs the Python implementations on the same inputs, checks that every indicator is equal and
the covered areas agree, and prints and records the times. There are two Python pipelines
for the indicators (--python-mode):

- "python (all pairs in range)", all_pairs.py: every village-cell pair within 35 km, the way
  a data scientist would write it. The headline comparison.
- "python (pruned, phusong's algorithm)", coverage.py: phusong's upper-bound pruning ported
  to numpy. It shows what remains of the difference when the algorithm is the same.

Both share the loading, the nearest site and the indicators (coverage.py), and the area
coverage (area.py) runs once.

Usually started by run.sh (which makes the virtualenv and builds phusong):

    bash Benchmarks/compare/run.sh                       # national scenario, area clipped to the 34 provinces
    bash Benchmarks/compare/run.sh --scenario default    # the embedded default data (quick)
    bash Benchmarks/compare/run.sh --python-mode pruned  # skip the all-pairs pipeline (minutes nationally)
    bash Benchmarks/compare/run.sh --help

Exit status: 0 when everything matched, 1 when something differed, 2 on a usage error.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import all_pairs  # noqa: E402
import area as area_mod  # noqa: E402
import coverage  # noqa: E402
import radio  # noqa: E402

# The two Python pipelines, in the order of the tables. Both share the loading, the nearest
# site and the indicators (coverage.py); they differ in how they find the best servers.
PYTHON_MODES = {
    # The straightforward way: every (village, cell) pair within 35 km (all_pairs.py). The
    # headline comparison.
    "all-pairs": {"label": "python (all pairs in range)", "short": "py all pairs", "coverage": all_pairs.village_coverage},
    # phusong's own upper-bound pruning ported to numpy (coverage.py): the same algorithm.
    "pruned": {"label": "python (pruned, phusong's algorithm)", "short": "py pruned", "coverage": coverage.village_coverage},
}

# Covered areas must agree within this relative tolerance (or this many km² for tiny areas).
# Why not exactly: the two sides place each footprint edge with different root finders.
# phusong solves every ray by false position to a 5 m bracket and keeps the covered end (an
# understatement of less than 5 m, usually far less); the Python side bisects to the same 5 m
# bracket and keeps its midpoint (within 2.5 m of the true edge, either way). A few metres on
# rays of hundreds of metres to tens of kilometres move an area by well under 0.5 %; measured
# on the national scenario the totals differ by about 2e-6 (4G) and 1e-4 (5G). Everything else
# (footprint definition, union, clipping, spherical area) is the same, so a real difference in
# the footprint model shows up as far more than this.
AREA_REL_TOL = 0.005
AREA_ABS_TOL_KM2 = 0.05
# Land areas are the same polygons measured with the same formula: equal to rounding.
LAND_REL_TOL = 1e-9
# RSRP is compared to this (dB); phusong writes it unrounded. The two sides use different
# libm log10/sin/cos and operation orders, so the last bits may differ.
RSRP_TOL_DB = 1e-9
# Shares are ratios of the same integers: equal to rounding (the reports print 2 decimals of %).
SHARE_TOL = 1e-12

# phusong's step timings; newer builds add a breakdown of the coverage time in parentheses.
TIME_RE = re.compile(r"Time: load ([0-9.]+) s, coverage ([0-9.]+) s(?: \([^)]*\))?, total ([0-9.]+) s \((\d+) threads?\)")


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------

def shared_dir():
    return Path(os.environ.get("PHUSONG_SHARED", ROOT.parent / "shared"))


def resolve_scenario(args):
    """(name, villages, [cells], [admin files]) from --scenario / --villages / --cells / --admin."""
    provinces = shared_dir() / "geodata" / "vn-admin-2025" / "vn_provinces_34_simplified.geojson"
    aliases = {
        "national": (shared_dir() / "geodata" / "vn-national-2025", [provinces]),
        "dienbien": (shared_dir() / "geodata" / "vn-national-2025" / "subset-dienbien", [provinces]),
        "default": (ROOT / "geodata" / "default", []),
    }
    if args.villages or args.cells:
        if not (args.villages and args.cells):
            sys.exit("error: give both --villages and --cells")
        name = args.name or Path(args.villages).resolve().parent.name
        villages, cells, admin = Path(args.villages), [Path(c) for c in args.cells], []
    else:
        folder, admin = aliases.get(args.scenario, (Path(args.scenario), []))
        name = args.name or (args.scenario if args.scenario in aliases else folder.resolve().name)
        villages, cells = folder / "villages.csv", [folder / "cells.csv"]
    if args.admin:
        admin = [Path(a) for a in args.admin]
    if args.no_admin:
        admin = []
    for path in [villages, *cells, *admin]:
        if not path.is_file():
            sys.exit(f"error: {path} not found (PHUSONG_SHARED points to the folder holding geodata/)")
    return name, villages.resolve(), [c.resolve() for c in cells], [a.resolve() for a in admin]


# ---------------------------------------------------------------------------------------------
# phusong
# ---------------------------------------------------------------------------------------------

TIME_BIN = shutil.which("time", path="/usr/bin:/bin")  # GNU time, for the peak memory of each process
USAGE_RE = re.compile(r"^peak_rss_kb=(\d+) cpu_s=([0-9.]+)\+([0-9.]+)$", re.M)


def run_timed(cmd, log):
    """Runs cmd: (wall seconds, {peak_rss_mb, cpu_s} or {}, its stderr); exits on failure.
    Memory and CPU time (user + system, all threads) come from GNU time when the machine has
    it (os.wait4 would count the Python parent's pages that the child had between fork and
    exec)."""
    wrapped = ([TIME_BIN, "-f", "peak_rss_kb=%M cpu_s=%U+%S"] if TIME_BIN else []) + [str(c) for c in cmd]
    start = time.perf_counter()
    proc = subprocess.run(wrapped, capture_output=True, text=True)
    wall = time.perf_counter() - start
    log.write(f"$ {' '.join(wrapped)}\n{proc.stdout}{proc.stderr}\n")
    if proc.returncode != 0:
        sys.exit(f"error: {Path(str(cmd[0])).name} exited with {proc.returncode}:\n{proc.stderr[-3000:]}")
    usage = USAGE_RE.search(proc.stderr)
    usage = {"peak_rss_mb": int(usage[1]) / 1024, "cpu_s": float(usage[2]) + float(usage[3])} if usage else {}
    return wall, usage, proc.stderr


def run_phusong(binary, villages, cells, admin, out, threads, area, log):
    """One `phusong report` run: wall seconds and the (load, coverage, total) of its Time line."""
    cmd = [str(binary), "report", "--villages", str(villages)]
    for c in cells:
        cmd += ["--cells", str(c)]
    for a in admin:
        cmd += ["--admin", str(a)]
    cmd += ["--out", str(out), "--threads", str(threads)]
    if not area:
        cmd.append("--no-area")
    wall, _, stderr = run_timed(cmd, log)
    match = TIME_RE.search(stderr)
    if not match:
        sys.exit(f"error: no 'Time:' line in phusong's output:\n{stderr[-2000:]}")
    return {"wall": wall, "load": float(match[1]), "coverage": float(match[2]), "total": float(match[3])}


def median_times(runs):
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def phusong_series(binary, villages, cells, admin, out, threads_list, runs, area, log, label):
    """Median times per thread count (outputs of the last run of each are kept in out/tN)."""
    result = {}
    for threads in threads_list:
        times = []
        for i in range(runs):
            print(f"  phusong report {label} --threads {threads}: run {i + 1}/{runs}", end="", flush=True)
            t = run_phusong(binary, villages, cells, admin, out / f"t{threads}", threads, area, log)
            print(f"  {t['wall']:.2f} s (Time: load {t['load']:.2f}, coverage {t['coverage']:.2f}, total {t['total']:.2f})")
            times.append(t)
        result[threads] = {"median": median_times(times), "runs": times}
    return result


def phusong_area_series(binary, villages, cells, admin, out, threads_list, runs, log):
    """Area time per thread count: pairs of runs back to back, with area and with --no-area
    (same boundaries), so that both see the same load on a shared machine; the area time is
    the median over the pairs of the difference of their `coverage` times."""
    result = {}
    flag = " --admin" if admin else ""
    for threads in threads_list:
        full, base, diffs = [], [], []
        for i in range(runs):
            print(f"  phusong report{flag} --threads {threads}, pair {i + 1}/{runs}: with area", end="", flush=True)
            f = run_phusong(binary, villages, cells, admin, out / "phusong-area" / f"t{threads}", threads, True, log)
            print(f" {f['wall']:.2f} s (coverage {f['coverage']:.2f}), --no-area", end="", flush=True)
            b = run_phusong(binary, villages, cells, admin, out / "phusong-area-base" / f"t{threads}", threads, False, log)
            print(f" {b['wall']:.2f} s (coverage {b['coverage']:.2f}): area {f['coverage'] - b['coverage']:.2f} s")
            full.append(f)
            base.append(b)
            diffs.append(f["coverage"] - b["coverage"])
        result[threads] = {"with_area": median_times(full), "without_area": median_times(base),
                           "area": statistics.median(diffs), "runs_with_area": full, "runs_without_area": base,
                           "area_runs": diffs}
    return result


# ---------------------------------------------------------------------------------------------
# Python side
# ---------------------------------------------------------------------------------------------

def assign_sites_by_polygon(provinces, lon, lat):
    """Province code of each point: the polygon that covers it (boundary included; overlaps:
    the smallest code), else the nearest polygon within 5 km (great-circle distance to its
    nearest boundary point), else None. phusong's rule for sites with --admin."""
    limit_m = 5000.0
    geoms = provinces["geometry"].to_numpy()
    codes = provinces["code"].to_numpy()
    tree = shapely.STRtree(geoms)
    points = shapely.points(lon, lat)
    point_index, poly_index = tree.query(points, predicate="covered_by")
    best = np.full(len(points), len(geoms))
    np.minimum.at(best, point_index, poly_index)  # provinces are sorted by code
    result = np.array([codes[b] if b < len(geoms) else None for b in best], dtype=object)
    for i in np.flatnonzero(best == len(geoms)):
        dlat = limit_m / (radio.EARTH_RADIUS_M * np.pi / 180)
        dlon = dlat / max(0.01, np.cos(np.radians(lat[i])))
        candidates = tree.query(shapely.box(lon[i] - dlon, lat[i] - dlat, lon[i] + dlon, lat[i] + dlat))
        near = []
        for j in candidates:
            x, y = shapely.get_coordinates(shapely.shortest_line(geoms[j], points[i]))[0]
            d = float(radio.haversine_m(lon[i], lat[i], x, y))
            if d <= limit_m:
                near.append((d, j))
        if near:
            result[i] = codes[min(near)[1]]
    return result


def python_indicators(villages_path, cells_paths, mode):
    """One Python pipeline (`mode`, a key of PYTHON_MODES): load CSVs -> best servers ->
    indicators. Returns timings and results."""
    t0 = time.perf_counter()
    villages = coverage.load_villages(villages_path)
    cells = coverage.load_cells(cells_paths)
    t1 = time.perf_counter()
    results, per_operator, _, pairs = PYTHON_MODES[mode]["coverage"](villages, cells)
    t2 = time.perf_counter()
    sites, site_province, _, tables = coverage.sites_and_indicators(villages, cells, results, per_operator)
    t3 = time.perf_counter()
    times = {"load": t1 - t0, "coverage": t2 - t1, "indicators": t3 - t2, "total": t3 - t0}
    return times, {"villages": villages, "cells": cells, "results": results, "per_operator": per_operator,
                   "sites": sites, "site_province": site_province, "tables": tables, "pairs": pairs}


def python_area(state, admin, tolerance_m, bearings):
    """Area coverage from the loaded inputs: footprints -> union (-> clip) -> spherical areas."""
    villages, cells, sites = state["villages"], state["cells"], state["sites"]
    t0 = time.perf_counter()
    provinces = area_mod.load_provinces(admin) if admin else None
    t1 = time.perf_counter()
    if provinces is not None and len(provinces):
        site_province = assign_sites_by_polygon(provinces, sites["lon"].to_numpy(), sites["lat"].to_numpy())
    else:
        site_province = state["site_province"]
    by_site = pd.Series(site_province, index=sites["site_id"].to_numpy())
    t2 = time.perf_counter()
    footprints = area_mod.trace_footprints(cells, villages, by_site, bearings=bearings, tolerance_m=tolerance_m)
    t3 = time.perf_counter()
    codes = sorted(set(footprints["province"].dropna()) | set(villages["province_code"].dropna()))
    national, table = area_mod.area_coverage(footprints, provinces, codes)
    t4 = time.perf_counter()
    times = {"boundaries": t1 - t0, "site_provinces": t2 - t1, "footprints": t3 - t2, "union_and_areas": t4 - t3,
             "area": t4 - t2}
    counts = {"footprints_4g": int((footprints["tech"] == 0).sum()), "footprints_5g": int((footprints["tech"] == 1).sum())}
    return times, {"national": national, "provinces": table, "site_province": site_province, "counts": counts}


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

def compare_villages(phusong_csv, results, rsrp_tol_db=RSRP_TOL_DB):
    """Per-village comparison with phusong's villages.csv. Returns (summary, problems)."""
    ph = pd.read_csv(phusong_csv, dtype=str, keep_default_na=False)
    problems = []
    summary = {"villages": len(ph)}
    if len(ph) != len(results) or (ph["village_id"].to_numpy() != results["village_id"].to_numpy()).any():
        return summary, ["villages.csv: the villages differ (count or order)"]
    ids = ph["village_id"].to_numpy()
    for col in ("best_4g_cell", "best_5g_cell", "nearest_site"):
        bad = np.flatnonzero(ph[col].to_numpy() != results[col].to_numpy())
        summary[f"{col}_mismatches"] = len(bad)
        for i in bad[:5]:
            problems.append(f"village {ids[i]}: {col} phusong {ph[col].iat[i] or '(none)'} python {results[col].iat[i] or '(none)'}")
    for col, tol in (("best_4g_rsrp_dbm", rsrp_tol_db), ("best_5g_rsrp_dbm", rsrp_tol_db), ("nearest_site_m", 1e-6)):
        a = pd.to_numeric(ph[col]).to_numpy()
        b = results[col].to_numpy(dtype=float)
        both = ~np.isnan(a) & ~np.isnan(b)
        diff = np.abs(a - b)
        summary[f"{col}_max_abs_diff"] = float(diff[both].max()) if both.any() else 0.0
        bad = np.flatnonzero((np.isnan(a) != np.isnan(b)) | (both & (diff > tol)))
        summary[f"{col}_mismatches"] = len(bad)
        for i in bad[:5]:
            problems.append(f"village {ids[i]}: {col} phusong {ph[col].iat[i] or '(none)'} python {float(b[i])!r}")
    for col in ("covered_4g", "covered_5g", "connected", "dead_zone", "unpowered"):
        a = ph[col].to_numpy() == "true"
        bad = np.flatnonzero(a != results[col].to_numpy())
        summary[f"{col}_mismatches"] = len(bad)
        for i in bad[:5]:
            problems.append(f"village {ids[i]}: {col} phusong {a[i]} python {not a[i]} "
                            f"(best RSRP phusong / python: 4G {ph['best_4g_rsrp_dbm'].iat[i] or '-'} / "
                            f"{float(results['best_4g_rsrp_dbm'].iat[i])!r}, 5G {ph['best_5g_rsrp_dbm'].iat[i] or '-'} / "
                            f"{float(results['best_5g_rsrp_dbm'].iat[i])!r})")
    # How close to the thresholds the closest village is (equality there is compared unrounded).
    margins = []
    for tech, col in ((0, "best_4g_rsrp_dbm"), (1, "best_5g_rsrp_dbm")):
        values = results[col].to_numpy(dtype=float)
        values = values[~np.isnan(values)]
        if len(values):
            margins.append(float(np.min(np.abs(values - radio.THRESHOLD_DBM[tech]))))
    summary["closest_rsrp_to_threshold_db"] = min(margins) if margins else None
    return summary, problems


def _same_share(a, b):
    if a is None or (isinstance(a, float) and np.isnan(a)):
        return b is None or (isinstance(b, float) and np.isnan(b))
    if b is None or (isinstance(b, float) and np.isnan(b)):
        return False
    return abs(float(a) - float(b)) <= SHARE_TOL


def compare_entry(where, ph, py, problems):
    """One indicator entry (a dict of phusong's values) against a Python row (Series)."""
    count = 0
    for key in coverage.INT_KEYS:
        count += 1
        if int(ph[key]) != int(py[key]):
            problems.append(f"{where}: {key} phusong {ph[key]} python {int(py[key])}")
    for key in coverage.SHARE_KEYS:
        count += 1
        value = py[key]
        value = None if isinstance(value, float) and np.isnan(value) else float(value)
        if not _same_share(ph[key], value):
            problems.append(f"{where}: {key} phusong {ph[key]} python {value}")
    return count


def compare_table(where, ph_map, py_table, problems):
    """A dict code -> entry (summary.json) or a DataFrame indexed by code (CSV) vs Python's."""
    count = 0
    ph_keys, py_keys = set(ph_map), set(py_table.index)
    if ph_keys != py_keys:
        problems.append(f"{where}: phusong has {sorted(ph_keys - py_keys)[:5]} only, python {sorted(py_keys - ph_keys)[:5]} only")
    for key in sorted(ph_keys & py_keys):
        count += compare_entry(f"{where} {key}", ph_map[key], py_table.loc[key], problems)
    return count


def csv_table(path, key):
    frame = pd.read_csv(path, dtype={key: str}, keep_default_na=False)
    for col in coverage.INT_KEYS:
        frame[col] = frame[col].astype(np.int64)
    for col in coverage.SHARE_KEYS:
        frame[col] = pd.to_numeric(frame[col].replace("", np.nan))
    return {row[key]: {k: (None if isinstance(row[k], float) and np.isnan(row[k]) else row[k]) for k in frame.columns}
            for row in frame.to_dict("records")}


def compare_indicators(out, tables, levels=("summary.json", "provinces.csv", "communes.csv", "operators.csv")):
    """Every indicator of phusong's report in `out` vs the Python tables. Returns (count, problems)."""
    national, provinces, communes, operators = tables
    problems = []
    count = 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    if "summary.json" in levels:
        count += compare_entry("summary.json national", summary["national"], national.iloc[0], problems)
        count += compare_table("summary.json provinces", summary["provinces"], provinces, problems)
        count += compare_table("summary.json communes", summary["communes"], communes, problems)
        count += compare_table("summary.json operators", summary["operators"], operators, problems)
    if "provinces.csv" in levels:
        count += compare_table("provinces.csv", csv_table(out / "provinces.csv", "province_code"), provinces, problems)
    if "communes.csv" in levels:
        count += compare_table("communes.csv", csv_table(out / "communes.csv", "commune_code"), communes, problems)
    if "operators.csv" in levels:
        count += compare_table("operators.csv", csv_table(out / "operators.csv", "operator"), operators, problems)
    return count, problems


def _area_close(a, b):
    return abs(a - b) <= max(AREA_REL_TOL * max(abs(a), abs(b)), AREA_ABS_TOL_KM2)


def compare_area(out, py):
    """phusong's summary.json area figures vs the Python ones. Returns (summary, problems)."""
    area = json.loads((out / "summary.json").read_text(encoding="utf-8")).get("area")
    problems = []
    if area is None:
        return {}, ["summary.json has no area (was report run without --no-area?)"]
    rows = [("national", area["national"], py["national"])]
    py_table = py["provinces"]
    ph_codes = {p["code"] for p in area["provinces"]}
    if ph_codes != set(py_table.index):
        problems.append(f"area provinces: phusong {sorted(ph_codes - set(py_table.index))[:5]} only, "
                        f"python {sorted(set(py_table.index) - ph_codes)[:5]} only")
    for p in area["provinces"]:
        if p["code"] in py_table.index:
            rows.append((f"province {p['code']}", p, py_table.loc[p["code"]].to_dict()))
    worst = {}
    national = {}
    for where, ph, pyv in rows:
        for key in ("area_4g_km2", "area_5g_km2", "area_any_km2"):
            a, b = float(ph[key]), float(pyv[key])
            rel = abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) > 0 else 0.0
            if where == "national":
                national[key] = {"phusong": a, "python": b, "relative_difference": rel}
            if where != "national" and rel > worst.get(key, (-1.0, None))[0]:
                worst[key] = (rel, where)
            if not _area_close(a, b):
                problems.append(f"area {where}: {key} phusong {a:.3f} python {b:.3f} km² ({100 * rel:.3f} %)")
        if ph.get("land_km2") is not None:
            a, b = float(ph["land_km2"]), float(pyv["land_km2"])
            if abs(a - b) > LAND_REL_TOL * max(a, b):
                problems.append(f"area {where}: land_km2 phusong {a} python {b}")
    for key, counted in (("footprints_4g", "footprints_4g"), ("footprints_5g", "footprints_5g")):
        if area[key] != py["counts"][counted]:
            problems.append(f"area: {key} phusong {area[key]} python {py['counts'][counted]}")
    summary = {"national": national, "land_km2": area["national"].get("land_km2"),
               "worst_province_relative_difference": {k: {"relative_difference": v[0], "where": v[1]} for k, v in worst.items()},
               "footprints_4g": area["footprints_4g"], "footprints_5g": area["footprints_5g"],
               "tolerance": {"relative": AREA_REL_TOL, "absolute_km2": AREA_ABS_TOL_KM2}}
    return summary, problems


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def fmt(value):
    return "—" if value is None else f"{value:.2f}"


def ratio(py, ph):
    return None if py is None or ph is None or ph <= 0 else py / ph


def fmt_ratio(value):
    return "—" if value is None else f"{value:.1f}×"


def table_json(rows, columns, threads_list):
    """The rows of a printed table, for results.json (a README table can be made from it)."""
    return [{"step": step,
             "python_s": {key: py.get(key) for key, _ in columns},
             "phusong_s": {str(t): ph.get(t) for t in threads_list},
             "ratio_python_to_phusong": {key: {str(t): ratio(py.get(key), ph.get(t)) for t in threads_list}
                                         for key, _ in columns}}
            for step, py, ph in rows]


def print_table(title, rows, columns, threads_list):
    """rows: (step, {python column key: s}, {threads: phusong s}); columns: (key, header) of the
    Python columns. Each Python column is followed by its ratios to phusong."""
    header = ["step"] + [f"phusong {t} thr s" for t in threads_list]
    for _, name in columns:
        header += [name] + [f"py/ph {t} thr" for t in threads_list]
    body = []
    for step, py, ph in rows:
        line = [step] + [fmt(ph.get(t)) for t in threads_list]
        for key, _ in columns:
            line += [fmt(py.get(key))] + [fmt_ratio(ratio(py.get(key), ph.get(t))) for t in threads_list]
        body.append(line)
    widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
    print(f"\n{title}")
    print("  " + "  ".join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(header)))
    for r in body:
        print("  " + "  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r)))
    print("  (py/ph N thr: the Python time divided by phusong's at --threads N)")


def machine_info():
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model or platform.processor(), "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "pandas": pd.__version__, "shapely": shapely.__version__,
            "scipy": __import__("scipy").__version__, "geos": shapely.geos_version_string}


def git_commit():
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def parse_with_binary(parser, default_out, script):
    """Adds --out and --phusong, parses, and stops unless the phusong binary is executable."""
    parser.add_argument("--out", help=f"output folder (default {default_out})")
    parser.add_argument("--phusong", default=os.environ.get("PHUSONG_BIN"), help="phusong binary (default: $PHUSONG_BIN)")
    args = parser.parse_args()
    if not args.phusong or not os.access(args.phusong, os.X_OK):
        sys.exit(f"error: no phusong binary: set PHUSONG_BIN or pass --phusong ({script} builds one)")
    return args


def fresh_output(args, default, log_name):
    """The output folder (--out or `default`), emptied; its command log, open; phusong's version."""
    out = Path(args.out) if args.out else default
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    log = open(out / log_name, "w", encoding="utf-8")
    version = subprocess.run([args.phusong, "--version"], capture_output=True, text=True).stdout.strip()
    return out, log, version


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Scenarios: national (default; area clipped to the 34 provinces of 2025), "
                                            "dienbien (its subset), default (geodata/default, unclipped area), or a folder "
                                            "with villages.csv and cells.csv.")
    parser.add_argument("--scenario", default="national", help="national, dienbien, default, or a folder (default: national)")
    parser.add_argument("--villages", help="villages.csv (instead of --scenario)")
    parser.add_argument("--cells", action="append", help="cells.csv (repeatable; with --villages)")
    parser.add_argument("--admin", action="append", help="province boundaries GeoJSON for area clipping (repeatable)")
    parser.add_argument("--no-admin", action="store_true", help="no boundaries: unclipped area, as phusong without --admin")
    parser.add_argument("--name", help="name of the scenario in the results (default: from the scenario)")
    parser.add_argument("--runs", type=int, default=3, help="phusong runs per configuration; medians are reported (default 3)")
    parser.add_argument("--area-runs", type=int, help="phusong runs with area coverage (default: --runs)")
    parser.add_argument("--python-runs", type=int, default=1, help="runs of each Python pipeline; medians are reported (default 1)")
    parser.add_argument("--python-mode", choices=["all-pairs", "pruned", "both"], default="both",
                        help="Python pipelines to run: all-pairs (every village-cell pair within 35 km, the headline "
                             "baseline; minutes nationally), pruned (phusong's algorithm ported to numpy), or both (default)")
    parser.add_argument("--threads", default="2,1", help="phusong --threads values, comma-separated (default 2,1)")
    parser.add_argument("--no-area", action="store_true", help="skip area coverage")
    parser.add_argument("--ray-tolerance-m", type=float, default=5.0, help="Python footprint ray bracket, metres (default 5, as phusong)")
    parser.add_argument("--bearings", type=int, default=72, help="bearings per footprint (default 72, as phusong)")
    args = parse_with_binary(parser, ".build-compare/out/<scenario>", "run.sh")

    threads_list = [int(t) for t in args.threads.split(",") if t.strip()]
    area_runs = args.area_runs or args.runs
    name, villages, cells, admin = resolve_scenario(args)
    out, log, version = fresh_output(args, ROOT / ".build-compare" / "out" / name, "phusong.log")
    load_before = os.getloadavg()

    print(f"Scenario {name}: {villages}, {', '.join(map(str, cells))}")
    print(f"Area: {'clipped to ' + ', '.join(map(str, admin)) if admin else 'unclipped (no boundaries)'}" if not args.no_area else "Area: skipped")
    print(f"phusong {version} ({args.phusong}); results in {out}")

    # 1. phusong: indicators (--no-area, no boundaries: sites in the province of their nearest village).
    print("\nphusong, indicators (report --no-area):")
    ind = phusong_series(args.phusong, villages, cells, [], out / "phusong-indicators", threads_list, args.runs, False, log, "--no-area")
    # 2. phusong: area (with boundaries when given), and the same without area for the difference.
    if not args.no_area:
        print("\nphusong, area coverage (pairs: report with area, then --no-area with the same boundaries):")
        area_ph = phusong_area_series(args.phusong, villages, cells, admin, out, threads_list, area_runs, log)
    log.close()

    # 3. Python: the pipelines asked for, then the area once (it does not depend on them).
    modes = [m for m in PYTHON_MODES if args.python_mode in (m, "both")]
    print("\nPython (numpy, scipy cKDTree, pandas" + ("" if args.no_area else ", shapely") + "):")
    py = {}
    for mode in modes:
        label = PYTHON_MODES[mode]["label"]
        runs = []
        for i in range(args.python_runs):
            print(f"  {label}, run {i + 1}/{args.python_runs}:", end="", flush=True)
            times, state = python_indicators(villages, cells, mode)
            print(f" load {times['load']:.2f} s, coverage {times['coverage']:.2f} s, indicators {times['indicators']:.2f} s, "
                  f"total {times['total']:.2f} s ({state['pairs']:,} pairs evaluated)")
            runs.append(times)
        py[mode] = {"median": median_times(runs), "runs": runs, "state": state}
    py_area_runs = []
    if not args.no_area:
        state = py[modes[0]]["state"]
        for i in range(args.python_runs):
            atimes, py_area = python_area(state, admin, args.ray_tolerance_m, args.bearings)
            print(f"  area run {i + 1}/{args.python_runs}: footprints {atimes['footprints']:.2f} s, union and areas "
                  f"{atimes['union_and_areas']:.2f} s, area total {atimes['area']:.2f} s")
            py_area_runs.append(atimes)

    load_after = os.getloadavg()
    # Python's per-village results, for diffing by hand against phusong's villages.csv.
    for mode in modes:
        py[mode]["state"]["results"].to_csv(out / f"python-villages-{mode}.csv", index=False)

    # 4. Checks: each Python pipeline against phusong.
    problems = []
    t_first = threads_list[0]
    village_summary, n_ind, n_admin_ind = {}, {}, {}
    for mode in modes:
        state = py[mode]["state"]
        tag = f"[{PYTHON_MODES[mode]['label']}] "
        village_summary[mode], p = compare_villages(out / "phusong-indicators" / f"t{t_first}" / "villages.csv", state["results"])
        problems += [tag + x for x in p]
        n_ind[mode], p = compare_indicators(out / "phusong-indicators" / f"t{t_first}", state["tables"])
        problems += [tag + x for x in p]
    identical = all((out / "phusong-indicators" / f"t{t}" / f).read_bytes() == (out / "phusong-indicators" / f"t{t_first}" / f).read_bytes()
                    for t in threads_list for f in ("summary.json", "villages.csv"))
    if not identical:
        problems.append("phusong's summary.json/villages.csv differ between thread counts")
    area_summary = None
    if not args.no_area:
        area_summary, p = compare_area(out / "phusong-area" / f"t{t_first}", py_area)
        problems += p
        if admin:
            # The area run's indicators: sites counted in the province whose polygon holds them.
            for mode in modes:
                state = py[mode]["state"]
                v, r, s = state["villages"], state["results"], state["sites"]
                tables = coverage.indicators(v, r, state["per_operator"], s, py_area["site_province"], np.full(len(s), None, dtype=object))
                n_admin_ind[mode], p = compare_indicators(out / "phusong-area" / f"t{t_first}", tables,
                                                          levels=("summary.json", "provinces.csv", "operators.csv"))
                problems += [f"[--admin run, {PYTHON_MODES[mode]['label']}] {x}" for x in p]

    # 5. Report.
    ph_ind = {t: ind[t]["median"] for t in threads_list}
    columns = [(mode, PYTHON_MODES[mode]["short"] + " s") for mode in modes]
    py_t = {mode: py[mode]["median"] for mode in modes}
    rows = [
        ("load CSVs", {m: py_t[m]["load"] for m in modes}, {t: ph_ind[t]["load"] for t in threads_list}),
        ("best servers + indicators", {m: py_t[m]["coverage"] + py_t[m]["indicators"] for m in modes},
         {t: ph_ind[t]["coverage"] for t in threads_list}),
        ("pipeline (load → indicators)", {m: py_t[m]["total"] for m in modes},
         {t: ph_ind[t]["load"] + ph_ind[t]["coverage"] for t in threads_list}),
        ("phusong Time: total (+ writing 9 files)", {m: py_t[m]["total"] for m in modes}, {t: ph_ind[t]["total"] for t in threads_list}),
        ("phusong process wall time", {m: py_t[m]["total"] for m in modes}, {t: ph_ind[t]["wall"] for t in threads_list}),
    ]
    print_table(f"Indicators — {name} (medians: phusong of {args.runs}, Python of {args.python_runs}; Python on one core)",
                rows, columns, threads_list)
    print("\nPipelines (load → indicators), each against phusong's load + coverage:")
    width = max(len(PYTHON_MODES[m]["label"]) for m in modes)
    for mode in modes:
        total = py_t[mode]["total"]
        ratios = ", ".join(f"{fmt_ratio(ratio(total, ph_ind[t]['load'] + ph_ind[t]['coverage']))} phusong --threads {t}"
                           for t in threads_list)
        print(f"  {PYTHON_MODES[mode]['label']:<{width}}  {py[mode]['state']['pairs']:>13,} pairs evaluated  "
              f"{total:8.2f} s  = {ratios}")
    results = {
        "scenario": name, "inputs": {"villages": str(villages), "cells": [str(c) for c in cells], "admin": [str(a) for a in admin]},
        "phusong_version": version, "commit": git_commit(), "machine": machine_info(),
        "load_average_1_5_15_min": {"before": list(load_before), "after": list(load_after)},
        "runs": {"phusong": args.runs, "phusong_area": area_runs, "python": args.python_runs},
        "indicators": {
            "python_modes": modes,
            "python": {mode: {
                "label": PYTHON_MODES[mode]["label"],
                "s": py_t[mode], "runs": py[mode]["runs"], "pairs_evaluated": py[mode]["state"]["pairs"],
                "ratio_pipeline_to_phusong_wall": {str(t): ratio(py_t[mode]["total"], ph_ind[t]["wall"]) for t in threads_list},
                "ratio_pipeline_to_phusong_load_plus_coverage": {
                    str(t): ratio(py_t[mode]["total"], ph_ind[t]["load"] + ph_ind[t]["coverage"]) for t in threads_list},
            } for mode in modes},
            "phusong_s": {str(t): ind[t]["median"] for t in threads_list},
            "phusong_runs": {str(t): ind[t]["runs"] for t in threads_list},
        },
        "tables": {"indicators": table_json(rows, columns, threads_list)},
        "checks": {"villages": village_summary, "indicator_values_compared": n_ind,
                   "phusong_outputs_identical_across_threads": identical},
    }
    if not args.no_area:
        py_a = median_times(py_area_runs)
        ph_area = {t: area_ph[t]["area"] for t in threads_list}
        area_col = [("python", "python s")]
        before_area = py_a["boundaries"] + py_a["site_provinces"]
        rows = [
            ("footprints (72 rays per site and technology)", {"python": py_a["footprints"]}, {}),
            ("union" + (", clip to provinces" if admin else "") + ", spherical areas", {"python": py_a["union_and_areas"]}, {}),
            ("area coverage", {"python": py_a["area"]}, ph_area),
        ] + [
            (f"report with area: process wall time ({PYTHON_MODES[m]['short']})",
             {"python": py_t[m]["total"] + py_a["area"] + before_area}, {t: area_ph[t]["with_area"]["wall"] for t in threads_list})
            for m in modes
        ]
        print_table(f"Area coverage — {name} (phusong: Time coverage with area minus without, median of {area_runs} pairs)",
                    rows, area_col, threads_list)
        results["tables"]["area"] = table_json(rows, area_col, threads_list)
        results["area"] = {
            "python_s": py_a, "python_runs": py_area_runs, "phusong_area_s": {str(t): ph_area[t] for t in threads_list},
            "phusong_with_area_s": {str(t): area_ph[t]["with_area"] for t in threads_list},
            "phusong_without_area_s": {str(t): area_ph[t]["without_area"] for t in threads_list},
            "phusong_area_runs_s": {str(t): area_ph[t]["area_runs"] for t in threads_list},
            "phusong_runs_with_area": {str(t): area_ph[t]["runs_with_area"] for t in threads_list},
            "phusong_runs_without_area": {str(t): area_ph[t]["runs_without_area"] for t in threads_list},
            "ratio_python_to_phusong": {str(t): ratio(py_a["area"], ph_area[t]) for t in threads_list},
            "clipped_to": [str(a) for a in admin], "ray_tolerance_m": args.ray_tolerance_m, "bearings": args.bearings,
        }
        results["checks"]["area"] = area_summary
        results["checks"]["admin_run_indicator_values_compared"] = n_admin_ind

    info = results["machine"]
    print(f"\nMachine: {info['cpu']}, {info['cores']} cores; load average (1 min) {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after (other processes on the machine slow both sides alike)")
    print("\nChecks:")
    for mode in modes:
        vs = village_summary[mode]
        print(f"  {PYTHON_MODES[mode]['label']}:")
        print(f"    per village ({vs['villages']:,}): best 4G/5G cell mismatches {vs['best_4g_cell_mismatches']}/{vs['best_5g_cell_mismatches']}, "
              f"coverage flag mismatches {sum(vs[k + '_mismatches'] for k in ('covered_4g', 'covered_5g', 'connected', 'dead_zone', 'unpowered'))}, "
              f"max |ΔRSRP| {max(vs['best_4g_rsrp_dbm_max_abs_diff'], vs['best_5g_rsrp_dbm_max_abs_diff']):.1e} dB, "
              f"nearest site mismatches {vs['nearest_site_mismatches']}")
        print(f"    indicators: {n_ind[mode]:,} values compared (summary.json national/provinces/communes/operators, provinces.csv, "
              f"communes.csv, operators.csv)" + (f"; {n_admin_ind[mode]:,} more in the --admin run" if n_admin_ind.get(mode) else ""))
    print(f"  phusong outputs identical for --threads {args.threads}: {'yes' if identical else 'NO'}")
    if area_summary:
        for key, v in area_summary["national"].items():
            print(f"  area national {key}: phusong {v['phusong']:.2f} python {v['python']:.2f} km² "
                  f"(relative difference {v['relative_difference']:.1e}; tolerance {AREA_REL_TOL:.1%})")
        for key, v in area_summary["worst_province_relative_difference"].items():
            print(f"  area worst province {key}: {v['where']} {v['relative_difference']:.1e}")
    results["problems"] = problems
    results["all_matched"] = not problems
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if problems:
        print(f"\nMISMATCH: {len(problems)} difference(s):")
        for line in problems[:50]:
            print(f"  {line}")
    else:
        print("\nAll indicators equal" + ("; areas within tolerance." if not args.no_area else "."))
    print(f"Results: {out / 'results.json'}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
