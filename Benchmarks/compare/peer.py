#!/usr/bin/env python3
"""The peer: the national report's figures the way a strong numpy/scipy engineer would compute
them, as one process that reads the same CSV files and writes the same data files as
`phusong report --no-area` (shared/specs/coverage-model.md, data-format.md).

    python peer.py --villages V.csv --cells C.csv --out DIR [--check-kernel]

It writes villages.csv, provinces.csv, communes.csv, operators.csv, sites.csv, deadzones.csv,
unpowered.csv (phusong's columns, values to full precision) and summary.json (the indicator
part); compare_peer.py checks them against phusong's. Timings go to stderr.

How it finds each village's best server without evaluating far cells (exact, no heuristic):

1. Groups. The cells are split by (operator, technology, band). A group has one band, so for
   villages of one area type it has one path-loss model; its per-cell constants are hoisted
   (kernel.py) and each group has its own k-d tree of unit vectors (scipy cKDTree).
2. Lower bound. For every village, the K nearest cells of every group are evaluated; the best
   of them per technology is a lower bound LB on the village's best RSRP.
3. Proven upper bound per group and area type. PL(d2D) is non-decreasing in d2D for every
   model (Hata and COST-231: slope 44.9 - 6.55 log10 hBS > 0; FSPL and the 38.901 NLOS lines
   increase; UMa's LOS is continuous at the breakpoint; RMa's LOS can step DOWN at its
   breakpoint for tall masts, so the bound also takes the value just beyond each breakpoint),
   the distance clamp only flattens it, and the antenna gain is <= 0 dB. So no cell of the
   group delivers more at distance >= d than
       UB(d) = max over the group's (height, strongest EIRP at that height) of
               EIRP - min(PL(d), PL(just beyond the breakpoint, if d is before it)),
   evaluated exactly (radio.py) on a log grid of distances; between grid points the value at
   the grid point below it bounds it. With a 1e-6 dB allowance for rounding, the cells of a
   group that can reach LB lie within R = the first grid distance where UB + 1e-6 < LB.
4. Candidates. One ball search per group, each village with its own radius R (from the
   bound of its area type), returns every cell that can be the best server, ties included
   (ball_pairs: dual-tree queries over chunks of villages; the pairs are then evaluated one
   area type, so one model, at a time). They are evaluated and the best kept (max RSRP; exact ties to the
   smallest cell_id). Groups go strongest first, so their cells raise LB for the others.
5. Per-operator coverage (an operator covers a village with a technology when one of its own
   cells reaches -110 dBm). Every evaluated pair that reaches it counts. A village whose
   technology is covered but not yet by the operator needs that operator's cells out to
   R(-110 dBm) of each of its groups; the cells inside the radius already searched in step 4
   were evaluated, so only the ones beyond it are.

Memory stays bounded: ball queries run on chunks of villages sorted by radius, sized to about
PAIR_BUDGET pairs each.

The loading, the nearest site and the indicators are numpy/pandas (coverage.py's, shared with
the other pipelines of compare.py).
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import coverage  # noqa: E402
import kernel  # noqa: E402
import radio  # noqa: E402

K_NEAREST = 3  # nearest cells per group for the lower bound (one three-sector site)
# Distances of the bound, m: 0, then 300 steps of 2.8 % from 10 m to 35 km (a finer grid
# evaluates ~2 % fewer pairs but costs more to set up than that saves).
GRID_M = np.concatenate([[0.0], np.geomspace(radio.MIN_DISTANCE_M, radio.MAX_RANGE_M, 300)])
ROUNDING_DB = 1e-6  # allowance for rounding between the bound and the kernel (both float64)
PAIR_BUDGET = 250_000  # pairs evaluated at once (about 50 MB of temporaries; 1 M was no faster)
FIRST_CHUNK = 1024  # points in ball_pairs' first chunk
RADIUS_SPREAD = 2.0  # a chunk's radii differ by at most this factor (the query uses the largest)
CHORD_RANGE = float(radio.chord_for_distance(radio.MAX_RANGE_M))


# ---------------------------------------------------------------------------------------------
# Loading (data-format.md v1), with typed columns
# ---------------------------------------------------------------------------------------------

def _read(path, dtypes, optional_floats=()):
    """A CSV with the columns of `dtypes` (others are not read), lon/lat under any of their
    accepted names, empty optional numbers as NaN."""
    header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
    stripped = {c.strip(): c for c in header}
    for names, target in ((coverage.LON_NAMES, "lon"), (coverage.LAT_NAMES, "lat")):
        if target not in stripped:
            for name in names:
                if name in stripped:
                    stripped[target] = stripped.pop(name)
                    break
    wanted = {stripped[c]: (c, t) for c, t in dtypes.items() if c in stripped}
    frame = pd.read_csv(path, usecols=list(wanted), dtype={raw: t for raw, (_, t) in wanted.items()},
                        keep_default_na=False, na_values={stripped[c]: [""] for c in optional_floats if c in stripped},
                        encoding="utf-8-sig")
    return frame.rename(columns={raw: c for raw, (c, _) in wanted.items()})


def load_villages(path):
    # Columns with a few distinct values are read as categories, and normalised per category
    # (pandas' .str methods run a Python call per row).
    raw = _read(path, {"village_id": str, "name": str, "province_code": str, "commune_code": str, "lon": float,
                       "lat": float, "population": np.int64, "grid_power": "category", "area_type": "category"})
    n = len(raw)
    empty = pd.Series("", index=raw.index)
    area = raw.get("area_type", empty.astype("category")).map(lambda v: str(v).strip().lower() or "rural").astype(str)
    return pd.DataFrame({
        "village_id": raw["village_id"],
        "name": raw.get("name", empty),
        "province_code": raw.get("province_code", empty).replace("", None),
        "commune_code": raw.get("commune_code", empty).replace("", None),
        "lon": raw["lon"].to_numpy(), "lat": raw["lat"].to_numpy(),
        "population": raw["population"].to_numpy(),
        "grid_power": raw["grid_power"].map(lambda v: coverage.BOOL_VALUES[str(v).strip().lower()]).to_numpy(dtype=bool),
        "area_name": area,
        "area_type": area.map(radio.AREA_TYPES).to_numpy(dtype=np.int8),
    }, index=pd.RangeIndex(n))


def load_cells(path):
    c = _read(path, {"cell_id": str, "site_id": str, "operator": str, "technology": "category", "band_mhz": float,
                     "lon": float, "lat": float, "height_m": float, "azimuth_deg": float, "beamwidth_deg": float,
                     "rs_eirp_dbm": float}, optional_floats=("azimuth_deg", "beamwidth_deg", "rs_eirp_dbm"))
    tech = c["technology"].map(lambda v: {"4G": 0, "5G": 1}[str(v).strip().upper()]).to_numpy(dtype=np.int8)
    for col in ("azimuth_deg", "beamwidth_deg", "rs_eirp_dbm"):
        if col not in c:
            c[col] = np.nan
    c["tech"] = tech
    c["beamwidth_deg"] = c["beamwidth_deg"].fillna(65.0)
    c["rs_eirp_dbm"] = c["rs_eirp_dbm"].fillna(pd.Series(np.where(tech == 0, 30.0, 36.0), index=c.index))
    c["rank"] = coverage.cell_ranks(c["cell_id"])
    return c


# ---------------------------------------------------------------------------------------------
# Groups, bounds, candidate pairs
# ---------------------------------------------------------------------------------------------

def strongest_per_height(height, eirp):
    """The distinct heights (m) of some cells and the largest EIRP (dBm) at each, as columns."""
    combos = pd.DataFrame({"h": height, "e": eirp}).groupby("h")["e"].max()
    return combos.index.to_numpy()[:, None], combos.to_numpy()[:, None]


def upper_bound(band, h, e, area_type):
    """UB[i] >= the RSRP that any cell of one band with a height of h and an EIRP of at most
    e at that height (columns, strongest_per_height) delivers toward a village of
    `area_type` at a distance >= GRID_M[i] (see the module's doc, step 3)."""
    loss = radio.path_loss_db(band, h, GRID_M[None, :], area_type)
    kind = int(radio.model_kind(band, area_type))
    if kind in (radio.UMA, radio.RMA):
        # The least loss beyond the LOS breakpoint (its first value) bounds the distances before it.
        dbp = (4 * (h - radio.ENV_HEIGHT_M) * (radio.USER_HEIGHT_M - radio.ENV_HEIGHT_M) if kind == radio.UMA
               else 2 * np.pi * h * radio.USER_HEIGHT_M) * (band / 1000) * 1e9 / radio.C_38901
        beyond = radio.path_loss_db(band, h, np.maximum(dbp, radio.MIN_DISTANCE_M) * (1 + 1e-9), area_type)
        loss = np.where(GRID_M[None, :] < dbp * (1 + 1e-9), np.minimum(loss, beyond), loss)
    ub = (e - loss).max(axis=0)
    return np.maximum.accumulate(ub[::-1])[::-1] + ROUNDING_DB


class Group:
    """The cells of one (operator, technology, band): global indices, kernel, k-d tree, and
    the upper bound UB(GRID_M) per area type."""

    def __init__(self, cells, members, operator_index):
        self.members = members
        self.op = operator_index
        self.tech = int(cells["tech"].to_numpy()[members[0]])
        self.rank = cells["rank"].to_numpy()[members]
        lon, lat = cells["lon"].to_numpy()[members], cells["lat"].to_numpy()[members]
        self.height = cells["height_m"].to_numpy()[members]
        self.eirp = cells["rs_eirp_dbm"].to_numpy()[members]
        self.band = float(cells["band_mhz"].to_numpy()[members[0]])
        self.kernel = kernel.GroupKernel(self.band, lon, lat, self.height, cells["azimuth_deg"].to_numpy()[members],
                                         cells["beamwidth_deg"].to_numpy()[members], self.eirp)
        self.tree = cKDTree(radio.unit_vectors(lon, lat))
        h, e = strongest_per_height(self.height, self.eirp)
        self.ub = {a: upper_bound(self.band, h, e, a) for a in radio.AREA_TYPES.values()}

    def radius(self, area_type, floor):
        """Per village: the distance (m) beyond which no cell of the group reaches `floor`
        (0 when none can anywhere; max_range_m when the bound never falls below it)."""
        ub = self.ub[area_type]
        first = np.searchsorted(-ub, -floor, side="right")  # first i with ub[i] < floor (ub non-increasing)
        return np.where(first < len(GRID_M), GRID_M[np.minimum(first, len(GRID_M) - 1)], radio.MAX_RANGE_M)


def ball_pairs(tree, points, radius_m):
    """Chunks (points taken, index of each pair's point among them, tree index, chord) of every
    tree point within radius_m (per point) of each point.

    One dual-tree query (sparse_distance_matrix) per chunk of points: villages far from every
    cell are pruned a tree node at a time, where query_ball_point pays about a microsecond per
    village even when it finds nothing. The points go in order of radius, binned RADIUS_SPREAD
    wide, so a chunk's query with its largest radius wastes little; pairs beyond their own
    point's radius are dropped. A chunk holds as many points as the previous chunk's pairs per
    point allow within PAIR_BUDGET (at most twice the previous size), starting from
    FIRST_CHUNK points. That is an estimate, not a hard bound (a chunk that reaches a dense
    city after a sparse one, or a bin of larger radii, holds more), but it keeps the memory
    near the budget: nationally the process peaks near 0.5 GB. (Scaling the size by the
    ball's area from one bin to the next made more, smaller chunks and cost 15 %.)"""
    keep = np.flatnonzero(radius_m > 0)
    if len(keep) == 0:
        return
    chords = radio.chord_for_distance(radius_m[keep])
    order = np.argsort(chords, kind="stable")
    chords, keep = chords[order], keep[order]
    bins = np.floor(np.log(chords / chords[0]) / np.log(RADIUS_SPREAD)).astype(np.int64)
    bin_edges = np.r_[0, np.flatnonzero(np.diff(bins)) + 1, len(bins)]
    size = FIRST_CHUNK
    for bin_start, bin_stop in zip(bin_edges[:-1], bin_edges[1:]):
        start = bin_start
        while start < bin_stop:
            stop = min(bin_stop, start + size)
            found = cKDTree(points[keep[start:stop]]).sparse_distance_matrix(tree, chords[stop - 1], output_type="ndarray")
            size = int(np.clip(PAIR_BUDGET * (stop - start) / max(len(found), 1), 1, 2 * size))
            within = found["v"] <= chords[start:stop][found["i"]]
            if within.any():
                yield keep[start:stop], found["i"][within], found["j"][within], found["v"][within]
            start = stop


class Best:
    """Per village: best RSRP so far and the rank (cell_id order) of its cell, ties to the
    smaller rank."""

    def __init__(self, n):
        self.rsrp = np.full(n, -np.inf)
        self.rank = np.full(n, np.iinfo(np.int64).max)

    def update(self, villages, local, rsrp, rank):
        """Pairs of `villages[local]`: the best of the chunk per village, then merged."""
        best = np.full(len(villages), -np.inf)
        np.maximum.at(best, local, rsrp)
        tie = rsrp == best[local]
        best_rank = np.full(len(villages), np.iinfo(np.int64).max)
        np.minimum.at(best_rank, local[tie], rank[tie])
        current = self.rsrp[villages]
        better = (best > current) | ((best == current) & (best_rank < self.rank[villages]))
        self.rsrp[villages[better]] = best[better]
        self.rank[villages[better]] = best_rank[better]


def make_groups(cells):
    """The operators (sorted) and the groups of cells by (operator, technology, band)."""
    op_index, operators = pd.factorize(cells["operator"], sort=True)
    operators = list(operators)
    keys = pd.DataFrame({"op": op_index, "tech": cells["tech"].to_numpy(), "band": cells["band_mhz"].to_numpy()})
    return operators, [Group(cells, np.asarray(idx), int(key[0]))
                       for key, idx in sorted(keys.groupby(["op", "tech", "band"]).indices.items())]


class Search:
    """The best server per technology and the per-operator coverage, group by group."""

    def __init__(self, villages, cells):
        self.v_xyz = radio.unit_vectors(villages["lon"].to_numpy(), villages["lat"].to_numpy())
        self.v_area = villages["area_type"].to_numpy()
        self.areas = [int(a) for a in np.unique(self.v_area)]
        self.by_area = {a: np.flatnonzero(self.v_area == a) for a in self.areas}
        self.operators, self.groups = make_groups(cells)
        self.pairs = 0
        n = len(villages)
        self.best = {t: Best(n) for t in (0, 1)}
        self.hit = np.zeros((len(self.operators), 2, n), dtype=bool)  # operator, technology, village
        self.searched = {}  # group -> radius searched in step 4, per village

    def _evaluate(self, g, villages, local, ci, chord):
        """Evaluates the pairs (villages[local], group cell ci), one area type (one path-loss
        model) at a time, and keeps their results."""
        area = self.v_area[villages[local]]
        for a in self.areas:
            m = np.flatnonzero(area == a) if len(self.areas) > 1 else slice(None)
            rsrp = g.kernel.rsrp(a, self.v_xyz[villages[local[m]]], ci[m], chord[m])
            self.best[g.tech].update(villages, local[m], rsrp, g.rank[ci[m]])
            self.hit[g.op, g.tech, villages[local[m][rsrp >= radio.THRESHOLD_DBM[g.tech]]]] = True
        self.pairs += len(ci)

    def _radius(self, g, floor):
        """Per village: g.radius for its own area type."""
        radius = np.empty(len(self.v_area))
        for a in self.areas:
            radius[self.by_area[a]] = g.radius(a, floor[self.by_area[a]])
        return radius

    def lower_bounds(self):
        everyone = np.arange(len(self.v_area))
        for g in self.groups:
            k = min(K_NEAREST, len(g.members))
            chord, ci = g.tree.query(self.v_xyz, k=k, distance_upper_bound=CHORD_RANGE)
            chord, ci = chord.reshape(-1, k), ci.reshape(-1, k)
            ok = ci < len(g.members)
            self._evaluate(g, everyone, np.repeat(everyone, k)[ok.ravel()], ci[ok], chord[ok])

    def best_servers(self):
        # Strongest groups first (their cells set high lower bounds for the others).
        for g in sorted(self.groups, key=lambda g: -g.ub[radio.RURAL][0]):
            radius = self._radius(g, self.best[g.tech].rsrp)
            self.searched[id(g)] = radius
            for taken, local, ci, chord in ball_pairs(g.tree, self.v_xyz, radius):
                self._evaluate(g, taken, local, ci, chord)

    def operator_coverage(self):
        for g in self.groups:
            threshold = radio.THRESHOLD_DBM[g.tech]
            radius = self._radius(g, np.full(len(self.v_area), threshold))
            done = self.searched[id(g)]
            need = (self.best[g.tech].rsrp >= threshold) & ~self.hit[g.op, g.tech] & (radius > done)
            radius = np.where(need, radius, 0.0)
            inner = np.where(done > 0, radio.chord_for_distance(done), -1.0)
            for taken, local, ci, chord in ball_pairs(g.tree, self.v_xyz, radius):
                beyond = chord > inner[taken][local]  # the inner cells were evaluated in best_servers
                self._evaluate(g, taken, local[beyond], ci[beyond], chord[beyond])


def village_coverage(villages, cells):
    """coverage.village_coverage's results with this module's search: (results, per_operator,
    pairs evaluated)."""
    search = Search(villages, cells)
    search.lower_bounds()
    search.best_servers()
    search.operator_coverage()
    cell_of_rank = np.argsort(cells["rank"].to_numpy())
    best = {}
    for t in (0, 1):
        b = search.best[t]
        found = np.isfinite(b.rsrp)
        best[t] = (b.rsrp, np.where(found, cell_of_rank[np.where(found, b.rank, 0)], -1))
    res = coverage.coverage_frame(villages, cells, best)
    per_operator = {name: (search.hit[o, 0], search.hit[o, 1]) for o, name in enumerate(search.operators)}
    net = type("Cells", (), {"cells": cells, "lon": cells["lon"].to_numpy(), "lat": cells["lat"].to_numpy(),
                             "rank": cells["rank"].to_numpy()})
    res["nearest_site"], res["nearest_site_m"] = coverage.nearest_site(net, villages)
    return res, per_operator, search.pairs


# ---------------------------------------------------------------------------------------------
# Outputs
# ---------------------------------------------------------------------------------------------

def _text(values):
    """A column as CSV fields: numbers by repr (shortest round trip), booleans true/false, NaN
    and None empty, strings quoted when they hold a comma, a quote or a line break."""
    values = np.asarray(values)
    if values.dtype == bool:
        return np.where(values, "true", "false").tolist()
    if values.dtype.kind in "if":
        return ["" if v != v else repr(v) for v in values.tolist()]
    out = [v if isinstance(v, str) else "" if v is None or v != v else str(v) for v in values.tolist()]
    joined = "".join(out)
    if "," not in joined and '"' not in joined and "\n" not in joined and "\r" not in joined:
        return out
    return ['"' + v.replace('"', '""') + '"' if "," in v or '"' in v or "\n" in v or "\r" in v else v for v in out]


def write_csv(path, columns, rows=None):
    """columns: {name: values}; rows: the row indices to write (all by default). pandas'
    to_csv formats row by row through object arrays; joining per-column text is ~5x faster."""
    text = [_text(v if rows is None else np.asarray(v)[rows]) for v in columns.values()]
    lines = [",".join(columns)] + [",".join(row) for row in zip(*text)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_outputs(out, villages, results, tables, sites, site_province, site_commune):
    national, provinces, communes, operators = tables
    out.mkdir(parents=True, exist_ok=True)
    village_columns = {c: results[c].to_numpy() for c in (
        "village_id", "best_4g_rsrp_dbm", "best_4g_cell", "best_5g_rsrp_dbm", "best_5g_cell", "covered_4g", "covered_5g",
        "connected", "dead_zone", "unpowered", "nearest_site", "nearest_site_m")}
    village_columns.update({c: villages[c].to_numpy() for c in ("name", "province_code", "commune_code", "population")})
    village_columns.update({"area_type": villages["area_name"].to_numpy(), "lon": villages["lon"].to_numpy(),
                            "lat": villages["lat"].to_numpy()})
    write_csv(out / "villages.csv", village_columns)
    write_csv(out / "deadzones.csv", village_columns, np.flatnonzero(~results["connected"].to_numpy()))
    write_csv(out / "unpowered.csv", village_columns, np.flatnonzero(results["unpowered"].to_numpy()))
    write_csv(out / "sites.csv", {**{c: sites[c].to_numpy() for c in ("site_id", "operator", "has_4g", "has_5g")},
                                  "province_code": site_province, "commune_code": site_commune,
                                  "lon": sites["lon"].to_numpy(), "lat": sites["lat"].to_numpy()})
    columns = coverage.INT_KEYS + coverage.SHARE_KEYS
    for name, table, key in (("provinces", provinces, "province_code"), ("communes", communes, "commune_code"),
                             ("operators", operators, "operator")):
        write_csv(out / f"{name}.csv", {key: table.index.to_numpy(), **{c: table[c].to_numpy() for c in columns}})

    def entries(table):
        values = {c: (table[c].to_numpy().tolist()) for c in columns}
        return {str(k): {c: (None if v[i] != v[i] else v[i]) for c, v in values.items()} for i, k in enumerate(table.index)}

    summary = {"national": entries(national)["national"], "provinces": entries(provinces),
               "communes": entries(communes), "operators": entries(operators)}
    # Compact: the json module's C encoder only runs without indent.
    (out / "summary.json").write_text(json.dumps(summary, sort_keys=True) + "\n", encoding="utf-8")


KERNEL_TOL_DB = 1e-6  # bearings of villages a metre from a cell carry ~1e-8 dB of rounding in any formula


def check_kernels(cells):
    """Largest |kernel.py - radio.py| RSRP difference (dB) over sampled pairs of every group."""
    worst = 0.0
    for g in make_groups(cells)[1]:
        lon, lat = cells["lon"].to_numpy()[g.members], cells["lat"].to_numpy()[g.members]
        arrays = {"azimuth": cells["azimuth_deg"].to_numpy()[g.members], "beamwidth": cells["beamwidth_deg"].to_numpy()[g.members],
                  "eirp": g.eirp, "height": g.height}
        worst = max(worst, kernel.check(lon, lat, arrays, g.kernel, pairs=5000))
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--villages", required=True)
    parser.add_argument("--cells", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--check-kernel", action="store_true", help="compare kernel.py with radio.py first, and stop if they differ")
    args = parser.parse_args()
    t0 = time.perf_counter()
    villages = load_villages(args.villages)
    cells = load_cells(args.cells)
    t1 = time.perf_counter()
    if args.check_kernel:
        worst = check_kernels(cells)
        print(f"peer: kernel vs radio.py, largest RSRP difference {worst:.1e} dB", file=sys.stderr)
        if not worst <= KERNEL_TOL_DB:
            return 1
        t1 = time.perf_counter()
    results, per_operator, pairs = village_coverage(villages, cells)
    t2 = time.perf_counter()
    sites, site_province, site_commune, tables = coverage.sites_and_indicators(villages, cells, results, per_operator)
    t3 = time.perf_counter()
    write_outputs(Path(args.out), villages, results, tables, sites, site_province, site_commune)
    t4 = time.perf_counter()
    print(f"peer: load {t1 - t0:.2f} s, coverage {t2 - t1:.2f} s ({pairs:,} pairs evaluated), indicators {t3 - t2:.2f} s, "
          f"write {t4 - t3:.2f} s, total {t4 - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
