import CGDAL

/// An OGR vector source opened read-only: a GeoPackage, Shapefile, spreadsheet, MapInfo
/// table, FlatGeobuf, GeoJSON, CSV or any other format a registered GDAL driver reads.
///
/// One owner per handle: the dataset is closed (`GDALClose`) when this object and every
/// ``VectorLayer`` taken from it have gone away. GDAL datasets must not be used from two
/// threads at once, so `VectorDataset` is not `Sendable`: open one per task.
public final class VectorDataset {
    /// The GDAL handle, owned by this object.
    let handle: GDALDatasetH
    /// Messages of the GDAL calls made on this dataset and its layers.
    let messages = GDALMessages()
    /// The path the dataset was opened from.
    public let path: String

    /// Opens the vector source at `path` for reading.
    /// - Parameters:
    ///   - path: A file or folder path (a Shapefile folder is a dataset with a layer per
    ///     `.shp`), or a GDAL virtual path such as `/vsizip/…`.
    ///   - drivers: GDAL short driver names allowed to open it (e.g. `["GPKG"]`); nil allows
    ///     every registered vector driver.
    ///   - openOptions: Driver open options as `KEY=VALUE` (e.g. `"FIELD_TYPES=STRING"` for
    ///     XLSX); options a driver does not know are reported as warnings by GDAL.
    /// - Throws: ``GDALError`` when no driver recognises the file or it cannot be read.
    public init(readingAt path: String, drivers: [String]? = nil, openOptions: [String] = []) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        self.path = path
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let opened = messages.capturing {
            CStringList.withList(drivers ?? []) { driverList in
                CStringList.withList(openOptions) { optionList in
                    GDALOpenEx(path, flags, driverList, optionList, nil)
                }
            }
        }
        guard let opened else {
            throw messages.failure("GDALOpenEx", fallback: "no GDAL vector driver recognises the file")
        }
        handle = opened
    }

    deinit {
        // Closing can report (e.g. a failed flush); keep it off standard error.
        messages.capturing { GDALClose(handle) }
    }

    /// GDAL's short name of the driver that opened the file, e.g. `"GPKG"`, `"ESRI Shapefile"`,
    /// `"XLSX"`, `"ODS"`, `"MapInfo File"`, `"FlatGeobuf"`.
    public var driverName: String {
        messages.capturing {
            guard let driver = GDALGetDatasetDriver(handle), let name = GDALGetDriverShortName(driver) else {
                return ""
            }
            return String(cString: name)
        }
    }

    /// The number of layers (sheets of a spreadsheet, tables of a GeoPackage).
    public var layerCount: Int { Int(messages.capturing { GDALDatasetGetLayerCount(handle) }) }

    /// The layers' names in the dataset's order.
    public var layerNames: [String] {
        messages.capturing {
            (0..<GDALDatasetGetLayerCount(handle)).compactMap { index in
                guard let layer = GDALDatasetGetLayer(handle, index), let name = OGR_L_GetName(layer) else {
                    return nil
                }
                return String(cString: name)
            }
        }
    }

    /// The layer at `index` (0-based, the dataset's order).
    /// - Parameter index: The layer's position.
    /// - Returns: The layer, which keeps this dataset open.
    /// - Throws: ``GDALError`` when there is no such layer.
    public func layer(at index: Int) throws(GDALError) -> VectorLayer {
        guard let position = Int32(exactly: index), index >= 0, index < layerCount,
              let layer = messages.capturing({ GDALDatasetGetLayer(handle, position) }) else {
            throw GDALError(operation: "GDALDatasetGetLayer", message: "\(path) has no layer \(index) (it has \(layerCount))")
        }
        return try VectorLayer(handle: layer, dataset: self)
    }

    /// The layer called `name` (exact, case-sensitive match first, then GDAL's own lookup,
    /// which ignores case).
    /// - Parameter name: The layer's name as ``layerNames`` lists it.
    /// - Returns: The layer, which keeps this dataset open.
    /// - Throws: ``GDALError`` when there is no such layer; the message lists the layers.
    public func layer(named name: String) throws(GDALError) -> VectorLayer {
        if let index = layerNames.firstIndex(of: name) { return try layer(at: index) }
        guard let layer = messages.capturing({ GDALDatasetGetLayerByName(handle, name) }) else {
            let names = layerNames.map { "'\($0)'" }.joined(separator: ", ")
            throw GDALError(operation: "GDALDatasetGetLayerByName", message: "\(path) has no layer '\(name)' (its layers: \(names))")
        }
        return try VectorLayer(handle: layer, dataset: self)
    }

    /// Warnings GDAL emitted on this dataset and its layers, oldest first (the most recent 100),
    /// e.g. a Shapefile `.cpg` encoding GDAL cannot recode from.
    public var warnings: [String] { messages.warnings }
}
