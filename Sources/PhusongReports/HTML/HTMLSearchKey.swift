import PhusongSupport

/// The search keys of the dead-zone list (`data-key` of each row).
///
/// Folding goes through Foundation (`UnicodeText.searchKey`) and costs microseconds a text,
/// while the rows of one commune repeat its names and codes: a key folds each distinct text
/// once (texts are NFC, as every loader stores them, so equal texts are equal bytes), and
/// ASCII text, whose folding is its lower case, skips Foundation.
struct HTMLSearchKey {
    private var folded: [String: String] = [:]

    /// The search key of a row: its texts folded like the page folds a typed query (lower
    /// case, diacritics removed, đ → d, runs of white space as one space), joined by " | "
    /// so that a phrase does not match across two fields.
    mutating func of(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.map { fold($0) }.joined(separator: " | ")
    }

    /// The search key of a row, for one row.
    static func of(_ parts: [String?]) -> String {
        var key = HTMLSearchKey()
        return key.of(parts)
    }

    private mutating func fold(_ text: String) -> String {
        if let known = folded[text] { return known }
        let plain = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : UnicodeText.searchKey(text)
        let key = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        folded[text] = key
        return key
    }
}
