extension JSONDocument {
    /// The compact JSON object of `groups` (keys sorted by their UTF-8 bytes, each value as
    /// ``bytes(_:pretty:escapingLessThan:)`` writes it), appended to `bytes` group by group: the
    /// same bytes as the whole dictionary encoded at once, but only one group's tree exists at a
    /// time. For the report page's villages by commune, whose tree for 2 million villages held
    /// about 470 MB at the command's peak (docs/benchmarks.md, "Peak memory").
    /// - Throws: what ``bytes(_:pretty:escapingLessThan:)`` throws for a group's value.
    package static func appendCompactObject<Value: Encodable>(
        _ groups: [String: Value], escapingLessThan: Bool = false, to bytes: inout [UInt8]
    ) throws {
        // Dictionary keys are distinct, so the order of their UTF-8 bytes is total.
        let keys = groups.keys.sorted { JSONObjectBox.compareUTF8($0, $1) == .less }
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendEncoderString(key, escapingLessThan: escapingLessThan, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if let value = groups[key] {
                bytes.append(contentsOf: try Self.bytes(value, pretty: false, escapingLessThan: escapingLessThan))
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
