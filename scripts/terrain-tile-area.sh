#!/usr/bin/env bash
# The terrain acceptance figure (docs/terrain.md): the national 2025 scenario's villages and
# cells inside the SRTM tile N21E105 (21–22° N, 105–106° E, bounds closed), reported with the
# empirical model and over the terrain; prints how many villages change status and checks that
# every one of them is a terrain_shadow dead zone.
#   bash scripts/terrain-tile-area.sh [OUT_DIR]
# Uses $PHUSONG_BIN, or the release build (made when missing); ../shared or $PHUSONG_SHARED.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${PHUSONG_BIN:-$PWD/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release --product phusong >&2; fi
shared="${PHUSONG_SHARED:-$PWD/../shared}/geodata"
out="${1:-out/terrain-tile-area}"
mkdir -p "$out"
for table in villages cells; do
  # lon and lat columns by name; no quoted fields in these files.
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "lon") x = i; if ($i == "lat") y = i }; print; next }
           $y >= 21 && $y <= 22 && $x >= 105 && $x <= 106' "$shared/vn-national-2025/$table.csv" > "$out/$table.csv"
done
"$bin" report --villages "$out/villages.csv" --cells "$out/cells.csv" --no-area --out "$out/empirical"
"$bin" report --villages "$out/villages.csv" --cells "$out/cells.csv" --terrain "$shared/vn-dem-srtm3" --out "$out/terrain"
python3 - "$out" <<'PY'
import csv, sys
out = sys.argv[1]
def column(path, name):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["village_id"]: row[name] for row in csv.DictReader(f)}
before = column(f"{out}/empirical/villages.csv", "connected")
after = column(f"{out}/terrain/villages.csv", "connected")
reasons = column(f"{out}/terrain/deadzones.csv", "reason")
changed = [v for v in before if before[v] != after[v]]
shadow = [v for v in changed if reasons.get(v, "").startswith("terrain_shadow")]
print(f"{len(changed)} of {len(before)} villages change status; {len(shadow)} of them are terrain_shadow dead zones")
sys.exit(0 if len(shadow) == len(changed) else 1)
PY
