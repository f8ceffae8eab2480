#!/usr/bin/env bash
# The national run through two local Dask workers equals the single-machine report (issue 20,
# acceptance; docs/dask.md): `phusong report` and `phusong-dask report --local-workers 2` on the
# national 2025 scenario with the 2025 province boundaries, then every file compared byte for
# byte. Exit 1 when a file differs. CI runs it (.ci/run) on the release build.
#   bash scripts/dask-national-check.sh [--tile-size DEGREES] [--terrain DIR] [--out DIR]
# --terrain: add the elevation tiles to both runs (e.g. the synthetic tiles of
# scripts/terrain-national-bench.sh). --tile-size: default 2.0 (28 tiles). --out: default $TMPDIR/phusong-dask-national-check (replaced).
# Uses $PHUSONG_BIN or the release build (made when missing), ../shared or $PHUSONG_SHARED.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
size=2.0
terrain=()
out="${TMPDIR:-/tmp}/phusong-dask-national-check"
while [ $# -gt 0 ]; do
  case "$1" in
    --tile-size) size=$2; shift 2 ;;
    --terrain) terrain=(--terrain "$(cd "$2" && pwd)"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "dask-national-check.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
bin="${PHUSONG_BIN:-$root/.build/release/phusong}"
if [ ! -x "$bin" ]; then bash scripts/ensure-deps.sh; swift build -c release --product phusong >&2; fi
geodata="${PHUSONG_SHARED:-$root/../shared}/geodata"
if [ ! -f "$geodata/vn-national-2025/villages.csv" ]; then
  echo "dask-national-check.sh: skipped: $geodata/vn-national-2025 not found (set PHUSONG_SHARED)" >&2
  exit 0
fi
geodata=$(cd "$geodata" && pwd)
venv=$(bash python/venv.sh)
rm -rf "$out"
mkdir -p "$out"
inputs=(--villages "$geodata/vn-national-2025/villages.csv" --cells "$geodata/vn-national-2025/cells.csv"
        --admin "$geodata/vn-admin-2025/vn_provinces_34_simplified.geojson" --month 2026-05 "${terrain[@]}")
"$bin" report "${inputs[@]}" --threads 2 --quiet --out "$out/single"
"$venv/bin/phusong-dask" report --local-workers 2 "${inputs[@]}" --tile-size "$size" --phusong "$bin" \
  --timings "$out/timings.csv" --out "$out/dask" 2> "$out/dask.log" || { tail -n 40 "$out/dask.log" >&2; exit 1; }
tail -n 3 "$out/dask.log"
differ=0
for file in "$out"/single/*; do
  name=$(basename "$file")
  if cmp -s "$file" "$out/dask/$name"; then echo "same: $name"; else echo "DIFFERS: $name"; differ=1; fi
done
[ "$(ls "$out/single" | wc -l)" = "$(ls "$out/dask" | wc -l)" ] || { echo "the two folders hold different files"; differ=1; }
tiles=$(($(wc -l < "$out/timings.csv") - 1))
if [ "$differ" = 0 ]; then
  echo "national report through 2 local Dask workers ($tiles tiles of ${size}°): byte-identical to phusong report"
else
  echo "national report through 2 local Dask workers ($tiles tiles of ${size}°): DIFFERS from phusong report" >&2
  exit 1
fi
