/// The default configuration as a commented TOML file: what `phusong config --print-default`
/// prints. A test decodes it and checks it equals `PhusongConfiguration()`, so the text and
/// the defaults cannot drift apart.
public enum DefaultConfigurationText {
    public static let toml = """
    # phusong configuration (TOML). Every key is optional: a missing key takes the value shown
    # here, which is the reference model of coverage-model.md (contract v1). Pass the file with
    # --config FILE.

    [radio]
    # Receiver (user terminal) height above ground hUT, metres.
    user_height_m = 1.5
    # A cell is considered for a village when the unclamped great-circle ground distance d2D
    # is at most this, metres.
    max_range_m = 35000.0
    # d2D is raised to at least this before any path-loss formula, metres.
    min_distance_m = 10.0
    # Extra loss subtracted from every RSRP (indoor, body, margin), dB.
    extra_loss_db = 0.0
    # A village is covered by a technology when its best RSRP is at least this, dBm
    # (compared unrounded).
    coverage_threshold_4g_dbm = -110.0
    coverage_threshold_5g_dbm = -110.0

    [radio.propagation]
    # Model choice by the cell's band f (MHz) and the village's area type:
    # f < lower edge: low_band; lower edge <= f <= upper edge: mid_band; f > upper edge: high_band.
    # Models: okumura_hata, cost231_hata, tr38901_uma, tr38901_rma, tr38901_umi_street_canyon,
    # free_space. Path loss is never below free-space loss (ITU-R P.525).
    lower_band_edge_mhz = 1500.0
    upper_band_edge_mhz = 2700.0
    # 3GPP TR 38.901 constants: UMa/UMi effective environment height hE (m), RMa average
    # building height h (m) and street width W (m).
    environment_height_m = 1.0
    rural_building_height_m = 5.0
    rural_street_width_m = 20.0

    [radio.propagation.low_band]
    urban = "okumura_hata"
    suburban = "okumura_hata"
    rural = "okumura_hata"
    open = "okumura_hata"

    [radio.propagation.mid_band]
    urban = "cost231_hata"
    suburban = "cost231_hata"
    rural = "cost231_hata"
    open = "cost231_hata"

    [radio.propagation.high_band]
    urban = "tr38901_uma"
    suburban = "tr38901_uma"
    rural = "tr38901_rma"
    open = "tr38901_rma"

    [targets]
    # The steering committee's targets, shown beside the indicators.
    # Share of villages connected (1.0: no dead zone left).
    villages_connected_share = 1.0
    # 5G population coverage.
    population_coverage_5g = 0.9
    # 5G stations as a share of 4G stations.
    ratio_5g_4g_stations = 0.5

    [area]
    # Coverage footprints for area coverage: bearings traced per cell (at least 72, i.e.
    # every 5 degrees), and the precision of the footprint's edge along a bearing, metres.
    bearings = 72
    tolerance_m = 5.0

    [planning]
    # The rollout planner (planning.md). Costs in billion VND.
    # 5G upgrade of an existing 4G site: one 5G cell per 4G cell (same azimuth, beamwidth,
    # height) on this band (MHz), at this cost.
    upgrade_band_mhz = 3500.0
    upgrade_cost = 1.5
    # New site: 3 sectors at azimuths 0/120/240, beamwidth 65; 4G, optionally 5G; off-grid
    # sites (the nearest village has no grid power) get solar and battery power.
    new_site_cost = 3.0
    new_site_5g_extra_cost = 1.5
    off_grid_extra_cost = 0.8
    new_site_height_m = 30.0
    new_site_band_4g_mhz = 900.0
    new_site_band_5g_mhz = 3500.0
    new_4g_rs_eirp_dbm = 30.0
    new_5g_rs_eirp_dbm = 36.0
    # Satellite (LEO) terminal connecting one village (not 4G/5G coverage).
    satellite_cost = 0.3
    # Candidate sites: every dead-zone village, points of a regular grid (km) within a
    # distance (km) of a dead-zone village, and any --candidates file.
    candidate_grid_km = 2.0
    candidate_radius_km = 10.0
    # Targets the plan must reach (see [targets] for their levels); each can be switched off.
    connect_every_village = true
    reach_population_coverage_5g = true
    reach_station_ratio = true

    [terrain]
    # The terrain model (terrain-model.md), used with --terrain PATH (report, deadzones,
    # unpowered, plan, pathloss).
    # How ITM's loss is combined with the model above: "max" (the larger loss: terrain only ever
    # removes coverage) or "itm" (ITM alone).
    combine = "max"
    # Longest spacing of the terrain profile's samples, metres.
    profile_step_m = 90.0
    # ITM (Longley-Rice) settings: radio climate 1-7 (1 equatorial, 2 continental subtropical,
    # 3 maritime subtropical, 4 desert, 5 continental temperate, 6 maritime temperate over land,
    # 7 over sea); surface refractivity N_0 (N-units); ground relative permittivity and
    # conductivity (S/m); polarisation "vertical" or "horizontal"; mode of variability mdvar
    # (0 single message, 1 accidental, 2 mobile, 3 broadcast; +10 without location variability,
    # +20 without situation variability); time, location and situation percentages.
    climate = 1
    n0 = 360.0
    epsilon = 15.0
    sigma = 0.005
    polarisation = "vertical"
    mdvar = 2
    time = 50.0
    location = 50.0
    situation = 50.0
    # A pair with a point outside every elevation tile: "stop" (the run fails naming the missing
    # tiles) or "default-model" (that pair uses the model above, counted).
    outside_terrain = "stop"

    [terrain.clutter_loss_db]
    # Extra loss by the village's area type on terrain paths, dB (no clutter data: 0 dB).
    urban = 0.0
    suburban = 0.0
    rural = 0.0
    open = 0.0

    """
}
