#!/usr/bin/env bash
# Issue 16's round trip on the national scenario: villages and cells converted with ogr2ogr to
# GeoPackage, Shapefile, XLSX, FlatGeobuf, and to EPSG:3857 and EPSG:3405 (VN-2000 / UTM 48N),
# each give the report of the CSV input (`phusong report --no-area`, national boundaries).
#   bash scripts/format-roundtrip.sh            # prints one line per format, exit 1 on a difference
# Compared: every CSV of the report folder and summary.json without its "inputs" (the input
# files' paths and SHA-256). Without reprojection byte-identical; after it, every count, status,
# code and text equal, coordinates within 1e-6°, RSRP 0.01 dB, distances 0.5 m, other reals a
# relative 1e-6 (the tests' rules: Tests/PhusongCLITests/FormatRoundTripTests.swift).
# Uses $PHUSONG_BIN, or the release build (made when missing); ../shared or $PHUSONG_SHARED.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${PHUSONG_BIN:-$PWD/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release --product phusong >&2; fi
command -v ogr2ogr >/dev/null || { echo "skipped: ogr2ogr (gdal-bin) is not installed" >&2; exit 0; }
shared="${PHUSONG_SHARED:-$PWD/../shared}/geodata"
nat="$shared/vn-national-2025"
[ -f "$nat/villages.csv" ] || { echo "skipped: $nat/villages.csv not found" >&2; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

report() { # out folder, villages, cells
  "$bin" report --villages "$2" --cells "$3" --no-area --threads 2 --out "$1" >/dev/null 2>"$1.stderr" \
    || { cat "$1.stderr" >&2; return 1; }
}
points() { # format, extension, EPSG code, folder, then extra ogr2ogr options
  local format=$1 ext=$2 crs=$3 dir=$4; shift 4
  mkdir -p "$dir"
  for table in villages cells; do
    ogr2ogr -q -f "$format" "$dir/$table.$ext" "$nat/$table.csv" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat \
      -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs "EPSG:$crs" -nln "$table" "$@"
  done
}

report "$work/csv" "$nat/villages.csv" "$nat/cells.csv"
points GPKG gpkg 4326 "$work/gpkg"
points "ESRI Shapefile" shp 4326 "$work/shp" -lco ENCODING=UTF-8
points FlatGeobuf fgb 4326 "$work/fgb" -lco SPATIAL_INDEX=NO
points GPKG gpkg 3857 "$work/epsg3857"
points GPKG gpkg 3405 "$work/epsg3405"
mkdir -p "$work/xlsx"
for table in villages cells; do ogr2ogr -q -f XLSX "$work/xlsx/$table.xlsx" "$nat/$table.csv" -nln "$table"; done

status=0
for case in gpkg:gpkg:exact shp:shp:exact xlsx:xlsx:exact fgb:fgb:exact epsg3857:gpkg:tolerance epsg3405:gpkg:tolerance; do
  IFS=: read -r name ext rule <<<"$case"
  start=$(date +%s.%N)
  report "$work/$name-report" "$work/$name/villages.$ext" "$work/$name/cells.$ext"
  seconds=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
  if python3 - "$work/csv" "$work/$name-report" "$rule" <<'PY'
import csv, json, os, sys
reference, other, rule = sys.argv[1:]
def tolerance(column):
    if "rsrp" in column: return 0.01, 0.0
    if column in ("lon", "lat"): return 1e-6, 0.0
    if column.endswith("_m"): return 0.5, 0.0
    return 0.0, 1e-6
def close(a, b, column):
    if a == b: return True
    if rule == "exact" or not any(c in a + b for c in ".e"): return False
    try: x, y = float(a), float(b)
    except ValueError: return False
    absolute, relative = tolerance(column)
    return abs(x - y) <= max(absolute, relative * max(abs(x), abs(y)))
def json_close(a, b):
    if isinstance(a, dict): return isinstance(b, dict) and a.keys() == b.keys() and all(json_close(a[k], b[k]) for k in a)
    if isinstance(a, list): return isinstance(b, list) and len(a) == len(b) and all(map(json_close, a, b))
    if isinstance(a, float) or isinstance(b, float):
        return rule != "exact" and abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) if a != b else True
    return a == b
problems = []
for name in sorted(os.listdir(reference)):
    if not name.endswith(".csv"): continue
    a, b = (open(os.path.join(d, name), "rb").read() for d in (reference, other))
    if a == b: continue
    rows = [list(csv.reader(x.decode("utf-8-sig").splitlines())) for x in (a, b)]
    header = rows[0][0]
    if len(rows[0]) != len(rows[1]): problems.append(f"{name}: {len(rows[0])} rows vs {len(rows[1])}"); continue
    for n, (r, s) in enumerate(zip(*rows)):
        if len(r) != len(s) or not all(close(x, y, c) for x, y, c in zip(r, s, header)):
            problems.append(f"{name} row {n}: {r} vs {s}"); break
summaries = [json.load(open(os.path.join(d, "summary.json"))) for d in (reference, other)]
for s in summaries: s.pop("inputs")
if not json_close(*summaries): problems.append("summary.json differs")
print("\n".join(problems[:5]))
sys.exit(1 if problems else 0)
PY
  then echo "$name: same report as the CSV input ($rule; ${seconds} s)"
  else echo "$name: DIFFERENT (see above)"; status=1
  fi
done
exit $status
