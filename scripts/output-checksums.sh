#!/usr/bin/env bash
# Runs every command that writes files on fixed inputs and prints the SHA-256 of each output,
# one line per file ("<hash>  <command>/<file>"), so that two builds can be compared byte for
# byte: a refactoring must leave this list unchanged.
#   bash scripts/output-checksums.sh [--national] > checksums.txt
# Without --national: the embedded default data and the Điện Biên subset (seconds). With it, also
# the national 2025 scenario (report with and without area coverage, the rollout plan: about a
# minute). Uses $PHUSONG_BIN, or the release build (made when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
national=no
if [ "${1:-}" = "--national" ]; then national=yes; fi

bin="${PHUSONG_BIN:-$PWD/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release >&2; fi
shared="${PHUSONG_SHARED:-$PWD/../shared}/geodata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # name, then the command's arguments (outputs go under $work/name)
  local name=$1; shift
  "$bin" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"
}

run default-report report --threads 2 --out "$work/default-report"
run default-plan plan --threads 2 --out "$work/default-plan"
run default-deadzones-csv deadzones --out "$work/default-deadzones.csv"
run default-deadzones-kml deadzones --out "$work/default-deadzones.kml"
run default-deadzones-geojson deadzones --out "$work/default-deadzones.geojson"
run default-unpowered unpowered --out "$work/default-unpowered.csv"
run default-deadzones-gpkg deadzones --out "$work/default-deadzones.gpkg"
run default-deadzones-xlsx deadzones --out "$work/default-deadzones.xlsx"
run default-unpowered-kmz unpowered --out "$work/default-unpowered.kmz"
run default-report-planned report --villages geodata/default/villages.csv --cells geodata/default/cells.csv --cells "$work/default-plan/planned_cells.csv" --threads 2 --out "$work/default-report-planned"
run default-compare compare --before "$work/default-report" --after "$work/default-report-planned" --out "$work/default-compare"
run default-synth synth --villages 3000 --seed 7 --out "$work/default-synth"
run default-config config --print-default

if [ -d "$shared/vn-national-2025/subset-dienbien" ]; then
  sub="$shared/vn-national-2025/subset-dienbien"
  provinces="$shared/vn-admin-2025/vn_provinces_34_simplified.geojson"
  run dienbien-report report --villages "$sub/villages.csv" --cells "$sub/cells.csv" --admin "$provinces" --threads 2 --out "$work/dienbien-report"
  run dienbien-plan plan --villages "$sub/villages.csv" --cells "$sub/cells.csv" --admin "$provinces" --threads 2 --out "$work/dienbien-plan"
  run dienbien-validate validate --villages "$sub/villages.csv" --cells "$sub/cells.csv" --admin "$provinces" --threads 2
else
  echo "skipped: $shared/vn-national-2025/subset-dienbien not found (the Điện Biên runs)" >&2
fi
if [ -d "$shared/mclp-instances/sjc/SJC324" ]; then
  sjc="$shared/mclp-instances/sjc/SJC324"
  run mclp-sjc324 mclp --demand "$sjc/demand.csv" --candidates "$sjc/candidates.csv" --radius 800 --p 10 --json --threads 2
  sf="$shared/mclp-instances/spopt-sf"
  run mclp-spopt-sf mclp --demand "$sf/demand.csv" --candidates "$sf/candidates.csv" --cost-matrix "$sf/cost_matrix.csv" --radius 5000 --p 4 --json --threads 2
else
  echo "skipped: $shared/mclp-instances not found (the MCLP runs)" >&2
fi

if [ "$national" = yes ]; then
  nat="$shared/vn-national-2025"
  if [ -f "$nat/villages.csv" ]; then
    run national-report-no-area report --villages "$nat/villages.csv" --cells "$nat/cells.csv" --no-area --threads 2 --out "$work/national-report-no-area"
    run national-report report --villages "$nat/villages.csv" --cells "$nat/cells.csv" --admin "$shared/vn-admin-2025/vn_provinces_34_simplified.geojson" --threads 2 --out "$work/national-report"
    run national-plan plan --villages "$nat/villages.csv" --cells "$nat/cells.csv" --threads 2 --out "$work/national-plan"
  else
    echo "skipped: $nat/villages.csv not found (the national runs)" >&2
  fi
fi

# Timings printed on the terminal differ from run to run; keep only the files' bytes, with three
# normalisations: the temporary folder's name is written WORK wherever a text file names it (zip
# files, .xlsx and .kmz, are hashed as they are: they hold no path and no time), the
# seconds mclp measured are dropped, and a GeoPackage is hashed as its SQL dump with the
# gpkg_contents.last_change time (the moment of writing, as the standard asks) blanked.
rm -f "$work"/*.stderr
cd "$work"
find . -type f ! -name '.*' ! -name '*.gpkg' ! -name '*.xlsx' ! -name '*.kmz' -exec sed -i "s|$work|WORK|g" {} +
sed -i -E 's/"seconds":[0-9.e+-]+,?//' mclp-*.stdout 2>/dev/null || true
find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort | while read -r file; do
  case "$file" in
    *.gpkg)
      hash=$(python3 -c 'import re, sqlite3, sys
dump = "\n".join(sqlite3.connect(sys.argv[1]).iterdump())
print(re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "TIME", dump))' "$file" | sha256sum | cut -d' ' -f1)
      echo "$hash  $file (SQL dump)" ;;
    *) sha256sum "$file" ;;
  esac
done
