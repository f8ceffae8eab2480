#!/usr/bin/env bash
# Size and time-to-interactive of the national report.html and of national compare.html pages
# in headless Chromium (issue 19: each ≤ 3 MB, usable within 1.5 s). Prints one line a page.
#
#   [PHUSONG_SHARED=DIR] [PHUSONG_BIN=FILE] bash scripts/html-speed.sh [--runs N]
#
# Writes the national report (vn-national-2025, 34 provinces, --no-area) and two "after"
# reports to compare it with: the same cells without 5G (every 5G site changes, the villages
# served only by 5G lose coverage) and without every other site (about half the network
# changes). Then `compare` on both pairs, and scripts/html-speed.mjs (node, Chromium over
# the DevTools pipe) measures each page. Needs node and chromium (apt-get install nodejs chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${PHUSONG_SHARED:-../shared}
bin=${PHUSONG_BIN:-.build/release/phusong}
data=$shared/geodata/vn-national-2025
admin=$shared/geodata/vn-admin-2025/vn_provinces_34_simplified.geojson
out=${PHUSONG_SPEED_OUT:-$(mktemp -d -t phusong-speed-XXXXXX)}
mkdir -p "$out"
[ -x "$bin" ] || { echo "html-speed: $bin not found (swift build -c release, or set PHUSONG_BIN)" >&2; exit 66; }
[ -f "$data/villages.csv" ] || { echo "html-speed: $data/villages.csv not found (set PHUSONG_SHARED)" >&2; exit 66; }

# Cells without 5G; cells of every other site (sites in file order).
awk -F, 'NR == 1 || $4 != "5G"' "$data/cells.csv" > "$out/cells-no5g.csv"
awk -F, 'NR == 1 { print; next } $2 != last { last = $2; n += 1 } n % 2 == 1' "$data/cells.csv" > "$out/cells-half.csv"

report() { "$bin" report --villages "$data/villages.csv" --cells "$2" --admin "$admin" --no-area --out "$out/$1" > /dev/null; }
report national "$data/cells.csv"
report no5g "$out/cells-no5g.csv"
report half "$out/cells-half.csv"
"$bin" compare --before "$out/national" --after "$out/no5g" --out "$out/compare-no5g" > /dev/null
"$bin" compare --before "$out/national" --after "$out/half" --out "$out/compare-half" > /dev/null

echo "pages in $out"
node scripts/html-speed.mjs "$@" "$out/national/report.html" "$out/compare-no5g/compare.html" "$out/compare-half/compare.html"
