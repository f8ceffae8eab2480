/// One value per ``AreaType``, read with a subscript (a switch, no hashing): the model chosen
/// for each area type in a band range, or the prepared models of a cell.
///
/// Coded (when `Value` is) as an object with the keys `urban`, `suburban`, `rural`, `open`.
public struct ByAreaType<Value> {
    public var urban: Value
    public var suburban: Value
    public var rural: Value
    public var open: Value

    public init(urban: Value, suburban: Value, rural: Value, open: Value) {
        self.urban = urban
        self.suburban = suburban
        self.rural = rural
        self.open = open
    }

    /// The same value for every area type.
    public init(all value: Value) {
        self.init(urban: value, suburban: value, rural: value, open: value)
    }

    @inlinable
    public subscript(areaType: AreaType) -> Value {
        switch areaType {
        case .urban: urban
        case .suburban: suburban
        case .rural: rural
        case .open: open
        }
    }

    /// The value for every area type, transformed.
    public func map<Mapped>(_ transform: (AreaType, Value) throws -> Mapped) rethrows -> ByAreaType<Mapped> {
        ByAreaType<Mapped>(
            urban: try transform(.urban, urban), suburban: try transform(.suburban, suburban),
            rural: try transform(.rural, rural), open: try transform(.open, open)
        )
    }
}

extension ByAreaType: Sendable where Value: Sendable {}
extension ByAreaType: Equatable where Value: Equatable {}
extension ByAreaType: Hashable where Value: Hashable {}
extension ByAreaType: Codable where Value: Codable {}

extension ByAreaType where Value: Decodable {
    /// Decodes an object with any of the keys `urban`, `suburban`, `rural`, `open`; area
    /// types it leaves out keep their value from `defaults`.
    static func decode<Key: CodingKey>(
        from container: KeyedDecodingContainer<Key>, forKey key: Key, defaults: ByAreaType<Value>
    ) throws -> ByAreaType<Value> {
        guard let values = try container.decodeIfPresent([String: Value].self, forKey: key) else { return defaults }
        var result = defaults
        for areaType in AreaType.allCases {
            guard let value = values[areaType.rawValue] else { continue }
            switch areaType {
            case .urban: result.urban = value
            case .suburban: result.suburban = value
            case .rural: result.rural = value
            case .open: result.open = value
            }
        }
        return result
    }
}
