/// Neutralising text that a spreadsheet would run as a formula (OWASP "CSV injection").
///
/// Excel and LibreOffice evaluate a cell whose text starts with `=`, `+`, `-` or `@` (and, after
/// a leading tab or carriage return, still do), so a village named `=HYPERLINK(…)` in an input
/// would become a live formula in a reviewer's copy of `deadzones.csv`. Every text cell that
/// phusong writes into a CSV goes through `neutralised(_:)`, which puts an apostrophe in front;
/// both programs then show the text as it was, with the apostrophe. Numbers are not text cells
/// (`CSVField.number`) and are written as they are, so they stay numbers.
///
/// The guard is reversible, so phusong's own CSV outputs (a plan's `planned_cells.csv`, a
/// scenario from `synth`, a report read back by `compare`) load again unchanged: the readers
/// apply `restored(_:)`, which removes exactly the apostrophe that `neutralised(_:)` added.
/// Text that already starts with apostrophes before a trigger character gets one more, so the
/// pair is a bijection on all text.
public enum SpreadsheetText {
    static let apostrophe: UInt8 = 0x27

    /// Whether `byte` is a first character that makes a spreadsheet treat a cell as a formula:
    /// `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
    static func isFormulaTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
        default: false
        }
    }

    /// `text` with an apostrophe in front when a spreadsheet would read it as a formula (it
    /// starts, after any apostrophes, with a trigger character); otherwise `text` unchanged.
    public static func neutralised(_ text: String) -> String {
        startsWithGuardedTrigger(text.utf8) ? "'" + text : text
    }

    /// The inverse of `neutralised(_:)`: drops one leading apostrophe when what follows it
    /// would have needed the guard.
    public static func restored(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.first == apostrophe, startsWithGuardedTrigger(utf8.dropFirst()) else { return text }
        return String(text.dropFirst())
    }

    /// Whether the bytes start with zero or more apostrophes and then a trigger character.
    static func startsWithGuardedTrigger<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first(where: { $0 != apostrophe }) else { return false }
        return isFormulaTrigger(first)
    }
}
