import Foundation

/// Whole JSON documents (summary.json, plan_summary.json, the report page's embedded data):
/// byte for byte what Foundation's `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`), from the same `Encodable`
/// conformances, in a fraction of the time.
///
/// Why not `JSONEncoder`: it boxes every value into its own tree with a coding path and
/// dynamic casts per value, and took a tenth of a second for the national summary.json
/// (3,300 communes) and the page's data. This encoder builds a lean tree (`JSONTreeEncoder`,
/// `JSONNode`) and writes it once (`JSONTextWriter`). The text is `JSONEncoder`'s:
/// reals are Swift's shortest round-trip `description` without a final ".0", integers their
/// decimal text, keys sorted by their UTF-8 bytes, strings escaped as
/// `JSONText.appendEncoderString` says (the tests compare both encoders on the same values).
///
/// Foundation's special encodings of `Date`, `Data`, `URL` and `Decimal` are not reproduced:
/// such a value throws instead of being written differently.
package enum JSONDocument {
    /// `value` as JSON; with `escapingLessThan`, every `<` is written `\u003c` (for a
    /// `<script type="application/json">` element).
    /// - Throws: `EncodingError.invalidValue` for a NaN or infinite real, or a `Date`, `Data`,
    ///   `URL` or `Decimal` value.
    package static func bytes<Value: Encodable>(_ value: Value, pretty: Bool, escapingLessThan: Bool = false) throws -> [UInt8] {
        var writer = JSONTextWriter(pretty: pretty, escapingLessThan: escapingLessThan)
        writer.write(try JSONTreeEncoder.node(of: value, at: []))
        return writer.bytes
    }
}
