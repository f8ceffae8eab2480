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

    """
}
