/// The limits that keep memory and time bounded by the work whatever an input holds (issue 13,
/// class 5): an endless input (`/dev/zero`, a FIFO that never closes, one line of gigabytes)
/// stops with a message naming the limit (exit 65) instead of exhausting memory. Each is far
/// above what real data needs: the national scenario's cells.csv has 341,154 rows in 27 MB,
/// its longest line 90 bytes; the 2025 commune boundaries are 11 MB.
public enum InputLimits {
    /// Longest CSV record (one line, or the lines of one quoted field), bytes: 1 MiB.
    public static let maxRecordBytes = 1 << 20
    /// Most records (header included) in one CSV file: 50 million (a scenario of 10 million
    /// villages loads in about 5 GB; 50 million would need the better part of this 24 GB
    /// machine).
    public static let maxRecords = 50_000_000
    /// Most warnings kept as messages per table (the rest are counted): 10,000.
    public static let maxListedWarnings = 10_000
    /// Largest CSV file, bytes: 2 GiB (blank lines, which hold no record, count too).
    public static let maxTableBytes = 2 << 30
    /// Largest configuration file (TOML), bytes: 1 MiB.
    public static let maxConfigurationBytes = 1 << 20
    /// Largest GeoJSON boundary file, bytes: 512 MiB.
    public static let maxBoundaryBytes = 512 << 20
    /// Largest `summary.json` that `compare` reads, bytes: 256 MiB.
    public static let maxSummaryBytes = 256 << 20

    /// `1 MiB`, `4 GiB`, or a count of bytes.
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}
