import CGDAL

/// An 8-bit RGBA picture, encoded to PNG and decoded from it by GDAL's PNG driver in memory
/// (`/vsimem`, GDAL's in-memory file system): no image codec in GDALKit, no file on disk.
///
/// Not tied to a thread: each call opens and closes its own datasets under a `/vsimem` name
/// unique to the call, so values can be encoded from several tasks at once.
public struct RGBAImage: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The pixels row after row from the top, four bytes each: red, green, blue, alpha
    /// (0 transparent, 255 opaque, not premultiplied).
    public let pixels: [UInt8]

    /// - Parameters:
    ///   - width: Columns, 1 to `Int32.max / 4` (a row's bytes are counted in an `Int32`).
    ///   - height: Rows, 1 to `Int32.max`.
    ///   - pixels: `width × height × 4` bytes, row after row from the top.
    /// - Throws: ``GDALError`` when a size is out of range or `pixels` has the wrong length.
    public init(width: Int, height: Int, pixels: [UInt8]) throws(GDALError) {
        guard width > 0, height > 0, width <= Int(Int32.max) / 4, Int32(exactly: height) != nil else {
            throw GDALError(operation: "RGBAImage", message: "image size \(width) × \(height) is out of range")
        }
        let (bytes, overflow) = width.multipliedReportingOverflow(by: height * 4)
        guard !overflow, pixels.count == bytes else {
            throw GDALError(operation: "RGBAImage", message: "\(pixels.count) bytes are not a \(width) × \(height) RGBA image")
        }
        (self.width, self.height, self.pixels) = (width, height, pixels)
    }

    /// The pixel at (`column`, `row`), row 0 at the top: red, green, blue, alpha.
    public subscript(column: Int, row: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        let start = (row * width + column) * 4
        return (pixels[start], pixels[start + 1], pixels[start + 2], pixels[start + 3])
    }

    /// The image as a PNG file's bytes (GDAL's PNG driver, deflate level `compression`).
    /// - Parameter compression: zlib level 1 (fastest) to 9 (smallest).
    /// - Returns: The PNG bytes (8 bits per channel, RGBA).
    /// - Throws: ``GDALError`` when GDAL cannot encode it or the level is out of range.
    public func pngBytes(compression: Int = 9) throws(GDALError) -> [UInt8] {
        guard (1...9).contains(compression) else {
            throw GDALError(operation: "RGBAImage.pngBytes", message: "PNG compression level \(compression) is outside 1…9")
        }
        GDALLibrary.ensureRegistered()
        let messages = GDALMessages()
        return try messages.capturing { () throws(GDALError) -> [UInt8] in
            guard let memory = GDALGetDriverByName("MEM"), let png = GDALGetDriverByName("PNG") else {
                throw GDALError(operation: "GDALGetDriverByName", message: "GDAL has no MEM or PNG driver")
            }
            guard let source = GDALCreate(memory, "", Int32(width), Int32(height), 4, GDT_Byte, nil) else {
                throw messages.failure("GDALCreate", fallback: "cannot create a \(width) × \(height) in-memory image")
            }
            defer { GDALClose(source) }
            var copy = pixels
            let status = copy.withUnsafeMutableBytes { buffer in
                GDALDatasetRasterIO(source, GF_Write, 0, 0, Int32(width), Int32(height), buffer.baseAddress, Int32(width), Int32(height),
                                    GDT_Byte, 4, nil, 4, Int32(width * 4), 1)
            }
            guard status == CE_None else { throw messages.failure("GDALDatasetRasterIO") }
            let name = Self.memoryFileName(messages, suffix: "png")
            defer { VSIUnlink(name) }
            let written = CStringList.withMutableList(["ZLEVEL=\(compression)"]) { GDALCreateCopy(png, name, source, 1, $0, nil, nil) }
            guard let written else { throw messages.failure("GDALCreateCopy", fallback: "the PNG driver could not encode the image") }
            GDALClose(written)
            if let failure = messages.lastFailure { throw GDALError(operation: "GDALClose", message: failure) }
            var length: vsi_l_offset = 0
            guard let buffer = VSIGetMemFileBuffer(name, &length, 0) else {
                throw GDALError(operation: "VSIGetMemFileBuffer", message: "the encoded PNG is missing from \(name)")
            }
            return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
        }
    }

    /// Decodes a PNG (or any single-file raster GDAL's drivers read from memory) of 3 (RGB,
    /// made opaque) or 4 (RGBA) 8-bit bands.
    /// - Parameter bytes: The file's bytes.
    /// - Throws: ``GDALError`` when no driver reads them, or the bands are not 3 or 4 bytes.
    public init(decoding bytes: [UInt8]) throws(GDALError) {
        GDALLibrary.ensureRegistered()
        let messages = GDALMessages()
        let name = Self.memoryFileName(messages, suffix: "img")
        let decoded = try messages.capturing { () throws(GDALError) -> (Int, Int, [UInt8]) in
            // GDAL's in-memory file takes a copy it owns (allocated by GDAL, freed at VSIUnlink).
            guard !bytes.isEmpty, let copy = VSIMalloc(bytes.count) else {
                throw GDALError(operation: "VSIMalloc", message: "cannot place \(bytes.count) bytes in memory")
            }
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: source.count) }
            }
            guard let file = VSIFileFromMemBuffer(name, copy.assumingMemoryBound(to: GByte.self), vsi_l_offset(bytes.count), 1) else {
                VSIFree(copy)
                throw messages.failure("VSIFileFromMemBuffer", fallback: "cannot place the image in memory")
            }
            VSIFCloseL(file)
            defer { VSIUnlink(name) }
            let flags = UInt32(GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
            guard let dataset = GDALOpenEx(name, flags, nil, nil, nil) else {
                throw messages.failure("GDALOpenEx", fallback: "no GDAL raster driver recognises the image")
            }
            defer { GDALClose(dataset) }
            let width = Int(GDALGetRasterXSize(dataset)), height = Int(GDALGetRasterYSize(dataset))
            let bands = Int(GDALGetRasterCount(dataset))
            guard width > 0, height > 0, width <= Int(Int32.max) / 4, width * height <= Int(Int32.max) else {
                throw GDALError(operation: "RGBAImage", message: "image size \(width) × \(height) is out of range")
            }
            guard bands == 3 || bands == 4 else {
                throw GDALError(operation: "RGBAImage", message: "the image has \(bands) bands, not 3 (RGB) or 4 (RGBA)")
            }
            var pixels = [UInt8](repeating: 255, count: width * height * 4)
            var bandMap = (1...Int32(bands)).map { $0 }
            let status = pixels.withUnsafeMutableBytes { target in
                GDALDatasetRasterIO(dataset, GF_Read, 0, 0, Int32(width), Int32(height), target.baseAddress, Int32(width), Int32(height),
                                    GDT_Byte, Int32(bands), &bandMap, 4, Int32(width * 4), 1)
            }
            guard status == CE_None else { throw messages.failure("GDALDatasetRasterIO") }
            return (width, height, pixels)
        }
        try self.init(width: decoded.0, height: decoded.1, pixels: decoded.2)
    }

    /// A `/vsimem` file name unique while `owner` lives: its address.
    private static func memoryFileName(_ owner: GDALMessages, suffix: String) -> String {
        "/vsimem/gdalkit-rgba-\(UInt(bitPattern: ObjectIdentifier(owner).hashValue)).\(suffix)"
    }
}
