/// One link of `phusong pathloss`'s input (docs/specs/terrain-model.md, "Point-to-point
/// command"): `id, tx_lat, tx_lon, tx_height_m, rx_lat, rx_lon, rx_height_m, band_mhz`.
/// Coordinates in degrees, heights above ground in metres, band in MHz.
public struct PathLossPair: Sendable, Hashable {
    public var id: String
    public var txLatitude: Double
    public var txLongitude: Double
    public var txHeightM: Double
    public var rxLatitude: Double
    public var rxLongitude: Double
    public var rxHeightM: Double
    public var bandMHz: Double

    /// A pair from its fields.
    /// - Parameters:
    ///   - id: the pair's id, as written.
    ///   - txLatitude: transmitter latitude, degrees.
    ///   - txLongitude: transmitter longitude, degrees.
    ///   - txHeightM: transmitter height above ground, m.
    ///   - rxLatitude: receiver latitude, degrees.
    ///   - rxLongitude: receiver longitude, degrees.
    ///   - rxHeightM: receiver height above ground, m.
    ///   - bandMHz: frequency, MHz.
    public init(id: String, txLatitude: Double, txLongitude: Double, txHeightM: Double,
                rxLatitude: Double, rxLongitude: Double, rxHeightM: Double, bandMHz: Double) {
        self.id = id
        self.txLatitude = txLatitude
        self.txLongitude = txLongitude
        self.txHeightM = txHeightM
        self.rxLatitude = rxLatitude
        self.rxLongitude = rxLongitude
        self.rxHeightM = rxHeightM
        self.bandMHz = bandMHz
    }
}

/// Reads `pairs.csv`: every column required; each bad field is a problem naming the file, line,
/// column, value and the allowed range (latitude −90..90, longitude −180..180 degrees, heights
/// 0.5..1000 m like cells' antennas, band 30..100000 MHz like cells'); all problems are listed
/// before the run stops (exit 65). Values inside these ranges but outside ITM's own domain (a
/// band above 20,000 MHz) are not refused here: ITM's error makes that pair an `error` row, as
/// the contract says.
public enum PathLossPairsLoader {
    static let columns = [
        ColumnSpec("id", required: true), ColumnSpec("tx_lat", required: true), ColumnSpec("tx_lon", required: true),
        ColumnSpec("tx_height_m", required: true), ColumnSpec("rx_lat", required: true), ColumnSpec("rx_lon", required: true),
        ColumnSpec("rx_height_m", required: true), ColumnSpec("band_mhz", required: true),
    ]
    static let example = "id,tx_lat,tx_lon,tx_height_m,rx_lat,rx_lon,rx_height_m,band_mhz"

    static let latitude = InputColumnRanges.latitude
    static let longitude = InputColumnRanges.longitude
    static let height = InputColumnRanges.Column(
        file: "pairs.csv", name: "height_m", noun: "antenna height", range: PhysicalRange(0.5...1_000, unit: "m")
    )
    static let band = InputColumnRanges.bandMHz

    /// The pairs of `path`, in file order.
    /// - Parameter path: the CSV file.
    /// - Returns: the pairs.
    /// - Throws: `LoadError` listing every problem (66 when the file cannot be read).
    public static func load(path: String) throws(LoadError) -> [PathLossPair] {
        let reader = try CSVReader(path: path)
        let header = try TableHeader.read(from: reader, columns: columns, example: example)
        let c = columns.map { TableColumn($0.name, in: columns) }
        var pairs: [PathLossPair] = []
        var problems: [Problem] = []
        while let record = try reader.next() {
            if pairs.count + problems.count >= InputLimits.maxRecords {
                throw LoadError(Problem(file: path, line: record.line, reason: .table(.tooManyRecords(limit: InputLimits.maxRecords))))
            }
            var row = RowReader(record: record, header: header, file: path)
            let id = row.requiredText(c[0])
            let txLat = row.number(c[1], range: latitude, required: true)
            let txLon = row.number(c[2], range: longitude, required: true)
            let txHeight = row.number(c[3], range: height, required: true)
            let rxLat = row.number(c[4], range: latitude, required: true)
            let rxLon = row.number(c[5], range: longitude, required: true)
            let rxHeight = row.number(c[6], range: height, required: true)
            let bandMHz = row.number(c[7], range: band, required: true)
            if let id, let txLat, let txLon, let txHeight, let rxLat, let rxLon, let rxHeight, let bandMHz, row.problems.isEmpty {
                pairs.append(PathLossPair(
                    id: id, txLatitude: txLat, txLongitude: txLon, txHeightM: txHeight,
                    rxLatitude: rxLat, rxLongitude: rxLon, rxHeightM: rxHeight, bandMHz: bandMHz
                ))
            } else {
                problems += row.problems
            }
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        return pairs
    }
}
