import PhusongCoverage
import PhusongSupport

/// `report.html`: one self-contained page for reviewers — the headline indicators against
/// the committee's targets, a map, the per-province table and the dead-zone list with a
/// search that ignores Vietnamese diacritics — in the edition's language (`<html lang="vi">`
/// or `"en"`, numbers as 1.234,5 in Vietnamese) and dated by its month. No network access
/// of any kind unless `--basemap` gives a tile URL: styles, scripts and data are inline, the
/// map is drawn by Leaflet and Leaflet.markercluster, inlined from Debian's packages when the
/// page is written (`LeafletAssets`, licences in the footer), from embedded JSON; without
/// them the page says which package to install and has no interactive map. With a coverage
/// overlay (`ReportEdition.overlay`: `report --terrain` or `--overlay`), the map also shows
/// its layers as images with their switches and legend (`HTMLOverlay`). The page's frame, style sheet and scripts are files in
/// Sources/PhusongReports/Resources (`HTMLResources`); its texts are `ReportText`'s.
///
/// Printing: A4 landscape (`@page { size: A4 landscape }` in report.css), the report's title
/// and month at the top of each page and "page n / m" at the right, tables wrapped rather
/// than clipped, their heading row repeated on each page.
///
/// Drill-down: national → province → commune → villages, with a search for a village, commune
/// or site (`HTMLDrillData`, `HTMLPlaceData`, drawn by report-drill.js a table page at a time).
///
/// Hooks for headless checks (e.g. `chromium --headless=new --dump-dom file:///…/report.html#search=Dien%20Bien`):
/// - URL hash routes, joined by `&`: `#p=CODE` / `#c=CODE` show a province's communes or a
///   commune's villages (`#drill` gets `data-level` "p" or "c" and `data-code`), `q=TEXT`
///   filters that table, `#find=TEXT` runs the search (`#find-table`), `#search=TEXT` filters
///   the dead-zone list;
/// - `#report-month` carries `data-month="YYYY-MM"`;
/// - after drawing, `#map` has `data-drawn="true"` and `data-points="<n>"`, the number of
///   villages drawn one by one (dead zones and unpowered villages), with `data-cells` (grid
///   cells) and `data-sites` (site positions) beside it, and `data-overlay-layers` (the
///   coverage overlay's image layers, 0 without one);
/// - `#province-table` has one `<tr>` per province in `<tbody>` (the national row is in `<tfoot>`);
/// - the paged tables (`#drill-table`, `#find-table`, `#dead-zone-table`, `#site-table`) carry
///   `data-total` (rows in the data) and `data-visible` (rows matching the filter) and hold the
///   current page's rows only (50; the search 20); their pagers, `data-pages`;
/// - `<html data-ready-ms>`: milliseconds from navigation until the tables and the map's first
///   drawing are done; `data-places-ms`, until the villages and sites are unpacked too.
public enum HTMLReport {
    /// The page for `run`, listing `deadZones` (e.g. `VillageLists.deadZones(run)`).
    /// Deterministic: the same run, list, version and edition give the same bytes.
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - deadZones: the dead-zone list of `run`.
    ///   - toolVersion: the version written into the page.
    ///   - edition: the page's language and month.
    ///   - planEffect: with `report --plan`, the plan's effect, shown after the headline
    ///     (`HTMLPlanEffect`); nil leaves the page as it was.
    /// - Returns: the page's bytes (UTF-8).
    public static func bytes(
        run: CoverageRun, deadZones: [VillageListEntry], toolVersion: String, edition: ReportEdition, planEffect: PlanEffect? = nil
    ) throws -> [UInt8] {
        try page(run: run, deadZones: deadZones, toolVersion: toolVersion, edition: edition, planEffect: planEffect,
                 parts: PageParts(run: run, edition: edition), drillData: HTMLPackedJSON.packed(HTMLDrillData(run, deadZones: deadZones)),
                 placeData: HTMLPackedJSON.packed(HTMLPlaceData(run)))
    }

    /// The same bytes as `bytes(run:deadZones:toolVersion:edition:planEffect:)`, with the
    /// villages and sites packed for the search (the largest part of the work) on a task of
    /// its own beside the rest when `threads` > 1, so that the page is not the last file of a
    /// report to be done.
    static func bytes(
        run: CoverageRun, deadZones: [VillageListEntry], toolVersion: String, edition: ReportEdition, planEffect: PlanEffect?,
        threads: Int
    ) async throws -> [UInt8] {
        let ((parts, drillData), placeData) = try await TaskPool.pair(threads: threads) {
            (try PageParts(run: run, edition: edition), try HTMLPackedJSON.packed(HTMLDrillData(run, deadZones: deadZones)))
        } _: {
            try HTMLPackedJSON.packed(HTMLPlaceData(run))
        }
        return try page(run: run, deadZones: deadZones, toolVersion: toolVersion, edition: edition, planEffect: planEffect,
                        parts: parts, drillData: drillData, placeData: placeData)
    }

    /// The map's data and the page's embedded JSON.
    private struct PageParts {
        let map: HTMLMapData
        let overlay: HTMLOverlay?
        let data: String

        init(run: CoverageRun, edition: ReportEdition) throws {
            let text = edition.language.text
            overlay = try edition.overlay.map { try HTMLOverlay($0, radio: run.configuration.radio, text: text) }
            map = try HTMLMapData(run, text: text, overlay: overlay)
            let maxRangeKm = text.decimal(run.configuration.radio.maxRangeM / 1000, decimals: 0)
            data = try HTMLText.scriptJSON(HTMLPageData(map: map, text: HTMLScriptText(text, maxRangeKm: maxRangeKm), basemap: edition.basemap))
        }
    }

    /// The page, from its packed data sets.
    private static func page(
        run: CoverageRun, deadZones: [VillageListEntry], toolVersion: String, edition: ReportEdition, planEffect: PlanEffect?,
        parts: PageParts, drillData: String, placeData: String
    ) throws -> [UInt8] {
        let text = edition.language.text
        let map = parts.map, overlay = parts.overlay
        let library: LeafletAssets?, missing: LeafletAssets.Missing?
        switch edition.mapLibrary {
        case .success(let assets): (library, missing) = (assets, nil)
        case .failure(let error): (library, missing) = (nil, error)
        }
        let national = run.tables.national
        let sites = run.engine.sites
        let summary = text(.summaryLine, text.integer(national.villages), text.integer(national.population),
                           text.integer(run.tables.provinces.count), text.integer(sites.count),
                           text.integer(national.stations4G), text.integer(national.stations5G))
        let month = text.month(edition.month)
        let page = try HTMLResources.reportPage.filled([
            "head": HTMLResources.head(language: edition.language, version: toolVersion, title: text(.pageTitle)),
            "style": HTMLResources.style,
            "printHeader": CSSText.string(text(.printHeader, month)),
            "pageWord": CSSText.string(text(.pageOf)),
            "month": edition.month.description,
            "monthLine": HTMLText.escaped(text(.monthLine, month)),
            "summary": HTMLText.escaped(summary),
            "headline": HTMLHeadline.section(run, text: text),
            "planEffect": HTMLPlanEffect.section(planEffect, run: run, language: edition.language),
            "map": HTMLMapSection.section(map, run: run, text: text, missing: missing, overlay: overlay),
            "provinces": HTMLProvinceTable.section(run, text: text),
            "drill": HTMLResources.drillSection.filled(HTMLScriptText.drillSlots(text), phrases: text.phrases),
            "navExplore": HTMLText.escaped(DrillText.strings(text.language)["navExplore"] ?? ""),
            "deadZones": HTMLDeadZoneTable.section(deadZones, run: run, text: text),
            "footer": HTMLFooter.section(run, toolVersion: toolVersion, text: text, library: library),
            "leafletStyle": library?.style ?? "",
            "leafletScript": library.map { "<script>\n" + $0.script + "\n</script>" } ?? "",
            "data": parts.data,
            "drillData": drillData,
            "placeData": placeData,
            "tablesScript": HTMLResources.tablesScript,
            "pagedScript": HTMLResources.pagedTableScript,
            "drillScript": HTMLResources.drillScript,
            "mapScript": HTMLResources.mapScript,
        ], phrases: text.phrases)
        return Array(page.utf8)
    }
}

/// The JSON embedded in the page.
struct HTMLPageData: Encodable {
    var map: HTMLMapData
    var text: HTMLScriptText
    /// The tile URL of `--basemap`, the only network access the page may make.
    var basemap: String?
}

/// The texts and number format the page's scripts use.
struct HTMLScriptText: Encodable {
    /// "{1} of {2} villages", the search count.
    var searchCount: String
    /// Thousands separator.
    var group: String
    /// Decimal separator.
    var decimal: String
    /// The drill-down's and dead-zone list's words (`DrillText` and the list's column
    /// headings and reason tags), by key; report.html only.
    var words: [String: String]?

    /// The keys of `ReportText` the drill-down script shows, under their own names.
    static let listKeys: [ReportText.Key] = [
        .colVillage, .colCommune, .colProvince, .colPopulation, .colReason, .colBestSignal, .colNearestSite,
        .tagNoSite, .tagWeak, .tagWeakTitle, .tagTerrain, .tagTerrainTitle, .tagUnpowered, .tagUnpoweredTitle, .noneInRange, .noSite,
    ]

    /// - Parameter maxRangeKm: the maximum range, formatted, for the "no site in range" tag's
    ///   title; nil for a page without the drill-down (trend.html), which gets no `words`.
    init(_ text: ReportText, maxRangeKm: String? = nil) {
        searchCount = text(.searchCount)
        group = String(text.groupSeparator)
        decimal = String(text.decimalSeparator)
        guard let maxRangeKm else { return }
        var words = DrillText.strings(text.language)
        for key in Self.listKeys { words[key.rawValue] = text(key) }
        words[ReportText.Key.tagNoSiteTitle.rawValue] = text(.tagNoSiteTitle, maxRangeKm)
        self.words = words
    }

    /// The slots of drill.html, escaped: its static texts.
    static func drillSlots(_ text: ReportText) -> [String: String] {
        let words = DrillText.strings(text.language)
        let slots = ["drillTitle", "findLabel", "findPlaceholder", "crumbs", "filterLabel", "filterPlaceholder", "noMatch"]
        return Dictionary(uniqueKeysWithValues: slots.map { ($0, HTMLText.escaped(words[$0] ?? "")) })
    }
}

/// Strings for a style sheet.
enum CSSText {
    /// `text` as a CSS string in double quotes: quotes, backslashes and control characters
    /// as CSS escapes, and `<` too, so that the text cannot close the `<style>` element.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<": result += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
