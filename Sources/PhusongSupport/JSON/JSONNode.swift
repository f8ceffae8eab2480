/// A JSON value as `JSONTreeEncoder` builds it. Arrays and objects are boxes (classes): an
/// `Encoder` hands out containers that keep writing into their array or object after they
/// are returned, so the tree must be shared, not copied.
enum JSONNode {
    case null
    case bool(Bool)
    case integer(Int)
    /// Any other number, already in its JSON text (other integer types, finite reals).
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
}

final class JSONArrayBox {
    var elements: [JSONNode] = []
}

/// Members by key: encoding a key twice keeps the last value, as `JSONEncoder` does.
final class JSONObjectBox {
    var members: [String: JSONNode] = [:]
}

extension JSONNode {
    /// A real number as `JSONEncoder` writes it: Swift's shortest round-trip `description`
    /// without a final ".0" (3.0 → 3, 0.25 → 0.25, 1e-07 stays). JSON has no NaN or infinity,
    /// so those throw, as `JSONEncoder` throws for them.
    static func real<Real: BinaryFloatingPoint & CustomStringConvertible>(_ value: Real, at path: [any CodingKey]) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path, debugDescription: "Unable to encode \(Real.self).\(value) directly in JSON."))
        }
        let text = value.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }
}
