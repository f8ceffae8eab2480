/// Indicators summed per area code. Villages and sites come grouped by commune in the files
/// the committee uses, so a code equal to the one before reuses its slot without hashing.
struct KeyedIndicators: Sendable {
    private var slots: [String: Int] = [:]
    private var codes: [String] = []
    private var values: [CoverageIndicators] = []
    private var last: (code: String, slot: Int)?

    /// The indicators of `code`, starting empty.
    subscript(code: String) -> CoverageIndicators {
        get { slots[code].map { values[$0] } ?? CoverageIndicators() }
        set { values[slot(code)] = newValue }
        _modify {
            let slot = slot(code)
            yield &values[slot]
        }
    }

    /// Adds `other`'s indicators, code by code.
    mutating func add(_ other: KeyedIndicators) {
        for (code, indicators) in zip(other.codes, other.values) { self[code].add(indicators) }
    }

    /// Codes with their indicators, sorted by code.
    func sorted() -> [(code: String, indicators: CoverageIndicators)] {
        zip(codes, values).sorted { $0.0 < $1.0 }.map { (code: $0.0, indicators: $0.1) }
    }

    private mutating func slot(_ code: String) -> Int {
        if let last, last.code == code { return last.slot }
        let slot: Int
        if let known = slots[code] {
            slot = known
        } else {
            slot = values.count
            slots[code] = slot
            codes.append(code)
            values.append(CoverageIndicators())
        }
        last = (code, slot)
        return slot
    }
}
