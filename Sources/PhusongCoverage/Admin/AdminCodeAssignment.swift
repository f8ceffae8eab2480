import PhusongSupport

/// What administrative assignment did: counts per outcome and the warnings it raised.
public struct AdminAssignmentReport: Sendable {
    public var villagesInside = 0
    public var villagesNearest = 0
    public var villagesUnmatched = 0
    /// Villages whose empty province or commune code was filled from the polygons.
    public var villagesFilled = 0
    /// Villages whose given codes disagree with the polygon they lie in.
    public var villagesDisagreeing = 0
    public var sitesInside = 0
    public var sitesNearest = 0
    public var sitesUnmatched = 0
    /// Codes that disagree, points in no polygon, and the like (severity warning).
    public var warnings: [Problem] = []
}

/// Gives villages and sites the province and commune of the polygon they lie in.
public enum AdminCodeAssignment {
    /// Villages without codes get them from their polygon; villages with codes are checked
    /// against it (a disagreement is a warning, the given code is kept); every site gets the
    /// codes of its polygon.
    public static func apply(
        _ boundaries: AdminBoundaries, villages: inout LoadedTable<Village>, sites: inout SiteTable,
        threads: Int
    ) async throws -> AdminAssignmentReport {
        let units = boundaries.assignmentUnits
        let villageMatches = try await AdminAssigner.assign(
            lons: villages.rows.map(\.lon), lats: villages.rows.map(\.lat), units: units, threads: threads)
        let allSites = sites.indices
        let siteMatches = try await sites.assignAdminCodes(boundaries, to: allSites, threads: threads)
        var report = AdminAssignmentReport()
        let unitIndexByCode = Dictionary(units.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: min)
        for (index, match) in villageMatches.enumerated() {
            count(match, inside: &report.villagesInside, nearest: &report.villagesNearest, unmatched: &report.villagesUnmatched)
            check(&villages.rows[index], line: villages.lines[index], file: villages.file, match: match,
                  units: units, unitIndexByCode: unitIndexByCode, boundaries: boundaries, report: &report)
        }
        for match in siteMatches {
            count(match, inside: &report.sitesInside, nearest: &report.sitesNearest, unmatched: &report.sitesUnmatched)
        }
        return report
    }

    private static func count(_ match: AdminMatch, inside: inout Int, nearest: inout Int, unmatched: inout Int) {
        switch match.method {
        case .inside: inside += 1
        case .nearest: nearest += 1
        case .none: unmatched += 1
        }
    }

    private static func check(
        _ village: inout Village, line: Int, file: String, match: AdminMatch, units: [AdminUnit],
        unitIndexByCode: [String: Int], boundaries: AdminBoundaries, report: inout AdminAssignmentReport
    ) {
        guard let unitIndex = match.unitIndex else {
            if village.provinceCode == nil || (village.communeCode == nil && !boundaries.communes.isEmpty) {
                report.warnings.append(Problem(
                    file: file, line: line, column: "lon/lat", value: "\(NumberText.shortest(village.lon)) \(NumberText.shortest(village.lat))",
                    reason: .assignment(.noUnitNear(village: village.id, limitKm: Int(AdminAssigner.nearestLimitM / 1000)))))
            }
            return
        }
        // Outside every polygon, a given code of any unit within the limit is as plausible as
        // the nearest one (coasts, slivers between simplified boundaries): keep it quietly.
        let givenCode = boundaries.communes.isEmpty ? village.provinceCode : village.communeCode
        if match.method == .nearest, let givenCode, let given = unitIndexByCode[givenCode],
           match.nearbyUnitIndices.contains(given) {
            let codes = units[given].assignedCodes
            if village.provinceCode == nil { village.provinceCode = codes.province }
            return
        }
        let found = units[unitIndex].assignedCodes
        let distanceM = match.method == .inside ? nil : match.distanceM
        var filled = false
        var disagrees = false
        // A given code that differs from the boundary's is kept and reported; a missing one is filled.
        func reconcile(_ level: AdminUnit.Level, _ code: WritableKeyPath<Village, String?>, found: String?, name: (String) -> String?) {
            guard let found else { return }
            if let given = village[keyPath: code] {
                guard given != found else { return }
                disagrees = true
                report.warnings.append(Problem(
                    file: file, line: line, column: level.rawValue + "_code", value: given,
                    reason: .assignment(.otherUnit(village: village.id, distanceM: distanceM, level: level, code: found, name: name(found)))))
            } else {
                village[keyPath: code] = found
                filled = true
            }
        }
        reconcile(.commune, \.communeCode, found: found.commune, name: boundaries.communeName)
        reconcile(.province, \.provinceCode, found: found.province, name: boundaries.provinceName)
        if filled { report.villagesFilled += 1 }
        if disagrees { report.villagesDisagreeing += 1 }
    }
}
