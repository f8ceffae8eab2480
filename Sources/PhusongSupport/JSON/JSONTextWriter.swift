/// Writes a `JSONNode` tree as text, byte for byte as Foundation's `JSONEncoder` (swift-foundation's
/// `JSONWriter`) writes it with `.sortedKeys` and `.withoutEscapingSlashes`, so that files written
/// by `JSONEncoder` before keep their bytes:
/// - object members sorted by the UTF-8 bytes of their keys;
/// - pretty: two spaces per level, `"key" : value`, one member or element per line, and an
///   empty array or object as the bracket, an empty line, then the closing bracket at the
///   container's indent (`[\n\n  ]`); compact: no white space at all;
/// - strings escaped by `JSONText.appendEncoderString`.
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Writes `<` in strings as `\u003c` (JSON inside an HTML `<script>` element).
    let escapingLessThan: Bool

    init(pretty: Bool, escapingLessThan: Bool) {
        self.pretty = pretty
        self.escapingLessThan = escapingLessThan
    }

    mutating func write(_ node: JSONNode, level: Int = 0) {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .integer(let value): NumberBytes.appendInteger(value, to: &bytes)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): JSONText.appendEncoderString(text, escapingLessThan: escapingLessThan, to: &bytes)
        case .array(let box):
            open(UInt8(ascii: "["))
            for (index, element) in box.elements.enumerated() {
                separate(first: index == 0, level: level + 1)
                write(element, level: level + 1)
            }
            close(UInt8(ascii: "]"), level: level)
        case .object(let box):
            open(UInt8(ascii: "{"))
            for (index, member) in box.sortedMembers.enumerated() {
                separate(first: index == 0, level: level + 1)
                JSONText.appendEncoderString(member.key, escapingLessThan: escapingLessThan, to: &bytes)
                bytes.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                write(member.value, level: level + 1)
            }
            close(UInt8(ascii: "}"), level: level)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(0x0A) }
    }

    /// Before a member or element: a comma after the previous one, then its line's indent.
    private mutating func separate(first: Bool, level: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        guard pretty else { return }
        if !first { bytes.append(0x0A) }
        indent(level)
    }

    private mutating func close(_ bracket: UInt8, level: Int) {
        if pretty {
            bytes.append(0x0A)
            indent(level)
        }
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        while spaces.count < 2 * level { spaces += spaces.isEmpty ? [0x20, 0x20] : spaces }
        bytes.append(contentsOf: spaces[0..<2 * level])
    }

    /// At least as many spaces as the deepest indent so far.
    private var spaces: [UInt8] = []
}
