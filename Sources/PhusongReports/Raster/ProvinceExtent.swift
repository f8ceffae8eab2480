import GEOSKit
import PhusongCoverage

/// The area of a province named on the command line, from the boundary files.
public enum ProvinceExtent {
    /// The bounding box of the province `wanted` names: its code, or its name compared
    /// without case and diacritics ("dien bien" names "Điện Biên"), among the boundary
    /// files' provinces; when the files hold communes only, the box of the communes whose
    /// province code it is.
    /// - Parameters:
    ///   - wanted: The code or name as given.
    ///   - boundaries: The run's boundary files (nil when none were given).
    /// - Returns: The province's code and its box (WGS 84 degrees).
    /// - Throws: `UnknownArea` (as `--province` of the lists) when no province matches, with
    ///   the closest ones.
    public static func box(of wanted: String, in boundaries: AdminBoundaries?) throws(UnknownArea) -> (code: String, box: LonLatBox) {
        let provinces = boundaries?.provinces ?? []
        if let province = provinces.first(where: { UnknownArea.matches(wanted, code: $0.code, name: $0.name) }) {
            return (province.code, box(province.envelope))
        }
        let communes = boundaries?.communes ?? []
        let communeProvinces = Set(communes.compactMap(\.provinceCode)).sorted()
        let choices = provinces.isEmpty
            ? communeProvinces.map { UnknownArea.Choice(code: $0, name: ProvinceCatalog.names2025[$0]) }
            : provinces.map { UnknownArea.Choice(code: $0.code, name: $0.name) }
        if provinces.isEmpty, let match = choices.first(where: { UnknownArea.matches(wanted, code: $0.code, name: $0.name) }) {
            let envelopes = communes.filter { $0.provinceCode == match.code }.map(\.envelope)
            if let first = envelopes.first {
                return (match.code, box(envelopes.dropFirst().reduce(first) { $0.union($1) }))
            }
        }
        throw UnknownArea.check(wanted, level: "province", choices: choices)
            ?? UnknownArea(level: "province", wanted: wanted, closest: [], withoutVillages: nil)
    }

    private static func box(_ envelope: Envelope) -> LonLatBox {
        LonLatBox(minLon: envelope.minX, minLat: envelope.minY, maxLon: envelope.maxX, maxLat: envelope.maxY)
    }
}
