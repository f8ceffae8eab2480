import Foundation
import ZIPFoundation

/// Raw DEFLATE streams (RFC 1951, no zlib or gzip wrapper), by ZIPFoundation's zlib binding:
/// the packed data of report.html and compare.html, which the page inflates with the
/// browser's `DecompressionStream("deflate-raw")`. Same bytes in, same bytes out with the
/// same zlib (default level), as for `ZipContainer`.
package enum RawDeflate {
    /// Chunk size handed to zlib, bytes.
    private static let bufferSize = 1 << 16

    /// Hands `input` to ZIPFoundation chunk by chunk; a request past the end (zlib asks for
    /// whole buffers) gets what is left.
    private static func chunks(of input: Data) -> Provider {
        { position, size in
            let start = min(max(Int(position), 0), input.count)
            return input.subdata(in: start..<min(start + max(size, 0), input.count))
        }
    }

    /// `bytes` compressed.
    package static func compressed(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = Data(bytes)
        var output = Data()
        _ = try Data.compress(size: Int64(input.count), bufferSize: bufferSize, provider: chunks(of: input), consumer: { output.append($0) })
        return Array(output)
    }

    /// A stream of `compressed(_:)` expanded again (for checks of what a page holds).
    package static func expanded(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = Data(bytes)
        var output = Data()
        _ = try Data.decompress(size: Int64(input.count), bufferSize: bufferSize, skipCRC32: true, provider: chunks(of: input),
                                consumer: { output.append($0) })
        return Array(output)
    }
}
