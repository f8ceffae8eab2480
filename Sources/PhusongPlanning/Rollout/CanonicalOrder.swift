import PhusongCoverage

/// The order of ids the rollout planner works in, so that the plan is the same whatever the
/// order of the rows in villages.csv, cells.csv and the candidates file (issue 13, class 8).
/// Ids are unique (the loaders reject duplicates) and compared by their UTF-8 bytes (they
/// are stored in Unicode NFC, so equal text has equal bytes): a total order.
enum CanonicalOrder {
    /// Whether id `a` comes before id `b`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The indices of `villages` in order of `village_id`.
    static func villages(_ villages: [Village]) -> [Int] {
        villages.indices.sorted { precedes(villages[$0].id, villages[$1].id) || (villages[$0].id == villages[$1].id && $0 < $1) }
    }

    /// `cells` in order of `cell_id`.
    static func cells(_ cells: [Cell]) -> [Cell] {
        cells.sorted { precedes($0.id, $1.id) }
    }

    /// `sites` in order of `site_id`.
    static func sites(_ sites: [Site]) -> [Site] {
        sites.sorted { precedes($0.id, $1.id) }
    }

    /// `locations` in order of id.
    static func locations(_ locations: [CandidateLocation]) -> [CandidateLocation] {
        locations.sorted { precedes($0.id, $1.id) }
    }
}
