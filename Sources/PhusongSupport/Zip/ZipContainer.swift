import Foundation
import ZIPFoundation

/// A zip archive (PKWARE APPNOTE 6.3) built in memory with reproducible bytes: the container
/// of XLSX workbooks (ECMA-376 Part 2, Open Packaging Conventions) and of KMZ files.
///
/// The archive itself is made by ZIPFoundation; this type only fixes what would otherwise
/// vary from run to run: every entry has the same modification time (1980-01-01 00:00:00, the
/// first instant an MS-DOS date can hold, so no local clock or time zone enters the file), the
/// same permissions (0644) and the order in which they are given. Entries are deflated with
/// zlib's default level, so the same entries give the same bytes with the same zlib.
public enum ZipContainer {
    /// One file of the archive: its path inside the archive (`/`-separated, no leading `/`)
    /// and its bytes.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var bytes: [UInt8]

        /// - Parameters:
        ///   - path: the path inside the archive, e.g. `xl/workbook.xml`.
        ///   - bytes: the file's contents.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// The modification time of every entry: 1980-01-01T00:00:00Z (MS-DOS date 0x0021, time 0).
    public static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The archive holding `entries` in the order given.
    /// - Parameter entries: the files, each path once.
    /// - Throws: `FileFormatError` when two entries share a path or ZIPFoundation fails.
    public static func bytes(_ entries: [Entry]) throws(FileFormatError) -> [UInt8] {
        var seen = Set<String>()
        if let twice = entries.first(where: { !seen.insert($0.path).inserted }) {
            throw FileFormatError(reason: "the zip entry \(twice.path) appears twice")
        }
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw FileFormatError(reason: "the zip archive was not kept in memory") }
            return [UInt8](data)
        } catch let error as FileFormatError {
            throw error
        } catch {
            throw FileFormatError(reason: "cannot build the zip archive: \(error)")
        }
    }
}
