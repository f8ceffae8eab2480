/// The loop the escapers share (`HTMLText`, `XMLText`, `JSONText`): text with some Unicode
/// scalars replaced. Scalars, not characters: a markup character followed by a combining mark
/// is one `Character` that compares unequal to the markup character, but a parser still
/// sees the markup character.
enum ScalarEscaping {
    /// `text` with every scalar for which `replacement` returns a text replaced by that text;
    /// the others are kept.
    static func escaped(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
