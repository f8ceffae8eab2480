/// The page's style sheet: system fonts only, print-friendly, responsive down to a phone.
enum HTMLStyle {
    static let css = #"""
:root {
  --ink: #17212f; --muted: #556274; --line: #d5dbe3; --line-soft: #e7ebf0;
  --page: #f3f5f8; --panel: #ffffff; --brand: #0b3a66; --brand-2: #11508c; --flag: #c8102e;
  --met: #1c7c45; --met-bg: #e3f3e9; --unmet: #b42318; --unmet-bg: #fdecea; --info-bg: #e9eef6;
  --both: #3b3fb6; --only4g: #1c9a8c; --dead: #d92d20; --ring: #111827;
  --site5g: #8e44ad; --site4g: #334155; --nosite: #9f1c14; --weak: #f08a7e;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
h1, h2, h3 { line-height: 1.25; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
[hidden] { display: none !important; }

.page-header { background: var(--brand); color: #fff; border-top: 5px solid var(--flag); }
.page-header .wrap { padding-top: 22px; padding-bottom: 0; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: #c7d6ea; }
.page-header h1 { margin: 4px 0 6px; font-size: 28px; font-weight: 650; }
.subtitle { margin: 0 0 16px; color: #dde7f3; font-variant-numeric: tabular-nums; }
.page-header nav { display: flex; flex-wrap: wrap; gap: 2px; }
.page-header nav a { color: #fff; text-decoration: none; padding: 9px 14px; font-size: 14px; border-bottom: 3px solid transparent; }
.page-header nav a:hover, .page-header nav a:focus-visible { background: var(--brand-2); border-bottom-color: #ffd24d; outline: none; }

main.wrap { padding-top: 28px; }
.section-title { font-size: 19px; margin: 0 0 12px; color: var(--brand); }
.section-note { margin: -4px 0 14px; color: var(--muted); font-size: 14px; max-width: 95ch; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 20px 22px; margin: 0 0 22px; }
.kpis { margin-bottom: 22px; }

.kpi-grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-left: 5px solid var(--brand-2); border-radius: 6px; padding: 16px 18px 14px; }
.kpi-met { border-left-color: var(--met); }
.kpi-unmet { border-left-color: var(--unmet); }
.kpi-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 10px; }
.kpi h3 { margin: 0; font-size: 14px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.kpi-value { margin: 8px 0 10px; font-size: 34px; font-weight: 700; letter-spacing: -0.01em; font-variant-numeric: tabular-nums; }
.kpi-target { font-size: 14px; font-weight: 500; color: var(--muted); letter-spacing: 0; }
.kpi-note { margin: 10px 0 0; font-size: 13.5px; color: var(--muted); }
.pill { flex: none; font-size: 12px; font-weight: 600; padding: 3px 9px; border-radius: 999px; white-space: nowrap; }
.pill-met { background: var(--met-bg); color: var(--met); }
.pill-unmet { background: var(--unmet-bg); color: var(--unmet); }
.pill-info { background: var(--info-bg); color: var(--brand); }
.bar { position: relative; height: 14px; background: #e4e8ee; border-radius: 3px; overflow: visible; }
.bar-fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 3px; background: var(--brand-2); }
.kpi-met .bar-fill { background: var(--met); }
.kpi-unmet .bar-fill { background: var(--unmet); }
.bar-target { position: absolute; top: -5px; bottom: -5px; width: 3px; margin-left: -1.5px; background: var(--ink); border-radius: 1px; }
.bar-scale { position: relative; display: flex; justify-content: space-between; font-size: 12px; color: var(--muted); margin-top: 5px; font-variant-numeric: tabular-nums; }
.bar-split { display: flex; overflow: hidden; }
.bar-seg { display: block; height: 100%; }
.bar-seg + .bar-seg { border-left: 2px solid #fff; }
.bar-legend { list-style: none; margin: 8px 0 0; padding: 0; font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 16px; }
.bar-legend strong { color: var(--ink); font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.seg-nosite { background: var(--nosite); }
.seg-weak { background: var(--weak); }
.seg-deadunpowered { background: var(--ring); }
.seg-connected { background: #9aa5b4; }

.map-layout { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 22px; align-items: start; }
.map { position: relative; border: 1px solid var(--line); border-radius: 4px; background: #eaf0f6; overflow: hidden; touch-action: none; }
.map canvas { display: block; width: 100%; cursor: grab; }
.map canvas.dragging { cursor: grabbing; }
.map-tools { position: absolute; top: 10px; left: 10px; display: flex; box-shadow: 0 1px 3px rgba(0,0,0,.2); border-radius: 4px; overflow: hidden; }
.map-tools button { font: inherit; font-size: 15px; min-width: 34px; height: 32px; border: 0; border-right: 1px solid var(--line); background: #fff; color: var(--ink); cursor: pointer; padding: 0 10px; }
.map-tools button:last-child { border-right: 0; font-size: 13px; }
.map-tools button:hover, .map-tools button:focus-visible { background: var(--info-bg); }
.map-tip { position: absolute; pointer-events: none; max-width: 320px; background: rgba(17, 24, 39, 0.94); color: #fff; font-size: 13px; line-height: 1.4; padding: 7px 10px; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.map-tip strong { display: block; }
.map-noscript { margin: 0; padding: 40px 20px; text-align: center; color: var(--muted); }
.map-hint { margin: 6px 0 0; font-size: 12.5px; color: var(--muted); }
.map-side h3 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0 0 8px; }
.map-side h3:not(:first-child) { margin-top: 18px; }
.legend { list-style: none; margin: 0; padding: 0; font-size: 14px; }
.legend li { display: flex; align-items: center; gap: 10px; padding: 3px 0; }
.legend-note { color: var(--muted); font-size: 12.5px; }
.sym { flex: none; display: inline-block; width: 16px; height: 16px; position: relative; }
.sym-deadzone::after, .sym-deadzone-unpowered::after, .sym-unpowered::after, .sym-site::after {
  content: ""; position: absolute; left: 50%; top: 50%; border-radius: 50%; transform: translate(-50%, -50%); }
.sym-deadzone::after { width: 10px; height: 10px; background: var(--dead); border: 1.5px solid #fff; box-shadow: 0 0 0 1px rgba(0,0,0,.35); }
.sym-deadzone-unpowered::after { width: 10px; height: 10px; background: var(--dead); box-shadow: 0 0 0 2px #fff, 0 0 0 4px var(--ring); }
.sym-unpowered::after { width: 12px; height: 12px; border: 2.5px solid var(--ring); background: transparent; }
.sym-cell { border-radius: 2px; }
.sym-both { background: var(--both); }
.sym-4g { background: var(--only4g); }
.sym-site::after { width: 6px; height: 6px; }
.sym-site-5g::after { background: var(--site5g); }
.sym-site-4g::after { background: var(--site4g); }
.sym-outline { height: 0; border-top: 2px solid #8795a8; }
.legend-ramp { flex-direction: column; align-items: stretch !important; gap: 2px !important; }
.ramp { display: block; height: 10px; border-radius: 2px; background: linear-gradient(90deg, var(--only4g), var(--both)); }
.ramp-labels { display: flex; justify-content: space-between; font-size: 12px; color: var(--muted); }
.layers label { display: flex; align-items: center; gap: 8px; font-size: 14px; padding: 3px 0; cursor: pointer; }
.layers input { width: 16px; height: 16px; margin: 0; accent-color: var(--brand-2); }
.map-facts { font-size: 12.5px; color: var(--muted); margin: 16px 0 0; border-top: 1px solid var(--line-soft); padding-top: 10px; }

.table-wrap { overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
.table-tall { max-height: 820px; }
table.data { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 14px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 7px 10px; border-bottom: 1px solid var(--line-soft); text-align: left; vertical-align: top; }
table.data thead th { position: sticky; top: 0; z-index: 1; background: #eef2f7; border-bottom: 1px solid var(--line); padding: 0; white-space: nowrap; }
table.data thead th button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 9px 22px 9px 10px; font-weight: 600; font-size: 13px; color: var(--ink); cursor: pointer; position: relative; }
table.data thead th.num button { text-align: right; }
table.data thead th button:hover { background: #e2e8f0; }
table.data thead th button:focus-visible { outline: 2px solid var(--brand-2); outline-offset: -2px; }
table.data thead th button::after { content: "↕"; position: absolute; right: 7px; color: #9aa5b4; font-weight: 400; }
table.data thead th[aria-sort="ascending"] button::after { content: "▲"; color: var(--brand); font-size: 10px; top: 12px; }
table.data thead th[aria-sort="descending"] button::after { content: "▼"; color: var(--brand); font-size: 10px; top: 12px; }
table.data tbody tr:nth-child(even) { background: #f8fafc; }
table.data tbody tr:hover { background: #eef4fb; }
table.data tbody th { font-weight: 600; }
table.data tfoot th, table.data tfoot td { position: sticky; bottom: 0; background: #eef2f7; font-weight: 700; border-top: 2px solid var(--line); border-bottom: 0; }
table.data .num { text-align: right; white-space: nowrap; }
table.data td.met { color: var(--met); font-weight: 600; }
table.data td.alert { color: var(--unmet); font-weight: 600; }
table.data .muted { color: var(--muted); }
.sub { display: block; font-size: 12px; font-weight: 400; color: var(--muted); white-space: nowrap; }
.meter { display: inline-block; width: 48px; height: 6px; background: #e4e8ee; border-radius: 3px; margin-right: 8px; vertical-align: 2px; overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--brand-2); }
.tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 7px; border-radius: 3px; white-space: nowrap; margin: 1px 0; }
.tag-nosite { background: var(--unmet-bg); color: var(--nosite); }
.tag-weak { background: #fff1e6; color: #a4400c; }
.tag-unpowered { background: #1f2937; color: #fff; }

.search-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; }
.search-bar label { font-weight: 600; font-size: 14px; }
.search-bar input { flex: 1 1 280px; max-width: 460px; font: inherit; padding: 8px 12px; border: 1px solid #9aa5b4; border-radius: 4px; background: #fff; color: var(--ink); }
.search-bar input:focus { outline: 2px solid var(--brand-2); outline-offset: 1px; border-color: var(--brand-2); }
.search-count { font-size: 14px; color: var(--muted); font-variant-numeric: tabular-nums; }
.search-hint { margin: 6px 0 12px; font-size: 12.5px; color: var(--muted); }
.empty { padding: 18px; text-align: center; color: var(--muted); border: 1px dashed var(--line); border-radius: 4px; margin: 10px 0 0; }

.page-footer { border-top: 3px solid var(--brand); margin: 8px 0 40px; padding-top: 18px; font-size: 13.5px; color: var(--muted); }
.footer-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 24px; }
.page-footer h2 { font-size: 14px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink); margin: 0 0 8px; }
.page-footer dl { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 12px; }
.page-footer dt { font-weight: 600; color: var(--ink); }
.page-footer dd { margin: 0; overflow-wrap: anywhere; }
.page-footer p { margin: 0 0 8px; }
.page-footer .path { color: var(--ink); }
.detail { font-size: 12.5px; }
.sha { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11.5px; }

@media (max-width: 1020px) {
  .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (max-width: 900px) {
  .map-layout { grid-template-columns: 1fr; }
  .wrap { padding: 0 14px; }
  .panel { padding: 16px 14px; }
  .page-header h1 { font-size: 23px; }
}
@media (max-width: 640px) {
  .kpi-grid { grid-template-columns: 1fr; }
  .kpi-value { font-size: 28px; }
}
@media print {
  body { background: #fff; font-size: 12px; }
  .page-header { background: #fff; color: var(--ink); border-top: 0; border-bottom: 2px solid var(--ink); }
  .page-header nav, .map-tools, .map-hint, .layers, .search-bar, .search-hint { display: none; }
  .eyebrow, .subtitle { color: var(--muted); }
  .panel, .kpi { break-inside: avoid; border-color: #999; }
  .table-wrap { max-height: none; overflow: visible; }
  table.data thead th, table.data tfoot th, table.data tfoot td { position: static; }
}
"""#
}
