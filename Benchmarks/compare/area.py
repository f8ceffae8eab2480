"""Area coverage with numpy and shapely 2: per-site coverage footprints, their union
(shapely.union_all), clipped to province polygons, areas on the sphere.

The footprint follows phusong's definition (Sources/PhusongCoverage/AreaCoverage):
- one footprint per (site_id, technology, lon, lat), i.e. a site's sectors of one technology;
- N bearings theta_k = k * 360 / N (N = 72); along each, the longest ground distance
  r <= max_range_m where some sector's RSRP reaches the technology's threshold, for a receiver
  of the area type of the village nearest to the site (great-circle; ties: first in the file);
  RSRP is the spec's, with the antenna gain toward theta_k (the destination formula keeps the
  initial bearing theta_k along the whole ray) and d2D = r;
  r = max_range_m if covered there, 0 if not covered even at the 10 m clamp;
- the polygon through the ray ends (the site itself where r = 0), straight lon/lat edges;
- with provinces: per province, the footprints that intersect it, unioned and clipped to it;
  national = the sum over provinces; "any" = union of the clipped 4G and 5G unions;
  without provinces: per province (of the site's nearest village) the union of its own
  footprints, unclipped, and national = the union of all footprints;
- areas on the sphere of radius 6,371,008.8 m of the lon/lat polygons (exact for straight
  lon/lat edges: A = R^2 |sum over edges of dlambda * (sin(phi_m) sinc(dphi/2) - sin(phi_0))|).

Rays are solved by vectorised bisection to `tolerance_m` (default 0.05 m, much finer than
phusong's 5 m: the Python edge is the true edge to within 5 cm).
"""

import json

import numpy as np
import pandas as pd
import shapely

import coverage
import radio

RAY_CHUNK = 1_000_000


# ---------------------------------------------------------------------------------------------
# Footprints
# ---------------------------------------------------------------------------------------------

def solve_rays(budget_db, band, height, area_type, tolerance_m, midpoint=True):
    """Largest d in [10, 35000] m with PL(d) <= budget (PL non-decreasing in d), by bisection
    until the bracket is at most `tolerance_m`, then the bracket's midpoint (within
    tolerance_m / 2 of the edge; or its covered end with midpoint=False); 35000 if
    PL(35000) <= budget; 0 if even PL(10 m) > budget. Arguments: 1-D arrays of one length."""
    lo_m, hi_m = max(radio.MIN_DISTANCE_M, 1.0), radio.MAX_RANGE_M
    iterations = int(np.ceil(np.log2((hi_m - lo_m) / tolerance_m)))
    out = np.empty(len(budget_db))
    for start in range(0, len(budget_db), RAY_CHUNK):
        s = slice(start, start + RAY_CHUNK)
        b, f, h, a = budget_db[s], band[s], height[s], area_type[s]
        at_max = radio.path_loss_db(f, h, hi_m, a) <= b
        at_min = radio.path_loss_db(f, h, lo_m, a) <= b
        ray = np.where(at_max, hi_m, 0.0)
        todo = np.flatnonzero(at_min & ~at_max)
        lo = np.full(len(todo), lo_m)
        hi = np.full(len(todo), hi_m)
        bt, ft, ht, atype = b[todo], f[todo], h[todo], a[todo]
        for _ in range(iterations):
            mid = (lo + hi) / 2
            ok = radio.path_loss_db(ft, ht, mid, atype) <= bt
            lo = np.where(ok, mid, lo)
            hi = np.where(ok, hi, mid)
        ray[todo] = (lo + hi) / 2 if midpoint else lo
        out[s] = ray
    return out


def trace_footprints(cells, villages, site_province, bearings=72, tolerance_m=0.05):
    """Footprints as a DataFrame: tech, province (of the site, for the unclipped mode), lon,
    lat, geometry (shapely Polygon, or MultiPolygon after make_valid)."""
    # Groups (site_id, technology, location), numbered in order of their first cell.
    gid = cells.groupby(["site_id", "tech", "lon", "lat"], sort=False).ngroup().to_numpy()
    n_groups = gid.max() + 1 if len(gid) else 0
    first = np.full(n_groups, len(cells))
    np.minimum.at(first, gid, np.arange(len(cells)))
    g_lon = cells["lon"].to_numpy()[first]
    g_lat = cells["lat"].to_numpy()[first]
    g_tech = cells["tech"].to_numpy()[first]
    g_site = cells["site_id"].to_numpy()[first]
    nearest = coverage.nearest_village(villages, g_lon, g_lat)
    g_area = villages["area_type"].to_numpy()[nearest]

    # Radio classes: sectors of a group with the same EIRP, band and height differ only in
    # their antenna, so per bearing only the strongest gain among them matters.
    class_frame = pd.DataFrame({"g": gid, "eirp": cells["rs_eirp_dbm"], "band": cells["band_mhz"], "h": cells["height_m"]})
    cid = class_frame.groupby(["g", "eirp", "band", "h"], sort=True).ngroup().to_numpy()  # sorted by group first
    order = np.argsort(cid, kind="stable")
    starts = np.flatnonzero(np.r_[True, cid[order][1:] != cid[order][:-1]])
    c_first = order[starts]

    theta = np.arange(bearings) * 360.0 / bearings
    gains = radio.antenna_gain_db(theta[None, :], cells["azimuth_deg"].to_numpy()[:, None],
                                  cells["beamwidth_deg"].to_numpy()[:, None])
    c_gain = np.maximum.reduceat(gains[order], starts, axis=0)  # classes x bearings
    c_group = gid[c_first]
    threshold = np.where(g_tech[c_group] == 0, radio.THRESHOLD_DBM[0], radio.THRESHOLD_DBM[1])
    # RSRP >= threshold  <=>  PL <= EIRP + A_H - extra_loss - threshold.
    budget = cells["rs_eirp_dbm"].to_numpy()[c_first][:, None] + c_gain - radio.EXTRA_LOSS_DB - threshold[:, None]
    rep = lambda values: np.repeat(values, bearings)
    rays = solve_rays(budget.ravel(), rep(cells["band_mhz"].to_numpy()[c_first]),
                      rep(cells["height_m"].to_numpy()[c_first]), rep(g_area[c_group]), tolerance_m)
    rays = rays.reshape(len(c_first), bearings)
    g_rays = np.maximum.reduceat(rays, np.flatnonzero(np.r_[True, c_group[1:] != c_group[:-1]]), axis=0)

    # Polygons through the ray ends.
    end_lon, end_lat = radio.destination(g_lon[:, None], g_lat[:, None], theta[None, :], g_rays)
    end_lon = np.where(g_rays > 0, end_lon, g_lon[:, None])
    end_lat = np.where(g_rays > 0, end_lat, g_lat[:, None])
    geoms = np.empty(n_groups, dtype=object)
    simple = (g_rays > 0).all(axis=1)
    coords = np.stack([end_lon[simple], end_lat[simple]], axis=-1)
    coords = np.concatenate([coords, coords[:, :1]], axis=1)  # close the rings
    geoms[simple] = shapely.polygons(coords)
    for g in np.flatnonzero(~simple):
        geoms[g] = _ring_polygon(end_lon[g], end_lat[g], g_rays[g])
    keep = np.array([geom is not None for geom in geoms], dtype=bool)
    return pd.DataFrame({
        "tech": g_tech[keep], "province": np.asarray(site_province.reindex(g_site[keep]).to_numpy(), dtype=object),
        "lon": g_lon[keep], "lat": g_lat[keep], "geometry": geoms[keep],
    })


def _ring_polygon(lons, lats, rays):
    """Footprint with zero rays: consecutive repeated vertices dropped; None with fewer than
    three distinct vertices; make_valid when the outline passes through the site more than
    once (zero rays in two or more separate runs)."""
    ring = []
    for x, y in zip(lons, lats):
        if ring and ring[-1] == (x, y):
            continue
        ring.append((x, y))
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len(ring) < 3:
        return None
    zero = rays == 0
    runs = int(np.sum(zero & ~np.roll(zero, 1)))
    polygon = shapely.Polygon(ring)
    return shapely.make_valid(polygon) if runs >= 2 else polygon


# ---------------------------------------------------------------------------------------------
# Unions and areas
# ---------------------------------------------------------------------------------------------

def _polygons(geometry):
    """The Polygon parts of any geometry (collections flattened; lines and points dropped)."""
    parts = np.atleast_1d(np.asarray(geometry, dtype=object))
    while True:
        parts = parts[~shapely.is_empty(parts)]
        types = shapely.get_type_id(parts)
        multi = np.isin(types, [4, 5, 6, 7])  # Multi*, GeometryCollection
        if not multi.any():
            return parts[types == 3]
        parts = np.concatenate([parts[~multi], shapely.get_parts(parts[multi])])


def spherical_area_km2(geometry):
    """Area on the sphere of radius 6,371,008.8 m, km², of a lon/lat (Multi)Polygon whose edges
    are straight in (lon, lat), exterior rings minus holes."""
    polygons = _polygons(geometry)
    if len(polygons) == 0:
        return 0.0
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    is_hole = np.r_[False, ring_polygon[1:] == ring_polygon[:-1]]
    xy, ring_of = shapely.get_coordinates(rings, return_index=True)
    lam = np.radians(xy[:, 0])
    phi = np.radians(xy[:, 1])
    same = ring_of[1:] == ring_of[:-1]
    ring_start = np.flatnonzero(np.r_[True, ~same])
    sin_ref = np.sin(phi[ring_start])[ring_of[:-1]]
    half = (phi[1:] - phi[:-1]) / 2
    safe = np.where(half == 0, 1.0, half)
    sinc = np.where(half == 0, 1.0, np.sin(safe) / safe)
    term = (lam[1:] - lam[:-1]) * (np.sin((phi[1:] + phi[:-1]) / 2) * sinc - sin_ref)
    sums = np.bincount(ring_of[:-1][same], weights=term[same], minlength=len(rings))
    ring_area = np.abs(sums) * radio.EARTH_RADIUS_M ** 2
    return float(np.sum(np.where(is_hole, -ring_area, ring_area)) / 1e6)


def load_provinces(paths):
    """Province features (no `province_code` property) of GeoJSON files, sorted by code,
    made valid where they are not."""
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            collection = json.load(handle)
        for feature in collection["features"]:
            props = feature.get("properties") or {}
            if props.get("province_code") not in (None, ""):
                continue  # a commune
            geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
            if not shapely.is_valid(geometry):
                geometry = shapely.make_valid(geometry)
            rows.append({"code": str(props["code"]), "name": props.get("name"), "geometry": geometry})
    return pd.DataFrame(rows).sort_values("code", kind="stable").reset_index(drop=True)


def _union(geoms):
    return shapely.union_all(geoms) if len(geoms) else None


def _area(geometry):
    return 0.0 if geometry is None else spherical_area_km2(geometry)


def area_coverage(footprints, provinces=None, province_codes=()):
    """National and per-province covered area (km²) and land (km², with provinces)."""
    geoms = footprints["geometry"].to_numpy()
    tech = footprints["tech"].to_numpy()
    rows = []
    if provinces is not None and len(provinces):
        tree = shapely.STRtree(geoms)
        for code, name, polygon in provinces[["code", "name", "geometry"]].itertuples(index=False):
            hits = tree.query(polygon, predicate="intersects")
            clipped = {}
            for t in (0, 1):
                union = _union(geoms[hits[tech[hits] == t]])
                clipped[t] = None if union is None else shapely.intersection(union, polygon)
            parts = [g for g in clipped.values() if g is not None]
            any_union = shapely.union_all(parts) if parts else None
            rows.append({"code": code, "name": name, "area_4g_km2": _area(clipped[0]), "area_5g_km2": _area(clipped[1]),
                         "area_any_km2": _area(any_union), "land_km2": spherical_area_km2(polygon)})
        table = pd.DataFrame(rows).set_index("code")
        national = table[["area_4g_km2", "area_5g_km2", "area_any_km2", "land_km2"]].sum().to_dict()
        return national, table
    province = footprints["province"].to_numpy()
    for code in province_codes:
        mine = province == code
        u4, u5 = _union(geoms[mine & (tech == 0)]), _union(geoms[mine & (tech == 1)])
        parts = [g for g in (u4, u5) if g is not None]
        rows.append({"code": code, "area_4g_km2": _area(u4), "area_5g_km2": _area(u5),
                     "area_any_km2": _area(shapely.union_all(parts) if parts else None), "land_km2": None})
    u4, u5 = _union(geoms[tech == 0]), _union(geoms[tech == 1])
    parts = [g for g in (u4, u5) if g is not None]
    national = {"area_4g_km2": _area(u4), "area_5g_km2": _area(u5),
                "area_any_km2": _area(shapely.union_all(parts) if parts else None), "land_km2": None}
    return national, pd.DataFrame(rows).set_index("code") if rows else pd.DataFrame()
