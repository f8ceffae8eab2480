import PhusongSupport

/// A `--province` or `--commune` value that names no area of the data, with the closest
/// valid ones: a filter that matches nothing would otherwise give an empty list that reads
/// as "no dead zones there".
public struct UnknownArea: Error, Sendable, Hashable, CustomStringConvertible {
    /// An area of the data: its code and, when known, its name.
    public struct Choice: Sendable, Hashable {
        public var code: String
        public var name: String?
    }

    /// `province` or `commune`.
    public var level: String
    /// The value as given.
    public var wanted: String
    /// Up to `suggestionLimit` areas, closest first.
    public var closest: [Choice]
    /// The area `wanted` names when it is a real one (in the boundary files or the 2025
    /// catalogue) in which no village of the input lies.
    public var withoutVillages: Choice?

    /// How many of the closest areas are shown.
    public static let suggestionLimit = 5

    public var description: String {
        var head = "--\(level) \"\(wanted)\": no \(level) of the villages has this code or name"
        if let withoutVillages {
            head = "--\(level) \"\(wanted)\": no village of the input is in \(withoutVillages.name ?? withoutVillages.code) (\(withoutVillages.code))"
        }
        guard !closest.isEmpty else {
            return head + " (the villages have no \(level) codes; give --admin boundaries so that they get them)"
        }
        let shown = closest.map { choice in choice.name.map { "\($0) (\(choice.code))" } ?? choice.code }
        return head + "; the closest \(level == "province" ? "provinces" : "communes") of the villages: " + shown.joined(separator: ", ")
    }

    /// Whether `wanted` names `choice`: its exact code, or its name compared without case and
    /// diacritics ("dien bien" names "Điện Biên").
    static func matches(_ wanted: String, code: String?, name: String?) -> Bool {
        if wanted == code { return true }
        guard let name else { return false }
        return UnicodeText.searchKey(wanted) == UnicodeText.searchKey(name)
    }

    /// Nil when `wanted` names one of `choices`, else the error with the closest choices by
    /// edit distance to the code or the name (both compared as search keys: no case, no
    /// diacritics), ties by code. `elsewhere` are the real areas without villages.
    static func check(_ wanted: String, level: String, choices: [Choice], elsewhere: [Choice] = []) -> UnknownArea? {
        if choices.contains(where: { matches(wanted, code: $0.code, name: $0.name) }) { return nil }
        let withoutVillages = elsewhere.first { matches(wanted, code: $0.code, name: $0.name) }
        let key = Array(UnicodeText.searchKey(wanted))
        let ranked = choices.map { choice -> (distance: Int, choice: Choice) in
            let toCode = editDistance(key, Array(UnicodeText.searchKey(choice.code)))
            let toName = choice.name.map { editDistance(key, Array(UnicodeText.searchKey($0))) } ?? toCode
            return (min(toCode, toName), choice)
        }
        let closest = ranked.sorted { ($0.distance, $0.choice.code) < ($1.distance, $1.choice.code) }
            .prefix(suggestionLimit).map(\.choice)
        return UnknownArea(level: level, wanted: wanted, closest: Array(closest), withoutVillages: withoutVillages)
    }

    /// Levenshtein distance: the fewest single-character insertions, deletions and
    /// substitutions that turn `a` into `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
