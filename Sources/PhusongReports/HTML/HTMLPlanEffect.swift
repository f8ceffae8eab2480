import PhusongCoverage
import PhusongSupport

/// The plan's effect on a plan-effect report's page (`report --plan`, `id="plan-effect"`):
/// the national indicators before and after the plan side by side (`#plan-effect-table`,
/// each row's raw values in `data-before` and `data-after`) and the gains per kind of action
/// (`#plan-gains-table`, one `<tr data-kind="…">` per kind). Empty for a report of the
/// network alone, so its page keeps its bytes.
enum HTMLPlanEffect {
    static func section(_ effect: PlanEffect?, run: CoverageRun, language: ReportLanguage) -> String {
        guard let effect else { return "" }
        let summary = PlanEffectSummary(effect, after: run.tables.national, language: language)
        let rows = zip(summary.rows, summary.values).map { cells, value in
            "<tr data-before=\"\(NumberText.shortest(value.before))\" data-after=\"\(NumberText.shortest(value.after))\">" + line(cells) + "</tr>"
        }
        let gains = zip(summary.gainRows, summary.gainKinds).map { cells, kind in
            "<tr data-kind=\"\(HTMLText.escaped(kind))\">" + line(cells) + "</tr>"
        }
        return """
        <section class="panel" id="plan-effect" aria-labelledby="plan-effect-title">
        <h2 id="plan-effect-title" class="section-title">\(HTMLText.escaped(summary.title))</h2>
        <p class="section-note">\(HTMLText.escaped(summary.note))</p>
        \(table(id: "plan-effect-table", header: summary.header, rows: rows))
        <h3>\(HTMLText.escaped(language.text(.planGainsTitle)))</h3>
        \(table(id: "plan-gains-table", header: summary.gainsHeader, rows: gains))
        </section>

        """
    }

    /// A row's cells: the first a row heading, the others numbers.
    private static func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == 0 ? "<th scope=\"row\">\(HTMLText.escaped(cell))</th>" : "<td class=\"num\">\(HTMLText.escaped(cell))</td>"
        }.joined()
    }

    private static func table(id: String, header: [String], rows: [String]) -> String {
        let head = header.enumerated().map { index, title in
            "<th scope=\"col\"\(index > 0 ? " class=\"num\"" : "")>\(HTMLText.escaped(title))</th>"
        }.joined()
        return "<div class=\"table-wrap\">\n<table id=\"\(id)\" class=\"data\">\n<thead><tr>\(head)</tr></thead>\n<tbody>\n"
            + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n</div>"
    }
}
