import PhusongSupport

/// The search keys of the dead-zone list (`data-key` of each row).
enum HTMLSearchKey {
    /// The search key of a row: its texts folded like the page folds a typed query (lower
    /// case, diacritics removed, đ → d, runs of white space as one space), joined by " | " so
    /// that a phrase does not match across two fields.
    static func of(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.map { part in
            UnicodeText.searchKey(part).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.joined(separator: " | ")
    }
}
