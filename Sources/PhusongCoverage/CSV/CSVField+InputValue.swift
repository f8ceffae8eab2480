import PhusongSupport

extension CSVField {
    /// A value copied from an input file (a rejects file echoes the rows it set aside): kept as
    /// a number when it reads as one, otherwise guarded as text.
    public static func inputValue(_ text: String) -> CSVField {
        CSVTable.number(text) != nil ? .number(text) : .text(text)
    }
}
