/// The physical range of every numeric column of `villages.csv` and `cells.csv`
/// (docs/specs/data-formats.md gives the types; the limits come from physics and are listed in
/// docs/planners.md). A value outside its range stops the run (exit 65) with
/// `file:line: column: value: not a plausible <what> (must be <range>)` (longitude and
/// latitude keep docs/specs/data-formats.md's wording: `not a latitude (must be -90..90)`).
///
/// Why these limits:
/// - band 30–100,000 MHz: from VHF to the millimetre-wave bands of 3GPP FR2; with heights and
///   distances of at least 0.5 m and 1 m they keep free-space loss above 0 dB, so no link
///   can deliver more than its EIRP;
/// - antenna height 0.5–1,000 m: a mast on a tall building or a mountain-top tower, not a
///   satellite;
/// - beamwidth 1–360 degrees: the narrowest sector antennas are a few degrees wide;
/// - RS EIRP −50–100 dBm per resource element: what any real cell transmits, with a wide margin;
/// - population and households 0–100,000,000 a village: sums over ten million villages stay
///   far inside 64-bit integers.
public enum InputColumnRanges {
    /// A column's range and what its values are, for messages ("not a plausible <noun>").
    public struct Column: Sendable, Hashable {
        public let file: String
        public let name: String
        public let noun: String
        public let range: PhysicalRange

        /// The reason `value` is refused, or nil when it lies in range.
        public func violation(_ value: Double) -> Problem.ValueFault? {
            range.contains(value) ? nil : .implausible(noun: noun, range: range)
        }
    }

    public static let longitude = Column(file: "villages.csv, cells.csv", name: "lon", noun: "longitude",
                                         range: PhysicalRange(-180...180, unit: "degrees"))
    public static let latitude = Column(file: "villages.csv, cells.csv", name: "lat", noun: "latitude",
                                        range: PhysicalRange(-90...90, unit: "degrees"))
    public static let population = Column(file: "villages.csv", name: "population", noun: "population",
                                          range: PhysicalRange(0...100_000_000, unit: "people"))
    public static let households = Column(file: "villages.csv", name: "households", noun: "household count",
                                          range: PhysicalRange(0...100_000_000, unit: "households"))
    public static let bandMHz = Column(file: "cells.csv", name: "band_mhz", noun: "carrier frequency",
                                       range: PhysicalRange(30...100_000, unit: "MHz"))
    public static let heightM = Column(file: "cells.csv", name: "height_m", noun: "antenna height",
                                       range: PhysicalRange(0.5...1_000, unit: "m"))
    public static let azimuthDeg = Column(file: "cells.csv", name: "azimuth_deg", noun: "azimuth",
                                          range: PhysicalRange(0...360, unit: "degrees"))
    public static let beamwidthDeg = Column(file: "cells.csv", name: "beamwidth_deg", noun: "beamwidth",
                                            range: PhysicalRange(1...360, unit: "degrees"))
    public static let rsEIRPdBm = Column(file: "cells.csv", name: "rs_eirp_dbm", noun: "reference-signal EIRP",
                                         range: PhysicalRange(-50...100, unit: "dBm"))

    /// Every numeric column, in the order of docs/specs/data-formats.md, for documentation and tests.
    public static let all: [Column] = [longitude, latitude, population, households, bandMHz, heightM, azimuthDeg,
                                       beamwidthDeg, rsEIRPdBm]
}
