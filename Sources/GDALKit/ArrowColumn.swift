import CGDAL

/// One column of an Arrow record batch (the Arrow C data interface,
/// <https://arrow.apache.org/docs/format/CDataInterface.html>), read in place: the few
/// layouts GDAL gives OGR's whole-number, real, text and geometry fields.
///
/// Arrow's layouts are written out here because GDAL hands out only the raw C structs and no
/// Arrow library for Swift reads them; the buffers belong to the batch and are valid while it
/// is (``VectorLayer/forEachBatch(fields:geometry:_:)`` releases it after the call).
struct ArrowColumn {
    /// The layouts read, by Arrow format string.
    enum Layout {
        /// `i`: 32-bit signed integers.
        case int32
        /// `l`: 64-bit signed integers.
        case int64
        /// `g`: 64-bit IEEE floating point.
        case float64
        /// `u` (text) or `z` (binary): bytes with 32-bit offsets.
        case bytes32
        /// `U` (text) or `Z` (binary): bytes with 64-bit offsets.
        case bytes64

        /// The layout of Arrow `format`, nil for any other.
        init?(format: String) {
            switch format {
            case "i": self = .int32
            case "l": self = .int64
            case "g": self = .float64
            case "u", "z": self = .bytes32
            case "U", "Z": self = .bytes64
            default: return nil
            }
        }
    }

    let layout: Layout
    /// Rows skipped at the start of the buffers (the batch's offset plus the column's own).
    let offset: Int
    /// The validity bitmap (bit set: a value), nil when no row is null.
    let validity: UnsafePointer<UInt8>?
    /// Buffer 1: the values, or the byte offsets of a bytes layout.
    let values: UnsafeRawPointer?
    /// Buffer 2 of a bytes layout: the bytes.
    let data: UnsafePointer<UInt8>?

    /// The column `array` of a batch whose own offset is `batchOffset`, laid out as `layout`.
    init(_ array: ArrowArray, layout: Layout, batchOffset: Int) {
        self.layout = layout
        offset = batchOffset + Int(array.offset)
        let buffers = array.buffers
        let count = Int(array.n_buffers)
        validity = array.null_count != 0 && count > 0 ? buffers?[0]?.assumingMemoryBound(to: UInt8.self) : nil
        values = count > 1 ? buffers?[1] : nil
        data = count > 2 ? buffers?[2]?.assumingMemoryBound(to: UInt8.self) : nil
    }

    /// Whether row `row` is null.
    func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        let slot = row + offset
        return validity[slot >> 3] & (1 << UInt8(slot & 7)) == 0
    }

    /// Row `row` as a whole number (0 for a layout that holds none).
    func integer(_ row: Int) -> Int64 {
        guard let values else { return 0 }
        switch layout {
        case .int32: return Int64(values.loadUnaligned(fromByteOffset: (row + offset) * 4, as: Int32.self))
        case .int64: return values.loadUnaligned(fromByteOffset: (row + offset) * 8, as: Int64.self)
        case .float64, .bytes32, .bytes64: return 0
        }
    }

    /// Row `row` as a floating-point number (0 for a layout that holds none).
    func real(_ row: Int) -> Double {
        guard layout == .float64, let values else { return 0 }
        return values.loadUnaligned(fromByteOffset: (row + offset) * 8, as: Double.self)
    }

    /// The bytes of row `row` (empty for a layout that holds none).
    func bytes(_ row: Int) -> UnsafeBufferPointer<UInt8> {
        guard let values, let data else { return UnsafeBufferPointer(start: nil, count: 0) }
        let slot = row + offset
        let start: Int, end: Int
        switch layout {
        case .bytes32:
            start = Int(values.loadUnaligned(fromByteOffset: slot * 4, as: Int32.self))
            end = Int(values.loadUnaligned(fromByteOffset: (slot + 1) * 4, as: Int32.self))
        case .bytes64:
            start = Int(values.loadUnaligned(fromByteOffset: slot * 8, as: Int64.self))
            end = Int(values.loadUnaligned(fromByteOffset: (slot + 1) * 8, as: Int64.self))
        case .int32, .int64, .float64:
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: data + start, count: max(0, end - start))
    }
}
