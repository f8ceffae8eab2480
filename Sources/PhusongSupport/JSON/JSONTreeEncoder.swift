import Foundation

/// The `Encoder` behind `JSONDocument`: turns an `Encodable` value into a `JSONNode` tree,
/// as `JSONEncoder` turns it into its own (same keys, same values, a key encoded twice keeps
/// the last value, a value that encodes nothing is an empty object).
final class JSONTreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What has been encoded so far: nil until something is.
    fileprivate var node: JSONNode?
    /// Where a super-encoder puts its value once it is dropped (nil for the others, whose
    /// caller reads `node`).
    private let deliver: ((JSONNode) -> Void)?

    init(codingPath: [any CodingKey], deliver: ((JSONNode) -> Void)? = nil) {
        self.codingPath = codingPath
        self.deliver = deliver
    }

    deinit { deliver?(node ?? .object(JSONObjectBox())) }

    /// The node of `value`: strings, whole numbers, reals, booleans and arrays of whole numbers
    /// directly (the bulk of the documents), anything else through its `encode(to:)`.
    static func node<Value: Encodable>(of value: Value, at path: [any CodingKey]) throws -> JSONNode {
        if Value.self == String.self, let text = value as? String { return .string(text) }
        if Value.self == Int.self, let integer = value as? Int { return .integer(integer) }
        if Value.self == Double.self, let real = value as? Double { return try .real(real, at: path) }
        if Value.self == Bool.self, let flag = value as? Bool { return .bool(flag) }
        if Value.self == [Int].self, let integers = value as? [Int] {
            let box = JSONArrayBox()
            box.elements = integers.map(JSONNode.integer)
            return .array(box)
        }
        if Value.self == Date.self || Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: path, debugDescription: "\(Value.self) has no JSON form in phusong's documents"))
        }
        let encoder = JSONTreeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObjectBox())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let box)? = node { return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, codingPath: codingPath)) }
        let box = JSONObjectBox()
        node = .object(box)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box)? = node { return JSONUnkeyedContainer(box: box, codingPath: codingPath) }
        let box = JSONArrayBox()
        node = .array(box)
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }
}

/// A key of a JSON object by its text ("super" for `superEncoder()`).
private struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [any CodingKey]

    private func put(_ node: JSONNode, _ key: Key) { box.set(node, forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try .real(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try .real(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.number(value.description), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try JSONTreeEncoder.node(of: value, at: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        put(.object(nested), key)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        put(.array(nested), key)
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: JSONKey(stringValue: "super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let box = box
        return JSONTreeEncoder(codingPath: codingPath + [key]) { box.set($0, forKey: key.stringValue) }
    }
}

/// The value-by-value `encode` overloads that an unkeyed and a single-value container share:
/// each comes down to `put`, with `valuePath` as the coding path of the value (for errors).
private protocol JSONValueSink {
    var valuePath: [any CodingKey] { get }
    func put(_ node: JSONNode)
}

extension JSONValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try .real(value, at: valuePath)) }
    mutating func encode(_ value: Float) throws { put(try .real(value, at: valuePath)) }
    mutating func encode(_ value: Int) throws { put(.integer(value)) }
    mutating func encode(_ value: Int8) throws { put(.number(value.description)) }
    mutating func encode(_ value: Int16) throws { put(.number(value.description)) }
    mutating func encode(_ value: Int32) throws { put(.number(value.description)) }
    mutating func encode(_ value: Int64) throws { put(.number(value.description)) }
    mutating func encode(_ value: UInt) throws { put(.number(value.description)) }
    mutating func encode(_ value: UInt8) throws { put(.number(value.description)) }
    mutating func encode(_ value: UInt16) throws { put(.number(value.description)) }
    mutating func encode(_ value: UInt32) throws { put(.number(value.description)) }
    mutating func encode(_ value: UInt64) throws { put(.number(value.description)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try JSONTreeEncoder.node(of: value, at: valuePath)) }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer, JSONValueSink {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    /// The path of the next element.
    var valuePath: [any CodingKey] { codingPath + [JSONKey(stringValue: "Index \(count)")] }
    func put(_ node: JSONNode) { box.elements.append(node) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        let path = valuePath
        put(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        let path = valuePath
        put(.array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let box = box, index = count, path = valuePath
        put(.null)
        return JSONTreeEncoder(codingPath: path) { box.elements[index] = $0 }
    }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer, JSONValueSink {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var valuePath: [any CodingKey] { encoder.codingPath }
    func put(_ node: JSONNode) { encoder.node = node }
}
