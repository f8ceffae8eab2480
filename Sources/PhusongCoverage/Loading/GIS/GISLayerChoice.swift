import GDALKit

/// Which layer of a GIS source a table is read from (docs/formats.md, "Layers").
enum GISLayerChoice {
    /// Drivers whose layers are a workbook's sheets: the first sheet is the table unless
    /// `--layer` names another.
    static let spreadsheetDrivers: Set<String> = ["XLSX", "ODS", "XLS"]

    /// The layer named by one of `names` (the `--layer` values: one command may read several
    /// sources, each taking the name it has; when a file has several of them, the one named
    /// as the table, `kind`: `--villages inputs.gpkg --cells inputs.gpkg --layer villages
    /// --layer cells`); else the only layer, or a workbook's first sheet; with its text
    /// recoded from a Shapefile's declared encoding.
    /// - Throws: `LoadError` listing the layers when the source has several and none is named,
    ///   or when a name is given that it lacks and it has several.
    static func layer(of dataset: VectorDataset, named names: [String], kind: String, path: String) throws(LoadError) -> VectorLayer {
        let available = dataset.layerNames
        let named = available.indices.filter { names.contains(available[$0]) }
        let chosen: Int
        if named.count > 1 {
            guard let index = named.first(where: { available[$0].lowercased() == kind }) else {
                throw LoadError(Problem(file: path, reason: .source(.ambiguousLayers(names: named.map { available[$0] }, kind: kind))))
            }
            chosen = index
        } else if let index = named.first {
            chosen = index
        } else if available.count == 1 || (!available.isEmpty && spreadsheetDrivers.contains(dataset.driverName) && names.isEmpty) {
            chosen = 0
        } else if available.isEmpty {
            throw LoadError(Problem(file: path, reason: .source(.noLayers)))
        } else if names.isEmpty {
            throw LoadError(Problem(file: path, reason: .source(.severalLayers(names: available))))
        } else {
            throw LoadError(Problem(file: path, reason: .source(.noSuchLayer(name: names.joined(separator: "', '"), names: available))))
        }
        do {
            let layer = try dataset.layer(at: chosen)
            // A Shapefile's text is read raw (`InputFormat.gdalConfiguration`): recode it from
            // the encoding its .cpg (or the DBF's language driver id) declares.
            let encoding = layer.metadataItem("ENCODING_FROM_CPG", domain: "SHAPEFILE")
                ?? layer.metadataItem("ENCODING_FROM_LDID", domain: "SHAPEFILE")
            try layer.recodeText(from: encoding)
            return layer
        } catch {
            throw LoadError(Problem(file: path, reason: .source(.unreadable(detail: error.message))))
        }
    }
}
