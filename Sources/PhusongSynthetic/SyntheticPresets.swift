extension SyntheticScenarioParameters {
    /// The embedded default scenario (`geodata/default/`): three mountain provinces of
    /// Vietnam's north-west with their real 2025 codes and names — 11 Điện Biên, 12 Lai Châu,
    /// 14 Sơn La — in boxes roughly where they lie (lon 102.2–104.85°, lat 20.65–22.75°),
    /// 3,700 villages, seed 2025. Everything else is made up; the synthetic commune codes are
    /// 90001 and up, a range no real 2025 commune or ward code uses.
    public static let defaultPreset = SyntheticScenarioParameters(
        villageCount: 3_700,
        seed: 2025,
        provinces: [
            SyntheticProvince(code: "11", name: "Điện Biên", west: 102.20, south: 21.05, east: 102.85, north: 22.65, weight: 1_000),
            SyntheticProvince(code: "12", name: "Lai Châu", west: 102.85, south: 21.85, east: 103.85, north: 22.75, weight: 850),
            SyntheticProvince(code: "14", name: "Sơn La", west: 103.10, south: 20.65, east: 104.80, north: 21.55, weight: 1_850),
        ]
    )

    /// Named presets, for the command line.
    public static let presets: [String: SyntheticScenarioParameters] = ["default": defaultPreset]
}
