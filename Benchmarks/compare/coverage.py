"""Loading, the pruned best-server search, and the committee's indicators, with numpy, scipy
and pandas (shared/specs/coverage-model.md, data-format.md).

The loading, the nearest site and the indicators are shared by both Python pipelines of the
comparison. The best-server search here is the second one, "python (pruned, phusong's
algorithm)": phusong's own upper-bound pruning ported to numpy, so that it evaluates about
17 million village-cell pairs nationally instead of the 1.3 billion within range. It shows
what remains of the difference when the algorithm is the same. The straightforward pipeline,
every pair within range, is all_pairs.py.

Best server search: exact, with a pruned candidate set.
1. k-d tree (scipy.spatial.cKDTree) over the cells' unit vectors, one per technology (and one
   per operator and technology for the per-operator figures).
2. The K nearest cells give every village a lower bound LB on its best RSRP.
3. An upper bound UB(d) on the RSRP that ANY cell of the group can deliver at distance >= d
   (main-lobe gain 0 dB, each cell's own EIRP, band and height; suffix maximum over a fine
   log grid of distances, plus a safety margin) gives the distance R beyond which no cell can
   reach LB. A ball query of radius R then returns every cell that can be the best server
   (ties included: R is where UB < LB strictly).
4. Every candidate pair is evaluated with the exact model (radio.py) and the best kept per
   village, exact ties to the smallest cell_id (UTF-8 byte order = code point order).
The result equals an exhaustive evaluation of every cell within max_range_m.
"""

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

import radio

K_NEAREST = 24  # neighbours for the lower bound (8 three-sector sites)
UB_MARGIN_DB = 0.5  # slack for PL not being monotone between grid points (38.901 breakpoints)
GRID_M = np.concatenate([[0.0], np.geomspace(radio.MIN_DISTANCE_M, radio.MAX_RANGE_M, 600)])
BALL_CHUNK = 4000  # villages per ball query (bounds the memory of the candidate lists)

BOOL_VALUES = {"true": True, "1": True, "yes": True, "y": True,
               "false": False, "0": False, "no": False, "n": False}
LON_NAMES = ("lon", "lng", "long", "longitude", "x")
LAT_NAMES = ("lat", "latitude", "y")


# ---------------------------------------------------------------------------------------------
# Loading (data-format.md v1)
# ---------------------------------------------------------------------------------------------

def _read_csv(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = [c.strip() for c in frame.columns]
    for names, target in ((LON_NAMES, "lon"), (LAT_NAMES, "lat")):
        if target not in frame.columns:
            for name in names:
                if name in frame.columns:
                    frame = frame.rename(columns={name: target})
                    break
    return frame


def load_villages(path):
    raw = _read_csv(path)
    v = pd.DataFrame({
        "village_id": raw["village_id"],
        "province_code": raw.get("province_code", pd.Series("", index=raw.index)).replace("", None),
        "commune_code": raw.get("commune_code", pd.Series("", index=raw.index)).replace("", None),
        "lon": raw["lon"].astype(float),
        "lat": raw["lat"].astype(float),
        "population": raw["population"].astype(np.int64),
        "grid_power": raw["grid_power"].str.strip().str.lower().map(BOOL_VALUES).astype(bool),
    })
    area = raw.get("area_type", pd.Series("", index=raw.index)).str.strip().str.lower().replace("", "rural")
    v["area_type"] = area.map(radio.AREA_TYPES).astype(np.int8)
    return v


def load_cells(paths):
    raw = pd.concat([_read_csv(p) for p in paths], ignore_index=True)
    tech = raw["technology"].str.strip().str.upper().map({"4G": 0, "5G": 1}).astype(np.int8)
    c = pd.DataFrame({
        "cell_id": raw["cell_id"],
        "site_id": raw["site_id"],
        "operator": raw["operator"],
        "tech": tech,
        "band_mhz": raw["band_mhz"].astype(float),
        "lon": raw["lon"].astype(float),
        "lat": raw["lat"].astype(float),
        "height_m": raw["height_m"].astype(float),
        # Empty azimuth: omnidirectional (NaN); empty beamwidth: 65; empty EIRP: 30 (4G) / 36 (5G).
        "azimuth_deg": pd.to_numeric(raw.get("azimuth_deg", ""), errors="coerce").astype(float),
        "beamwidth_deg": pd.to_numeric(raw.get("beamwidth_deg", ""), errors="coerce").fillna(65.0).astype(float),
        "rs_eirp_dbm": pd.to_numeric(raw.get("rs_eirp_dbm", ""), errors="coerce").astype(float),
    })
    c["rs_eirp_dbm"] = c["rs_eirp_dbm"].fillna(pd.Series(np.where(tech == 0, 30.0, 36.0), index=c.index))
    c["rank"] = cell_ranks(c["cell_id"])
    return c


def cell_ranks(cell_ids):
    """Tie rule: each cell_id's rank in UTF-8 byte order (= Unicode code point order, numpy's
    string order)."""
    order = np.argsort(cell_ids.to_numpy(dtype=str), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


# ---------------------------------------------------------------------------------------------
# Candidate evaluation
# ---------------------------------------------------------------------------------------------

class Network:
    """The cells as flat numpy arrays, for evaluating (village, cell) pairs."""

    def __init__(self, cells):
        self.cells = cells
        self.lon = cells["lon"].to_numpy()
        self.lat = cells["lat"].to_numpy()
        self.xyz = radio.unit_vectors(self.lon, self.lat)
        self.band = cells["band_mhz"].to_numpy()
        self.height = cells["height_m"].to_numpy()
        self.azimuth = cells["azimuth_deg"].to_numpy()
        self.beamwidth = cells["beamwidth_deg"].to_numpy()
        self.eirp = cells["rs_eirp_dbm"].to_numpy()
        self.tech = cells["tech"].to_numpy()
        self.rank = cells["rank"].to_numpy()
        self.operators = sorted(cells["operator"].unique())
        self.op = cells["operator"].map({name: i for i, name in enumerate(self.operators)}).to_numpy()

    def rsrp(self, v_lon, v_lat, v_area, vi, ci):
        """Distance and RSRP of the pairs (village vi, cell ci); RSRP is -inf beyond max_range_m
        (unclamped d2D > 35 km)."""
        lon, lat = self.lon[ci], self.lat[ci]
        d2 = radio.haversine_m(lon, lat, v_lon[vi], v_lat[vi])
        gain = radio.antenna_gain_db(radio.bearing_deg(lon, lat, v_lon[vi], v_lat[vi]), self.azimuth[ci], self.beamwidth[ci])
        value = radio.rsrp_dbm(self.eirp[ci], gain, self.band[ci], self.height[ci], d2, v_area[vi])
        return d2, np.where(d2 <= radio.MAX_RANGE_M, value, -np.inf)

    def upper_bound(self, members, area_type):
        """UB[i] >= RSRP of any cell of `members` toward any village of `area_type` at a distance
        >= GRID_M[i] (gain <= 0 dB; suffix maximum over the grid, plus a margin)."""
        # The strongest EIRP of each (band, height): PL depends on the cell through these only.
        combos = (pd.DataFrame({"band": self.band[members], "height": self.height[members], "eirp": self.eirp[members]})
                  .groupby(["band", "height"], sort=False)["eirp"].max().reset_index())
        eirp, band, height = (combos[c].to_numpy()[:, None] for c in ("eirp", "band", "height"))
        values = radio.rsrp_dbm(eirp, 0.0, band, height, GRID_M[None, :], area_type).max(axis=0)
        return np.maximum.accumulate(values[::-1])[::-1] + UB_MARGIN_DB


def best_per_village(vi, rsrp, rank, ci):
    """For pairs (vi, ci) with their RSRP, grouped by village (vi non-decreasing, as the k-d tree
    queries return them): per village, the best (max RSRP; exact ties: min rank, i.e. the
    smallest cell_id). Villages whose pairs are all out of range are left out."""
    if len(vi) == 0:
        return vi, rsrp, ci
    assert (vi[1:] >= vi[:-1]).all(), "pairs must be grouped by village"
    starts = np.flatnonzero(np.r_[True, vi[1:] != vi[:-1]])
    best = np.maximum.reduceat(rsrp, starts)
    group = np.cumsum(np.r_[False, vi[1:] != vi[:-1]])
    tied_rank = np.where(rsrp == best[group], rank[ci], np.iinfo(np.int64).max)
    best_rank = np.minimum.reduceat(tied_rank, starts)
    pos = np.flatnonzero(tied_rank == best_rank[group])
    pos = pos[np.r_[True, group[pos][1:] != group[pos][:-1]]]  # one pair per village
    keep = np.isfinite(best)
    return vi[starts][keep], best[keep], ci[pos][keep]


def _ball_pairs(tree, points, radii, members):
    """(point index, member cell) for every tree member within `radii` (chords) of each point."""
    out_p, out_c = [], []
    for start in range(0, len(points), BALL_CHUNK):
        stop = min(start + BALL_CHUNK, len(points))
        lists = tree.query_ball_point(points[start:stop], radii[start:stop], return_sorted=False)
        lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        if lengths.sum() == 0:
            continue
        out_p.append(np.repeat(np.arange(start, stop), lengths))
        out_c.append(members[np.concatenate([np.asarray(x, dtype=np.int64) for x in lists if len(x)])])
    if not out_p:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(out_p), np.concatenate(out_c)


def _knn_pairs(tree, points, members, k):
    k = min(k, len(members))
    dist, idx = tree.query(points, k=k, distance_upper_bound=radio.chord_for_distance(radio.MAX_RANGE_M))
    dist = dist.reshape(len(points), k)
    idx = idx.reshape(len(points), k)
    ok = idx < len(members)
    p = np.repeat(np.arange(len(points)), k).reshape(len(points), k)[ok]
    return p, members[idx[ok]], ok.sum(axis=1), dist


class Stats:
    pairs = 0


def best_servers(net, villages, members, stats):
    """Exact best server among `members` (cell indices) for every village: (rsrp, cell) arrays,
    -inf / -1 where no member is within range."""
    n = len(villages)
    best_rsrp = np.full(n, -np.inf)
    best_cell = np.full(n, -1, dtype=np.int64)
    if len(members) == 0:
        return best_rsrp, best_cell
    v_lon, v_lat = villages["lon"].to_numpy(), villages["lat"].to_numpy()
    v_area = villages["area_type"].to_numpy()
    v_xyz = radio.unit_vectors(v_lon, v_lat)
    tree = cKDTree(net.xyz[members])
    for area_type in np.unique(v_area):
        vidx = np.flatnonzero(v_area == area_type)
        # 1-2. Lower bound from the K nearest cells.
        p, c, found, _ = _knn_pairs(tree, v_xyz[vidx], members, K_NEAREST)
        _, r = net.rsrp(v_lon, v_lat, v_area, vidx[p], c)
        stats.pairs += len(p)
        bv, br, bc = best_per_village(p, r, net.rank, c)
        lower = np.full(len(vidx), -np.inf)
        lower[bv] = br
        # 3. Search radius: the first grid distance where the upper bound falls below LB.
        ub = net.upper_bound(members, area_type)
        first = np.searchsorted(-ub, -lower, side="right")  # first i with ub[i] < lower (ub non-increasing)
        radius = GRID_M[np.minimum(first, len(GRID_M) - 1)]
        # Villages with no cell within 35 km at all need no ball query.
        need = found > 0
        qi = np.flatnonzero(need)
        p, c = _ball_pairs(tree, v_xyz[vidx[qi]], radio.chord_for_distance(radius[qi]), members)
        p = qi[p]
        # 4. Exact evaluation of every candidate, best per village.
        _, r = net.rsrp(v_lon, v_lat, v_area, vidx[p], c)
        stats.pairs += len(p)
        bv, br, bc = best_per_village(p, r, net.rank, c)
        best_rsrp[vidx[bv]] = br
        best_cell[vidx[bv]] = bc
    return best_rsrp, best_cell


def reaches_threshold(net, villages, members, threshold, candidates, stats):
    """Boolean per village in `candidates`: does some member cell in range reach `threshold`?"""
    n = len(villages)
    result = np.zeros(n, dtype=bool)
    if len(members) == 0 or len(candidates) == 0:
        return result
    v_lon, v_lat = villages["lon"].to_numpy(), villages["lat"].to_numpy()
    v_area = villages["area_type"].to_numpy()
    tree = cKDTree(net.xyz[members])
    for area_type in np.unique(v_area[candidates]):
        vidx = candidates[v_area[candidates] == area_type]
        v_xyz = radio.unit_vectors(v_lon[vidx], v_lat[vidx])
        p, c, _, _ = _knn_pairs(tree, v_xyz, members, 9)
        _, r = net.rsrp(v_lon, v_lat, v_area, vidx[p], c)
        stats.pairs += len(p)
        hit = np.zeros(len(vidx), dtype=bool)
        hit[p[r >= threshold]] = True
        # The rest: every cell within the group's reach (UB >= threshold).
        rest = np.flatnonzero(~hit)
        if len(rest):
            ub = net.upper_bound(members, area_type)
            reach = GRID_M[min(np.searchsorted(-ub, -threshold, side="right"), len(GRID_M) - 1)]
            p, c = _ball_pairs(tree, v_xyz[rest], np.full(len(rest), radio.chord_for_distance(reach)), members)
            _, r = net.rsrp(v_lon, v_lat, v_area, vidx[rest[p]], c)
            stats.pairs += len(p)
            hit[rest[p[r >= threshold]]] = True
        result[vidx] = hit
    return result


def nearest_index(tree_points, tree, lon, lat, k, rank=None):
    """Index of the nearest tree point to each (lon, lat) by haversine distance (exact ties:
    smallest `rank`, or smallest index), and the distance. The k nearest by chord are the
    candidates."""
    k = min(k, len(tree_points[0]))
    _, idx = tree.query(radio.unit_vectors(lon, lat), k=k)
    idx = idx.reshape(len(lon), k)
    d = radio.haversine_m(tree_points[0][idx], tree_points[1][idx], lon[:, None], lat[:, None])
    tie = idx if rank is None else rank[idx]
    first = np.lexsort((tie, d), axis=-1)[:, 0]
    rows = np.arange(len(lon))
    return idx[rows, first], d[rows, first]


# ---------------------------------------------------------------------------------------------
# The whole village coverage
# ---------------------------------------------------------------------------------------------

def coverage_frame(villages, cells, best):
    """The per-village results of the best servers `best` = {tech: (rsrp, cell)} (-inf / -1
    where no cell is in range), in the columns of phusong's villages.csv (without the nearest
    site)."""
    res = pd.DataFrame({"village_id": villages["village_id"]})
    for tech, name in ((0, "4g"), (1, "5g")):
        rsrp, cell = best[tech]
        res[f"best_{name}_rsrp_dbm"] = np.where(cell >= 0, rsrp, np.nan)
        res[f"best_{name}_cell"] = np.where(cell >= 0, cells["cell_id"].to_numpy()[np.maximum(cell, 0)], "")
        res[f"covered_{name}"] = rsrp >= radio.THRESHOLD_DBM[tech]
    res["connected"] = res["covered_4g"] | res["covered_5g"]
    res["dead_zone"] = ~res["connected"]
    res["unpowered"] = ~villages["grid_power"].to_numpy()
    return res


def nearest_site(net, villages):
    """Site and distance of each village's nearest cell (unclamped d2D, no range limit; ties:
    smallest cell_id). Cells at one location (a site's sectors, co-located sites) are one point
    of the tree, carrying the smallest cell_id there."""
    cells = net.cells
    places = pd.DataFrame({"lon": net.lon, "lat": net.lat, "rank": net.rank, "cell": np.arange(len(cells))})
    places = places.sort_values("rank").drop_duplicates(["lon", "lat"], keep="first")
    p_lon, p_lat = places["lon"].to_numpy(), places["lat"].to_numpy()
    tree = cKDTree(radio.unit_vectors(p_lon, p_lat))
    idx, dist = nearest_index((p_lon, p_lat), tree, villages["lon"].to_numpy(), villages["lat"].to_numpy(), 8,
                              places["rank"].to_numpy())
    return cells["site_id"].to_numpy()[places["cell"].to_numpy()[idx]], dist


def village_coverage(villages, cells):
    """Per village: best 4G/5G RSRP and cell, covered flags, per-operator coverage, nearest
    site. Returns (results DataFrame, per-operator dict of (covered_4g, covered_5g), Network,
    evaluated pair count)."""
    net = Network(cells)
    stats = Stats()
    best = {}
    for tech in (0, 1):
        members = np.flatnonzero(net.tech == tech)
        best[tech] = best_servers(net, villages, members, stats)
    res = coverage_frame(villages, cells, best)

    # Per operator: covered by its own cells of a technology. Only villages covered by the
    # technology can be; if the best server is the operator's, it is.
    per_operator = {}
    for o, name in enumerate(net.operators):
        flags = []
        for tech in (0, 1):
            rsrp, cell = best[tech]
            threshold = radio.THRESHOLD_DBM[tech]
            covered_tech = rsrp >= threshold
            own = covered_tech & (cell >= 0) & (net.op[np.maximum(cell, 0)] == o)
            members = np.flatnonzero((net.tech == tech) & (net.op == o))
            candidates = np.flatnonzero(covered_tech & ~own)
            flags.append(own | reaches_threshold(net, villages, members, threshold, candidates, stats))
        per_operator[name] = tuple(flags)

    res["nearest_site"], res["nearest_site_m"] = nearest_site(net, villages)
    return res, per_operator, net, stats.pairs


def sites_of(cells):
    """Sites in order of first cell: id, operator, location of the first cell, has 4G / 5G."""
    first = cells.drop_duplicates("site_id", keep="first")
    techs = (cells.assign(has_4g=cells["tech"] == 0, has_5g=cells["tech"] == 1)
             .groupby("site_id", sort=False)[["has_4g", "has_5g"]].any())
    sites = first[["site_id", "operator", "lon", "lat"]].reset_index(drop=True)
    return sites.join(techs, on="site_id")


def sites_and_indicators(villages, cells, results, per_operator):
    """Sites (sites_of), each site's province and commune (those of its nearest village), and
    the indicator tables (indicators)."""
    sites = sites_of(cells)
    nearest = nearest_village(villages, sites["lon"].to_numpy(), sites["lat"].to_numpy())
    site_province = villages["province_code"].to_numpy()[nearest]
    site_commune = villages["commune_code"].to_numpy()[nearest]
    tables = indicators(villages, results, per_operator, sites, site_province, site_commune)
    return sites, site_province, site_commune, tables


def nearest_village(villages, lon, lat):
    """Index of the nearest village (great-circle; exact ties: the first in the file)."""
    v_lon, v_lat = villages["lon"].to_numpy(), villages["lat"].to_numpy()
    tree = cKDTree(radio.unit_vectors(v_lon, v_lat))
    idx, _ = nearest_index((v_lon, v_lat), tree, np.asarray(lon), np.asarray(lat), 4)
    return idx


# ---------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------

INT_KEYS = ["villages", "villages_connected", "villages_dead_zone", "villages_unpowered",
            "villages_dead_zone_and_unpowered", "population", "population_covered_4g",
            "population_covered_5g", "population_covered_any", "stations_4g", "stations_5g"]
SHARE_KEYS = ["share_villages_connected", "population_coverage_4g", "population_coverage_5g",
              "population_coverage_any", "ratio_5g_4g_stations"]


def _village_sums(frame, keys):
    """Village indicator sums per group (`keys` columns; None = one national row)."""
    f = frame.assign(
        villages=1,
        villages_connected=frame["connected"].astype(np.int64),
        villages_dead_zone=(~frame["connected"]).astype(np.int64),
        villages_unpowered=frame["unpowered"].astype(np.int64),
        villages_dead_zone_and_unpowered=((~frame["connected"]) & frame["unpowered"]).astype(np.int64),
        population_covered_4g=frame["population"] * frame["covered_4g"],
        population_covered_5g=frame["population"] * frame["covered_5g"],
        population_covered_any=frame["population"] * frame["connected"],
    )
    cols = ["villages", "villages_connected", "villages_dead_zone", "villages_unpowered",
            "villages_dead_zone_and_unpowered", "population", "population_covered_4g",
            "population_covered_5g", "population_covered_any"]
    if keys is None:
        return f[cols].sum().to_frame().T.assign(key="national").set_index("key")
    return f.groupby(keys, sort=True)[cols].sum()


def _finish(table):
    """Station columns filled and the shares derived, as phusong/the reference define them."""
    table = table.copy()
    for col in ("stations_4g", "stations_5g"):
        table[col] = table[col].fillna(0).astype(np.int64) if col in table else 0
    for col in INT_KEYS:
        table[col] = table[col].fillna(0).astype(np.int64)

    def ratio(a, b):
        return np.where(table[b] > 0, table[a] / table[b].where(table[b] > 0, 1), 0.0)

    table["share_villages_connected"] = ratio("villages_connected", "villages")
    table["population_coverage_4g"] = ratio("population_covered_4g", "population")
    table["population_coverage_5g"] = ratio("population_covered_5g", "population")
    table["population_coverage_any"] = ratio("population_covered_any", "population")
    table["ratio_5g_4g_stations"] = np.where(table["stations_4g"] > 0,
                                             table["stations_5g"] / table["stations_4g"].where(table["stations_4g"] > 0, 1),
                                             np.nan)
    return table


def indicators(villages, results, per_operator, sites, site_province, site_commune):
    """National, province, commune and operator indicator tables (pandas DataFrames)."""
    frame = pd.DataFrame({
        "province_code": villages["province_code"], "commune_code": villages["commune_code"],
        "population": villages["population"], "covered_4g": results["covered_4g"],
        "covered_5g": results["covered_5g"], "connected": results["connected"],
        "unpowered": results["unpowered"],
    })
    st = sites.assign(province_code=site_province, commune_code=site_commune,
                      stations_4g=sites["has_4g"].astype(np.int64), stations_5g=sites["has_5g"].astype(np.int64))
    station_cols = ["stations_4g", "stations_5g"]

    national = _village_sums(frame, None)
    national[station_cols] = st[station_cols].sum().to_numpy()
    national = _finish(national)

    provinces = _village_sums(frame.dropna(subset=["province_code"]), "province_code")
    provinces = provinces.join(st.dropna(subset=["province_code"]).groupby("province_code")[station_cols].sum(), how="outer")
    provinces = _finish(provinces)

    communes = _village_sums(frame.dropna(subset=["commune_code"]), "commune_code")
    communes = communes.join(st.dropna(subset=["commune_code"]).groupby("commune_code")[station_cols].sum(), how="outer")
    communes = _finish(communes)

    rows = []
    for name, (c4, c5) in per_operator.items():
        f = frame.assign(covered_4g=c4, covered_5g=c5, connected=c4 | c5)
        row = _village_sums(f, None)
        own = st[st["operator"] == name]
        row[station_cols] = own[station_cols].sum().to_numpy()
        rows.append(row.rename(index={"national": name}))
    operators = _finish(pd.concat(rows)) if rows else pd.DataFrame()
    return national, provinces, communes, operators
