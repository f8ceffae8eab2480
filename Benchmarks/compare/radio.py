"""The reference coverage model of shared/specs/coverage-model.md (contract v1), vectorised with
numpy: every function takes arrays (or scalars) that broadcast together.

Written from the spec alone, not from phusong's Swift code, so that the comparison is an
independent check. Constants are the spec's defaults.
"""

import numpy as np

EARTH_RADIUS_M = 6_371_008.8
USER_HEIGHT_M = 1.5  # hUT
MAX_RANGE_M = 35_000.0
MIN_DISTANCE_M = 10.0
EXTRA_LOSS_DB = 0.0
THRESHOLD_DBM = {0: -110.0, 1: -110.0}  # technology code (0 = 4G, 1 = 5G) -> coverage threshold
LOWER_BAND_EDGE_MHZ = 1500.0
UPPER_BAND_EDGE_MHZ = 2700.0
ENV_HEIGHT_M = 1.0  # hE of UMa
RMA_BUILDING_HEIGHT_M = 5.0  # h
RMA_STREET_WIDTH_M = 20.0  # W
C_38901 = 3.0e8
C_FSPL = 299_792_458.0

# Area types, as small integers.
URBAN, SUBURBAN, RURAL, OPEN = 0, 1, 2, 3
AREA_TYPES = {"urban": URBAN, "suburban": SUBURBAN, "rural": RURAL, "open": OPEN}

# Path-loss model kinds.
HATA, COST231, UMA, RMA = 0, 1, 2, 3

log10 = np.log10


# ---------------------------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------------------------

def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance, metres, on the sphere of radius 6,371,008.8 m."""
    phi1 = np.radians(lat1)
    phi2 = np.radians(lat2)
    s_dphi = np.sin(np.radians(lat2 - lat1) / 2)
    s_dlam = np.sin(np.radians(lon2 - lon1) / 2)
    h = s_dphi * s_dphi + np.cos(phi1) * np.cos(phi2) * s_dlam * s_dlam
    return 2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def bearing_deg(lon1, lat1, lon2, lat2):
    """Initial great-circle bearing from point 1 to point 2, degrees clockwise from north, in
    [0, 360); atan2(0, 0) = 0 for the same point."""
    phi1 = np.radians(lat1)
    phi2 = np.radians(lat2)
    dlam = np.radians(lon2 - lon1)
    y = np.sin(dlam) * np.cos(phi2)
    x = np.cos(phi1) * np.sin(phi2) - np.sin(phi1) * np.cos(phi2) * np.cos(dlam)
    theta = np.degrees(np.arctan2(y, x))
    return np.where(theta < 0, theta + 360.0, theta)


def destination(lon, lat, bearing, distance_m):
    """The point reached from (lon, lat) along the great circle with initial course `bearing`
    (degrees) after `distance_m` metres (spherical destination formula)."""
    theta = np.radians(bearing)
    phi1 = np.radians(lat)
    delta = distance_m / EARTH_RADIUS_M
    sin_phi2 = np.clip(np.sin(phi1) * np.cos(delta) + np.cos(phi1) * np.sin(delta) * np.cos(theta), -1, 1)
    phi2 = np.arcsin(sin_phi2)
    dlam = np.arctan2(np.sin(theta) * np.sin(delta) * np.cos(phi1), np.cos(delta) - np.sin(phi1) * sin_phi2)
    return lon + np.degrees(dlam), np.degrees(phi2)


def unit_vectors(lon, lat):
    """Points on the unit sphere (for k-d trees: chord length is monotone in arc length)."""
    lam = np.radians(lon)
    phi = np.radians(lat)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def chord_for_distance(distance_m):
    """Unit-sphere chord of a great-circle distance, slightly enlarged so that a k-d tree ball
    query never misses a point at exactly that distance (candidates are then filtered with the
    exact haversine distance)."""
    return 2 * np.sin(np.minimum(np.asarray(distance_m, dtype=float), np.pi * EARTH_RADIUS_M) / (2 * EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-12


# ---------------------------------------------------------------------------------------------
# Antenna
# ---------------------------------------------------------------------------------------------

def antenna_gain_db(bearing, azimuth, beamwidth):
    """3GPP TR 38.901 horizontal cut: -min(12 (phi/beamwidth)^2, 30), phi = bearing - azimuth
    wrapped to (-180, 180]; 0 for omnidirectional cells (azimuth NaN)."""
    phi = np.asarray(bearing - azimuth, dtype=float)
    phi = np.where((phi > -180) & (phi <= 180), phi, np.remainder(phi, 360.0))
    phi = np.where(phi > 180, phi - 360.0, phi)
    ratio = phi / beamwidth
    gain = -np.minimum(12 * (ratio * ratio), 30.0)
    return np.where(np.isnan(azimuth), 0.0, gain)


# ---------------------------------------------------------------------------------------------
# Path loss
# ---------------------------------------------------------------------------------------------

def model_kind(band_mhz, area_type):
    """Model by the cell's band and the village's area type (coverage-model.md, "Path loss")."""
    band_mhz = np.asarray(band_mhz, dtype=float)
    area_type = np.asarray(area_type)
    high = np.where(area_type <= SUBURBAN, UMA, RMA)
    return np.where(band_mhz < LOWER_BAND_EDGE_MHZ, HATA, np.where(band_mhz <= UPPER_BAND_EDGE_MHZ, COST231, high))


def _hata_a_hm(f):
    logf = log10(f)
    return (1.1 * logf - 0.7) * USER_HEIGHT_M - (1.56 * logf - 0.8)


def _hata_environment(loss, f, area_type):
    """urban: L; suburban: L - 2 (log(f/28))^2 - 5.4; rural and open: L - 4.78 (log f)^2 + 18.33 log f - 40.94."""
    logf = log10(f)
    suburban = loss - 2 * log10(f / 28) ** 2 - 5.4
    rural = loss - 4.78 * logf ** 2 + 18.33 * logf - 40.94
    return np.where(area_type == URBAN, loss, np.where(area_type == SUBURBAN, suburban, rural))


def okumura_hata_db(f, hb, d2_m, area_type):
    d_km = d2_m / 1000
    lu = 69.55 + 26.16 * log10(f) - 13.82 * log10(hb) - _hata_a_hm(f) + (44.9 - 6.55 * log10(hb)) * log10(d_km)
    return _hata_environment(lu, f, area_type)


def cost231_hata_db(f, hb, d2_m, area_type):
    d_km = d2_m / 1000
    cm = np.where(area_type == URBAN, 3.0, 0.0)
    lc = 46.3 + 33.9 * log10(f) - 13.82 * log10(hb) - _hata_a_hm(f) + (44.9 - 6.55 * log10(hb)) * log10(d_km) + cm
    # Urban is Lc(3) as it is; the other area types take Lc(0) with the Hata corrections.
    return np.where(area_type == URBAN, lc, _hata_environment(lc, f, area_type))


def uma_db(f, hb, d2_m, d3_m):
    fc = f / 1000
    dbp = 4 * (hb - ENV_HEIGHT_M) * (USER_HEIGHT_M - ENV_HEIGHT_M) * fc * 1e9 / C_38901
    los1 = 28 + 22 * log10(d3_m) + 20 * log10(fc)
    los2 = 28 + 40 * log10(d3_m) + 20 * log10(fc) - 9 * log10(dbp ** 2 + (hb - USER_HEIGHT_M) ** 2)
    los = np.where(d2_m <= dbp, los1, los2)
    nlos = 13.54 + 39.08 * log10(d3_m) + 20 * log10(fc) - 0.6 * (USER_HEIGHT_M - 1.5)
    return np.maximum(los, nlos)


def _rma_pl1(d, fc):
    h = RMA_BUILDING_HEIGHT_M
    return (20 * log10(40 * np.pi * d * fc / 3) + min(0.03 * h ** 1.72, 10) * log10(d)
            - min(0.044 * h ** 1.72, 14.77) + 0.002 * np.log10(h) * d)


def rma_db(f, hb, d2_m, d3_m):
    fc = f / 1000
    h, w, hut = RMA_BUILDING_HEIGHT_M, RMA_STREET_WIDTH_M, USER_HEIGHT_M
    dbp = 2 * np.pi * hb * hut * fc * 1e9 / C_38901
    los = np.where(d2_m <= dbp, _rma_pl1(d3_m, fc), _rma_pl1(dbp, fc) + 40 * log10(d3_m / dbp))
    nlos = (161.04 - 7.1 * np.log10(w) + 7.5 * np.log10(h) - (24.37 - 3.7 * (h / hb) ** 2) * log10(hb)
            + (43.42 - 3.1 * log10(hb)) * (log10(d3_m) - 3) + 20 * log10(fc)
            - (3.2 * np.log10(11.75 * hut) ** 2 - 4.97))
    return np.maximum(los, nlos)


def fspl_db(f, d3_m):
    return 20 * log10(4 * np.pi * d3_m * f * 1e6 / C_FSPL)


def path_loss_db(f, hb, d2_unclamped_m, area_type):
    """PL = max(model(f, area type), FSPL), with d2D clamped below at 10 m and
    d3D = sqrt(d2D^2 + (hBS - hUT)^2). Arguments broadcast; the result has their shape."""
    f, hb, d2, area_type = np.broadcast_arrays(np.asarray(f, float), np.asarray(hb, float),
                                               np.asarray(d2_unclamped_m, float), np.asarray(area_type))
    d2 = np.maximum(d2, MIN_DISTANCE_M)
    d3 = np.sqrt(d2 * d2 + (hb - USER_HEIGHT_M) ** 2)
    kind = model_kind(f, area_type)
    loss = np.empty(d2.shape)
    for k, fn in ((HATA, okumura_hata_db), (COST231, cost231_hata_db)):
        m = kind == k
        if m.any():
            loss[m] = fn(f[m], hb[m], d2[m], area_type[m])
    for k, fn in ((UMA, uma_db), (RMA, rma_db)):
        m = kind == k
        if m.any():
            loss[m] = fn(f[m], hb[m], d2[m], d3[m])
    return np.maximum(loss, fspl_db(f, d3))


def rsrp_dbm(eirp, gain, f, hb, d2_unclamped_m, area_type):
    """RSRP = rs_eirp_dbm + A_H - PL - extra_loss_db."""
    return eirp + gain - path_loss_db(f, hb, d2_unclamped_m, area_type) - EXTRA_LOSS_DB
