"""Per-village coverage the straightforward way: evaluate every (village, cell) pair within
max_range_m, with scipy and numpy. This is the first Python pipeline of the comparison,
"python (all pairs in range)". The second, coverage.village_coverage, ports phusong's pruning.

For each technology:
1. A scipy.spatial.cKDTree holds the technology's cells as unit vectors (chord length is
   monotone in great-circle distance). query_ball_point with the chord of 35 km, slightly
   enlarged, lists every cell within range of a village; the exact haversine distance then
   drops the few beyond 35 km (their RSRP is -inf).
2. The villages are taken in chunks of consecutive villages with about PAIR_BUDGET pairs
   between them (a first query_ball_point(..., return_length=True) counts the pairs of each
   village). That bounds the memory: each pair takes about 300 bytes of numpy temporaries, so
   a chunk of a million pairs takes about 0.3 GB, whereas the 1.3 billion pairs of the
   national scenario at once would take about 400 GB. Chunks of this size also stay in the
   CPU caches better than much larger ones.
3. Each chunk's pairs are evaluated with the spec's model (radio.py, vectorised numpy).
   The best server of each village is the maximum RSRP, and an exact tie goes to the
   smallest cell_id. An operator covers a village with a technology when one of its cells in
   range reaches the threshold, which the same pairs answer.

The nearest site and the indicators are coverage.py's, shared with the pruned pipeline.
Nationally this evaluates about 1.3 billion pairs; the pruned pipeline evaluates 17 million.
"""

import numpy as np
from scipy.spatial import cKDTree

import coverage
import radio

PAIR_BUDGET = 1_000_000  # (village, cell) pairs evaluated at once


def _chunks(counts, budget):
    """(start, stop) ranges of consecutive villages with at most `budget` pairs each (or a
    single village that has more)."""
    bounds = [0]
    total = 0
    for i, n in enumerate(counts):
        if total and total + n > budget:
            bounds.append(i)
            total = 0
        total += n
    bounds.append(len(counts))
    return list(zip(bounds[:-1], bounds[1:]))


def village_coverage(villages, cells, pair_budget=PAIR_BUDGET):
    """Per village: best 4G/5G RSRP and cell, covered flags, per-operator coverage, nearest
    site, from every pair within range. Returns (results DataFrame, per-operator dict of
    (covered_4g, covered_5g), Network, evaluated pair count), like coverage.village_coverage."""
    net = coverage.Network(cells)
    v_lon, v_lat = villages["lon"].to_numpy(), villages["lat"].to_numpy()
    v_area = villages["area_type"].to_numpy()
    v_xyz = radio.unit_vectors(v_lon, v_lat)
    radius = radio.chord_for_distance(radio.MAX_RANGE_M)
    n = len(villages)
    covered_by = np.zeros((len(net.operators), 2, n), dtype=bool)  # operator, technology, village
    best = {}
    pairs = 0
    for tech in (0, 1):
        threshold = radio.THRESHOLD_DBM[tech]
        best_rsrp = np.full(n, -np.inf)
        best_cell = np.full(n, -1, dtype=np.int64)
        members = np.flatnonzero(net.tech == tech)
        if len(members):
            tree = cKDTree(net.xyz[members])
            counts = tree.query_ball_point(v_xyz, radius, return_length=True)
            for start, stop in _chunks(counts, pair_budget):
                if counts[start:stop].sum() == 0:
                    continue
                lists = tree.query_ball_point(v_xyz[start:stop], radius, return_sorted=False)
                vi = np.repeat(np.arange(start, stop), counts[start:stop])
                ci = members[np.concatenate([np.asarray(x, dtype=np.int64) for x in lists if len(x)])]
                assert len(ci) == len(vi)
                _, rsrp = net.rsrp(v_lon, v_lat, v_area, vi, ci)  # -inf beyond 35 km
                pairs += len(vi)
                # Best server: pairs come grouped by village, in village order.
                bv, br, bc = coverage.best_per_village(vi, rsrp, net.rank, ci)
                best_rsrp[bv] = br
                best_cell[bv] = bc
                # Per operator: some own cell in range reaches the threshold.
                hit = rsrp >= threshold
                covered_by[net.op[ci[hit]], tech, vi[hit]] = True
        best[tech] = (best_rsrp, best_cell)
    res = coverage.coverage_frame(villages, cells, best)
    per_operator = {name: (covered_by[o, 0], covered_by[o, 1]) for o, name in enumerate(net.operators)}
    res["nearest_site"], res["nearest_site_m"] = coverage.nearest_site(net, villages)
    return res, per_operator, net, pairs
