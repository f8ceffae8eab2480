#!/usr/bin/env bash
# Issue 20's national check (docs/tiles.md): the national 2025 scenario cut into 1° tiles
# (only the tiles that hold villages), each run as `report --tile … --partial`, merged with
# `phusong merge`, and compared file by file with one `report` of the same inputs. Prints the
# tile count, the CPU time (user+sys) of the tiles, the merge and the single run, and exits 1
# when any file differs.
#   bash scripts/tile-merge-check.sh [OUT_DIR]
# Environment: PHUSONG_BIN (default: the release build, made when missing), PHUSONG_SHARED
# (default ../shared), THREADS (per process, default 2), TILE_DEGREES (default 1), and
# REPORT_OPTIONS (extra `report` options for every run, e.g. "--no-area" or
# "--terrain /path/to/dem").
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${PHUSONG_BIN:-$PWD/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release --product phusong >&2; fi
shared="$(cd "${PHUSONG_SHARED:-$PWD/../shared}" 2>/dev/null && pwd)/geodata" || true
data="$shared/vn-national-2025"
if [ ! -f "$data/villages.csv" ]; then
  echo "skipped: $data/villages.csv not found (set PHUSONG_SHARED to the folder holding geodata/)"
  exit 0
fi
out="${1:-out/tile-merge-check}"
threads="${THREADS:-2}"
degrees="${TILE_DEGREES:-1}"
read -r -a extra <<< "${REPORT_OPTIONS:-}"
# Absolute paths: the merge reads the inputs again from the paths the tiles recorded.
inputs=(--villages "$data/villages.csv" --cells "$data/cells.csv" --month 2026-05 "${extra[@]}")
rm -rf "$out"
mkdir -p "$out/tiles"

# The tiles that hold villages: the south-west corners, multiples of $degrees (lon, lat columns
# found by name; no quoted fields in this file).
awk -F, -v d="$degrees" 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "lon") x = i; if ($i == "lat") y = i }; next }
  { lon = $x / d; lat = $y / d; ix = int(lon); if (ix > lon) ix--; iy = int(lat); if (iy > lat) iy--; print ix * d "," iy * d }' \
  "$data/villages.csv" | sort -u -t, -k1,1n -k2,2n > "$out/tiles.txt"

cpu() { awk '{ u += $1; s += $2 } END { printf "%.2f", u + s }' "$1"; }
: > "$out/tile-times.txt"
tiles=()
while IFS=, read -r west south; do
  tile="$west,$south,$(awk -v a="$west" -v d="$degrees" 'BEGIN { print a + d }'),$(awk -v a="$south" -v d="$degrees" 'BEGIN { print a + d }')"
  dir="$out/tiles/${west}_${south}"
  /usr/bin/time -f "%U %S %e" -a -o "$out/tile-times.txt" \
    "$bin" report "${inputs[@]}" --tile "$tile" --partial --threads "$threads" --quiet --out "$dir" >> "$out/tiles.log"
  tiles+=("$dir")
done < "$out/tiles.txt"
/usr/bin/time -f "%U %S %e" -o "$out/merge-time.txt" "$bin" merge "${tiles[@]}" --threads "$threads" --quiet --out "$out/merged" > /dev/null
/usr/bin/time -f "%U %S %e" -o "$out/whole-time.txt" "$bin" report "${inputs[@]}" --threads "$threads" --quiet --out "$out/whole" > /dev/null

echo "tiles: ${#tiles[@]} of ${degrees}° (with villages), $threads threads each"
echo "CPU (user+sys): tiles $(cpu "$out/tile-times.txt") s in all (median $(awk '{ print $1 + $2 }' "$out/tile-times.txt" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') s a tile), merge $(cpu "$out/merge-time.txt") s, single report $(cpu "$out/whole-time.txt") s"
different=0
for file in summary.json villages.csv provinces.csv communes.csv operators.csv sites.csv deadzones.csv unpowered.csv report.xlsx report.html; do
  if cmp -s "$out/merged/$file" "$out/whole/$file"; then echo "  identical  $file"; else echo "  DIFFERENT  $file"; different=1; fi
done
if [ "$different" = 1 ]; then echo "tile-merge-check: the merged report differs from the single run"; exit 1; fi
echo "tile-merge-check: the merged report equals the single run, byte for byte"
