"""RSRP of (village, cell) pairs with every per-cell term hoisted: the peer's inner loop.

radio.py writes the spec's formulas (shared/specs/coverage-model.md) as they read. Evaluated
on millions of pairs, most of that work depends on the cell alone: log10 of the band and the
height, the Hata constants, the breakpoint distances, the antenna's azimuth and beamwidth.
A numpy engineer would compute those once per cell and leave per pair only what depends on
the distance and the direction. That is this module:

- Distance. The k-d trees hold unit vectors, so a query returns the chord c between the
  village and the cell; the great-circle distance is 2 R asin(c / 2), equal to the haversine
  formula (the haversine h is (c / 2)^2) up to rounding.
- Direction. The initial bearing from the cell toward the village is atan2(V . E, V . N),
  with V the village's unit vector and E, N the east and north unit vectors at the cell
  (sin(dlon) cos(lat2) and cos(lat1) sin(lat2) - sin(lat1) cos(lat2) cos(dlon), written as
  dot products). Rotating E, N by the azimuth once per cell gives the angle off boresight
  phi = atan2(V . P, V . B) directly in (-180, 180], so the antenna gain costs one atan2.
  A village at the cell's very location has bearing 0 by the spec (atan2(0, 0)), so
  phi = -azimuth there.
- Path loss. In a group of one band and one area type, every model is linear in log10 of a
  distance once the cell's constants are known: Hata and COST-231 are A + B log10(d2D km);
  38.901 UMa and RMa are a few lines in log10(d3D) (RMa's LOS adds 0.002 log10(h) d3D), with a
  per-cell breakpoint; FSPL is F + 20 log10(d3D). Per pair that is one or two log10 calls.

`check()` compares this module with radio.py on sampled pairs of every band and area type
(the peer runs it with --check-kernel); the end-to-end check is compare.py's, against phusong.
"""

import numpy as np

import radio

TWO_R = 2 * radio.EARTH_RADIUS_M
DEG = 180 / np.pi


def lonlat_frames(lon, lat, azimuth):
    """Per cell: unit vector, boresight B and its right-hand perpendicular P (tangent unit
    vectors at the cell, as (n, 3) arrays). Omnidirectional cells (NaN azimuth) get azimuth 0;
    their gain is 0 anyway."""
    lam, phi = np.radians(lon), np.radians(lat)
    east = np.column_stack([-np.sin(lam), np.cos(lam), np.zeros_like(lam)])
    north = np.column_stack([-np.sin(phi) * np.cos(lam), -np.sin(phi) * np.sin(lam), np.cos(phi)])
    az = np.radians(np.nan_to_num(azimuth, nan=0.0))[:, None]
    boresight = north * np.cos(az) + east * np.sin(az)
    right = east * np.cos(az) - north * np.sin(az)
    return boresight, right


class GroupKernel:
    """The cells of one band (one path-loss model per area type), with their constants.

    Arrays are per cell of the group, in the group's order. `rsrp(area_type, v_xyz, ci, chord)`
    evaluates pairs of villages of one area type."""

    def __init__(self, band, lon, lat, height, azimuth, beamwidth, eirp):
        self.band = float(band)
        self.eirp = eirp
        self.height = height
        boresight, right = lonlat_frames(lon, lat, azimuth)
        self.boresight, self.right = boresight, right
        omni = np.isnan(azimuth)
        # gain = -min(12 (phi_deg / beamwidth)^2, 30) = -min(k phi_rad^2, 30), k = 12 (180/pi / bw)^2.
        self.k = np.where(omni, 0.0, 12 * (DEG / beamwidth) ** 2)
        # A village at the cell's location: bearing 0, phi = -azimuth wrapped (the spec's atan2(0, 0) = 0).
        self.gain_here = np.where(omni, 0.0, radio.antenna_gain_db(0.0, azimuth, beamwidth))
        self.dh2 = (height - radio.USER_HEIGHT_M) ** 2
        f = self.band
        self.fspl0 = 20 * np.log10(4 * np.pi * f * 1e6 / radio.C_FSPL)  # FSPL = fspl0 + 20 log10(d3D)
        lg_hb = np.log10(height)
        fc = f / 1000
        self.kind = {a: int(radio.model_kind(f, a)) for a in radio.AREA_TYPES.values()}
        self._coef = {}
        for a, kind in self.kind.items():
            if kind in (radio.HATA, radio.COST231):
                # PL = A + B log10(d2D / 1 km): the model at 1 km, and its slope.
                fn = radio.okumura_hata_db if kind == radio.HATA else radio.cost231_hata_db
                a0 = fn(f, height, 1000.0, a)
                self._coef[a] = (self.eirp - a0 + 3 * (44.9 - 6.55 * lg_hb), 44.9 - 6.55 * lg_hb)
        if any(k in (radio.UMA, radio.RMA) for k in self.kind.values()):
            lg_fc = np.log10(fc)
            # UMa (TR 38.901 Table 7.4.1-1): LOS1 = 28 + 22 L + 20 log fc below the breakpoint,
            # LOS2 = 28 + 40 L + 20 log fc - 9 log10(d'BP^2 + (hBS - hUT)^2) beyond; NLOS =
            # 13.54 + 39.08 L + 20 log fc - 0.6 (hUT - 1.5); L = log10(d3D).
            self.uma_dbp = 4 * (height - radio.ENV_HEIGHT_M) * (radio.USER_HEIGHT_M - radio.ENV_HEIGHT_M) * fc * 1e9 / radio.C_38901
            self.uma_los1 = 28 + 20 * lg_fc
            self.uma_los2 = 28 + 20 * lg_fc - 9 * np.log10(self.uma_dbp ** 2 + (height - radio.USER_HEIGHT_M) ** 2)
            self.uma_nlos = 13.54 + 20 * lg_fc - 0.6 * (radio.USER_HEIGHT_M - 1.5)
            # RMa: PL1(d) = 20 log10(40 pi d fc / 3) + c1 log10 d - c2 + c3 d; LOS = PL1(d3D) below
            # the breakpoint, PL1(dBP) + 40 log10(d3D / dBP) beyond; NLOS = n0 + s (L - 3).
            h, w, hut = radio.RMA_BUILDING_HEIGHT_M, radio.RMA_STREET_WIDTH_M, radio.USER_HEIGHT_M
            self.rma_dbp = 2 * np.pi * height * hut * fc * 1e9 / radio.C_38901
            c1 = min(0.03 * h ** 1.72, 10)
            self.rma_c3 = 0.002 * np.log10(h)
            self.rma_p0 = 20 * np.log10(40 * np.pi * fc / 3) - min(0.044 * h ** 1.72, 14.77)
            self.rma_s0 = 20 + c1
            self.rma_p1 = radio._rma_pl1(self.rma_dbp, fc) - 40 * np.log10(self.rma_dbp)
            self.rma_slope = 43.42 - 3.1 * lg_hb
            self.rma_n0 = (161.04 - 7.1 * np.log10(w) + 7.5 * np.log10(h) - (24.37 - 3.7 * (h / height) ** 2) * lg_hb
                           + 20 * lg_fc - (3.2 * np.log10(11.75 * hut) ** 2 - 4.97) - 3 * self.rma_slope)

    def gain(self, v_xyz, ci, chord):
        """Antenna gain (dB) of cell ci toward the village with unit vector v_xyz (rows)."""
        along = np.einsum("ij,ij->i", v_xyz, self.boresight[ci])
        across = np.einsum("ij,ij->i", v_xyz, self.right[ci])
        phi = np.arctan2(across, along)
        g = -np.minimum(self.k[ci] * (phi * phi), 30.0)
        here = chord == 0
        if here.any():
            g[here] = self.gain_here[ci[here]]
        return g

    def rsrp(self, area_type, v_xyz, ci, chord):
        """RSRP (dBm) of the pairs (village unit vectors v_xyz, group cells ci, chord between
        them) for villages of `area_type`; -inf beyond max_range_m."""
        d2u = TWO_R * np.arcsin(np.minimum(0.5 * chord, 1.0))
        d2 = np.maximum(d2u, radio.MIN_DISTANCE_M)
        d3sq = d2 * d2 + self.dh2[ci]
        kind = self.kind[area_type]
        if kind in (radio.HATA, radio.COST231):
            ea, slope = self._coef[area_type]
            # min(eirp - PL_model, eirp - FSPL), FSPL = fspl0 + 10 log10(d3D^2).
            value = np.minimum(ea[ci] - slope[ci] * np.log10(d2), (self.eirp[ci] - self.fspl0) - 10 * np.log10(d3sq))
        else:
            lg3 = 0.5 * np.log10(d3sq)
            if kind == radio.UMA:
                los = np.where(d2 <= self.uma_dbp[ci], self.uma_los1 + 22 * lg3, self.uma_los2[ci] + 40 * lg3)
                pl = np.maximum(los, self.uma_nlos + 39.08 * lg3)
            else:
                los = np.where(d2 <= self.rma_dbp[ci], self.rma_p0 + self.rma_s0 * lg3 + self.rma_c3 * np.sqrt(d3sq),
                               self.rma_p1[ci] + 40 * lg3)
                pl = np.maximum(los, self.rma_n0[ci] + self.rma_slope[ci] * lg3)
            value = self.eirp[ci] - np.maximum(pl, self.fspl0 + 20 * lg3)
        value += self.gain(v_xyz, ci, chord)
        value[d2u > radio.MAX_RANGE_M] = -np.inf
        return value - radio.EXTRA_LOSS_DB


def check(cells_lon, cells_lat, cells, kernel, pairs=20_000, seed=1):
    """Largest |difference| (dB) between this kernel and radio.py on random pairs within range
    of the group's cells, for every area type."""
    rng = np.random.default_rng(seed)
    worst = 0.0
    n = len(cells_lon)
    for area_type in radio.AREA_TYPES.values():
        ci = rng.integers(0, n, pairs)
        # Villages at random bearings and distances (1 m to 36 km) from the cell, one exactly on
        # it. Closer than a metre the bearing is ill-conditioned for any formula (coordinates
        # with 6 decimals are 0.1 m apart at best; the national villages are >= 1.3 m from a cell).
        dist = np.concatenate([[0.0], 1 + rng.uniform(0, 1, pairs - 1) ** 2 * 36_000])
        v_lon, v_lat = radio.destination(cells_lon[ci], cells_lat[ci], rng.uniform(0, 360, pairs), dist)
        v_lon[0], v_lat[0] = cells_lon[ci[0]], cells_lat[ci[0]]  # exactly (asin(sin(lat)) may not give lat back)
        v_xyz = radio.unit_vectors(v_lon, v_lat)
        c_xyz = radio.unit_vectors(cells_lon[ci], cells_lat[ci])
        chord = np.sqrt(((v_xyz - c_xyz) ** 2).sum(axis=1))
        got = kernel.rsrp(area_type, v_xyz, ci, chord)
        d2 = radio.haversine_m(cells_lon[ci], cells_lat[ci], v_lon, v_lat)
        gain = radio.antenna_gain_db(radio.bearing_deg(cells_lon[ci], cells_lat[ci], v_lon, v_lat),
                                     cells["azimuth"][ci], cells["beamwidth"][ci])
        want = radio.rsrp_dbm(cells["eirp"][ci], gain, kernel.band, cells["height"][ci], d2, area_type)
        want = np.where(d2 <= radio.MAX_RANGE_M, want, -np.inf)
        both = np.isfinite(got) & np.isfinite(want)
        near_edge = np.abs(d2 - radio.MAX_RANGE_M) < 1e-3  # the two distances may straddle 35 km
        if ((np.isfinite(got) != np.isfinite(want)) & ~near_edge).any():
            return np.inf
        if both.any():
            worst = max(worst, float(np.abs(got[both] - want[both]).max()))
    return worst
