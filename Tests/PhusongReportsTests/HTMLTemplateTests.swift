import Testing
@testable import PhusongReports

@Suite("The pages' resource files and their templates")
struct HTMLTemplateTests {
    /// The slots of `template` that Swift fills with values (the others are texts of the
    /// page's language, `ReportText.Key`).
    private func filledByCode(_ template: HTMLTemplate) -> Set<String> {
        Set(template.slots).subtracting(ReportText.Key.allCases.map(\.rawValue))
    }

    @Test("report.html and compare.html have exactly the slots their writers fill")
    func slots() {
        #expect(filledByCode(HTMLResources.reportPage) == [
            "head", "leafletStyle", "style", "pageWord", "month", "summary", "headline", "planEffect", "map", "provinces", "deadZones",
            "footer", "data", "tablesScript", "leafletScript", "mapScript",
            "drill", "navExplore", "drillData", "placeData", "pagedScript", "drillScript",
        ])
        #expect(HTMLResources.reportPage.slots.contains("monthLine") && HTMLResources.reportPage.slots.contains("printHeader"),
                "texts filled with the month")
        #expect(Set(HTMLResources.comparePage.slots) == ["before", "after", "indicatorRows", "villageCount", "siteCount", "data", "pagedScript", "compareScript"])
        #expect(Set(HTMLResources.drillSection.slots) == ["drillTitle", "findLabel", "findPlaceholder", "searchHint", "crumbs", "filterLabel", "filterPlaceholder", "noMatch"])
        #expect(HTMLResources.pageHead.slots == ["lang", "version", "title"])
        #expect(filledByCode(HTMLResources.trendPage) == [
            "head", "style", "span", "charts", "nationalHeader", "nationalRows", "provinceHeader", "provinceRows", "sources", "data",
            "tablesScript",
        ])
        #expect(HTMLResources.headlineSection.slots == ["headlineTitle", "cards"])
        #expect(HTMLResources.progressCard.slots == ["state", "title", "pill", "value", "target", "label", "width", "marker", "scale", "note"])
        #expect(HTMLResources.compositionCard.slots == ["state", "title", "pill", "value", "target", "label", "segments", "legend", "note"])
        #expect(filledByCode(HTMLResources.mapSection) == ["engine", "fallback", "outlineLegend", "labelsLayer", "outlineLayer", "facts", "overlay"])
        #expect(filledByCode(HTMLResources.provinceSection) == ["caption", "header", "body", "national"])
        #expect(filledByCode(HTMLResources.deadZoneSection) == ["note", "count", "visible"])
        #expect(filledByCode(HTMLResources.footer) == ["inputs", "model", "generated", "licences"])
    }

    @Test("sections and cards are embedded without their final line break, the pages with it")
    func lineBreaks() throws {
        let page = try HTMLResources.comparePage.filled(Dictionary(uniqueKeysWithValues: HTMLResources.comparePage.slots.map { ($0, "") }))
        #expect(page.hasSuffix("</body></html>\n"))
        let footer = try HTMLResources.footer.filled(Dictionary(uniqueKeysWithValues: HTMLResources.footer.slots.map { ($0, "") }))
        #expect(footer.hasPrefix("<footer class=\"page-footer\" id=\"about\">") && footer.hasSuffix("</footer>"))
    }

    @Test("the style sheet and scripts are embedded whole, without their final line break")
    func embedded() {
        #expect(HTMLResources.style.hasPrefix(":root {"))
        #expect(HTMLResources.style.hasSuffix("}"))
        #expect(HTMLResources.style.utf8.count > 10_000)
        #expect(HTMLResources.tablesScript.hasPrefix("(function () {") && HTMLResources.tablesScript.hasSuffix("})();"))
        #expect(HTMLResources.mapScript.hasPrefix("(function () {") && HTMLResources.mapScript.hasSuffix("})();"))
        #expect(HTMLResources.mapScript.contains("data-drawn"))
    }

    @Test("filling is one pass: a value that looks like a slot is copied as it is")
    func onePass() throws {
        let template = HTMLTemplate(name: "t", text: "<p>{{a}}|{{b}}</p>{{a}}")
        #expect(template.slots == ["a", "b", "a"])
        #expect(try template.filled(["a": "{{b}}", "b": "x"]) == "<p>{{b}}|x</p>{{b}}")
    }

    @Test("text that is not a slot stays: braces in CSS or scripts, {{ without a name")
    func notSlots() throws {
        let template = HTMLTemplate(name: "t", text: "a{b}{{ c }}{{}}{{{d}}}{{e1}}{{f")
        #expect(template.slots == ["d"])
        #expect(try template.filled(["d": "D"]) == "a{b}{{ c }}{{}}{D}{{e1}}{{f")
    }

    @Test("a slot without a value, or a value without a slot, is an error")
    func mismatch() {
        let template = HTMLTemplate(name: "t", text: "{{a}}{{b}}")
        #expect(throws: HTMLTemplate.Mismatch.self) { try template.filled(["a": ""]) }
        #expect(throws: HTMLTemplate.Mismatch.self) { try template.filled(["a": "", "b": "", "c": ""]) }
        #expect((try? template.filled(["a": "1", "b": "2"])) == "12")
    }
}
