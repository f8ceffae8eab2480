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

/// Members in the order they were encoded (appending is much cheaper than a dictionary of
/// them); `sortedMembers` gives them as written: by key, a key encoded twice with its last
/// value, as `JSONEncoder`'s dictionary of members gives. (Keys are compared by their bytes:
/// two different texts that Swift holds equal, such as NFC and NFD forms, cannot both come from
/// one of phusong's values, whose maps are Swift dictionaries and whose other keys are
/// `CodingKeys`.)
final class JSONObjectBox {
    private var members: [(key: String, value: JSONNode)] = []

    func set(_ value: JSONNode, forKey key: String) {
        members.append((key, value))
    }

    /// The members by the UTF-8 bytes of their keys, each key once with its last value.
    var sortedMembers: [(key: String, value: JSONNode)] {
        // Sorting by (key, position) keeps equal keys in encoding order: the last one wins.
        let order = members.indices.sorted { first, second in
            switch JSONObjectBox.compareUTF8(members[first].key, members[second].key) {
            case .less: true
            case .equal: first < second
            case .greater: false
            }
        }
        var sorted: [(key: String, value: JSONNode)] = []
        sorted.reserveCapacity(order.count)
        for index in order {
            if let last = sorted.last, JSONObjectBox.compareUTF8(last.key, members[index].key) == .equal { sorted.removeLast() }
            sorted.append(members[index])
        }
        return sorted
    }

    enum Order { case less, equal, greater }

    /// The order of the UTF-8 bytes of `a` and `b` (`JSONEncoder`'s order of keys; `String`'s
    /// own `<` compares Unicode canonical forms instead, which differs for text not in NFC).
    static func compareUTF8(_ a: String, _ b: String) -> Order {
        var a = a, b = b
        return a.withUTF8 { first in
            b.withUTF8 { second in
                if first.elementsEqual(second) { return .equal }
                return first.lexicographicallyPrecedes(second) ? .less : .greater
            }
        }
    }
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
