import ArgumentParser
import PhusongCoverage
import PhusongReports

/// Filters and outputs shared by `deadzones` and `unpowered`.
struct ListOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this province (code, or name with or without diacritics).", valueName: "code-or-name"))
    var province: String?

    @Option(name: .long, help: ArgumentHelp("Only this commune (code, or name when boundaries are given).", valueName: "code-or-name"))
    var commune: String?

    @Option(name: .customLong("min-population"), help: ArgumentHelp("Only villages with at least this many people.", valueName: "n"))
    var minPopulation: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Write the list to this file; the format follows its extension (.csv .xlsx .geojson .kml .kmz .gpkg) unless --format says.",
        valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Output format(s): csv, xlsx, geojson, kml, kmz, gpkg (repeat for several).", valueName: "format"))
    var format: [FeatureFormat] = []

    mutating func validate() throws {
        if let minPopulation, minPopulation < 0 { throw ValidationError("--min-population must not be negative") }
        if !format.isEmpty, out == nil { throw ValidationError("--format needs --out FILE") }
        if let out, format.isEmpty, FeatureFormat(rawValue: Self.fileExtension(out)) == nil {
            throw ValidationError("cannot tell the format of \(out): use .csv, .xlsx, .geojson, .kml, .kmz or .gpkg, or give --format")
        }
    }

    func filter(unpoweredOnly: Bool) -> VillageFilter {
        VillageFilter(province: province, commune: commune, minPopulation: minPopulation, unpoweredOnly: unpoweredOnly)
    }

    /// Stops with exit 64 (usage) when `--province` or `--commune` names no area of the
    /// run's villages, listing the closest valid ones.
    func checkAreas(in run: CoverageRun) throws {
        if let unknown = filter(unpoweredOnly: false).unknownArea(in: run) { throw unknown }
    }

    /// The files to write: one per format, named after --out with the format's extension.
    func destinations() -> [(format: FeatureFormat, path: String)] {
        guard let out else { return [] }
        let formats = format.isEmpty ? [FeatureFormat(rawValue: Self.fileExtension(out))].compactMap { $0 } : format
        let stem = FeatureFormat(rawValue: Self.fileExtension(out)) == nil ? out : String(out.dropLast(Self.fileExtension(out).count + 1))
        return formats.map { ($0, stem + "." + $0.fileExtension) }
    }

    private static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return String(path[path.index(after: dot)...]).lowercased()
    }
}

extension FeatureFormat: ExpressibleByArgument {}
