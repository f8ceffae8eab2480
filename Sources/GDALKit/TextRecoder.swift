#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts text from a legacy encoding (a Shapefile's `.cpg`, e.g. `CP1258`) to UTF-8 with
/// the C library's iconv.
///
/// GDAL 3.6 recodes DBF text with iconv too, but never flushes the converter at the end of a
/// value: with a stateful encoding such as Windows-1258 (Vietnamese, where a base letter
/// waits for a combining tone mark) the last character of every value and field name is
/// lost ("Bản Mường Lói" is read "Bản Mường Ló"). GDALKit therefore reads such text raw and
/// recodes it here, flushing each value. One owner per converter; not `Sendable`.
final class TextRecoder {
    /// The iconv descriptor, owned by this object.
    private let descriptor: iconv_t
    /// The source encoding's name, for messages.
    let encoding: String

    /// A converter from `encoding` to UTF-8, nil when the C library does not know it.
    init?(from encoding: String) {
        let opened = iconv_open("UTF-8", encoding)
        guard let opened, opened != iconv_t(bitPattern: -1) else { return nil }
        descriptor = opened
        self.encoding = encoding
    }

    deinit { iconv_close(descriptor) }

    /// The UTF-8 text of the NUL-terminated `bytes`, nil when they are not valid in the
    /// source encoding.
    func utf8(_ bytes: UnsafePointer<CChar>) -> String? {
        let count = strlen(bytes)
        // Each source byte gives at most two characters of at most 4 UTF-8 bytes.
        var output = [CChar](repeating: 0, count: count * 8 + 16)
        // Back to the initial state after an earlier value that failed half-way.
        _ = iconv(descriptor, nil, nil, nil, nil)
        let written: Int? = output.withUnsafeMutableBufferPointer { buffer in
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: bytes)
            var inputLeft = count
            var out: UnsafeMutablePointer<CChar>? = buffer.baseAddress
            var outputLeft = buffer.count
            guard iconv(descriptor, &input, &inputLeft, &out, &outputLeft) != -1,
                  iconv(descriptor, nil, nil, &out, &outputLeft) != -1 else { return nil }
            return buffer.count - outputLeft
        }
        guard let written else { return nil }
        return String(validating: output[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
