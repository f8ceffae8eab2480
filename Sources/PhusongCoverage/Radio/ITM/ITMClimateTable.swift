extension ITMVariability {
    /// The climate curves of the variability (TN101 Fig. 10.13 and eqs. III.69–III.70; the
    /// Algorithm, Table 5.1; the constants of NTIA ITM v1.4 `Variability`), one column per
    /// ``ITMClimate`` in code order 1–7.
    enum ClimateTable {
        /// V_med's curve parameters c_1, c_2, x_1, x_2, x_3 (rows), dB and m.
        static let allYear: [[Double]] = [
            [-9.67, -0.62, 1.26, -9.21, -0.62, -0.39, 3.15],
            [12.7, 9.19, 15.5, 9.05, 9.19, 2.86, 857.9],
            [144.9e3, 228.9e3, 262.6e3, 84.1e3, 228.9e3, 141.7e3, 2222.0e3],
            [190.3e3, 205.2e3, 185.2e3, 101.1e3, 205.2e3, 315.9e3, 164.8e3],
            [133.8e3, 143.6e3, 99.8e3, 98.6e3, 143.6e3, 167.4e3, 116.3e3],
        ]
        /// σ_T− (below the median) curve parameters.
        static let bsm1 = [2.13, 2.66, 6.11, 1.98, 2.68, 6.86, 8.51]
        static let bsm2 = [159.5, 7.67, 6.65, 13.11, 7.16, 10.38, 169.8]
        static let xsm1 = [762.2e3, 100.4e3, 138.2e3, 139.1e3, 93.7e3, 187.8e3, 609.8e3]
        static let xsm2 = [123.6e3, 172.5e3, 242.2e3, 132.7e3, 186.8e3, 169.6e3, 119.9e3]
        static let xsm3 = [94.5e3, 136.4e3, 178.6e3, 193.5e3, 133.5e3, 108.9e3, 106.6e3]
        /// σ_T+ (above the median) curve parameters.
        static let bsp1 = [2.11, 6.87, 10.08, 3.68, 4.75, 8.58, 8.43]
        static let bsp2 = [102.3, 15.53, 9.60, 159.3, 8.12, 13.97, 8.19]
        static let xsp1 = [636.9e3, 138.7e3, 165.3e3, 464.4e3, 93.2e3, 216.0e3, 136.2e3]
        static let xsp2 = [134.8e3, 143.7e3, 225.7e3, 93.1e3, 135.9e3, 152.0e3, 188.5e3]
        static let xsp3 = [95.6e3, 98.6e3, 129.7e3, 94.2e3, 113.4e3, 122.7e3, 122.9e3]
        /// C_D and z_D (the Algorithm, Table 5.1).
        static let cD = [1.224, 0.801, 1.380, 1.000, 1.224, 1.518, 1.518]
        static let zD = [1.282, 2.161, 1.282, 20.0, 1.282, 1.282, 1.282]
        /// The frequency factors g− (b_fm1…3) and g+ (b_fp1…3).
        static let bfm1 = [1.0, 1.0, 1.0, 1.0, 0.92, 1.0, 1.0]
        static let bfm2 = [0.0, 0.0, 0.0, 0.0, 0.25, 0.0, 0.0]
        static let bfm3 = [0.0, 0.0, 0.0, 0.0, 1.77, 0.0, 0.0]
        static let bfp1 = [1.0, 0.93, 1.0, 0.93, 0.93, 1.0, 1.0]
        static let bfp2 = [0.0, 0.31, 0.0, 0.19, 0.31, 0.0, 0.0]
        static let bfp3 = [0.0, 2.00, 0.0, 1.79, 2.00, 0.0, 0.0]
    }
}
