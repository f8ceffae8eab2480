#!/usr/bin/env bash
# The national terrain benchmark (issue 17, benchmark b; docs/benchmarks.md, "Terrain"): the
# national 2025 scenario reported with --terrain over SYNTHETIC 3″ tiles (`phusong synth --dem`,
# seed 2025; not real elevation), with 1 and 2 threads run alternately. Prints, per run, the
# load average at its start, wall clock, CPU time (user + system), peak resident memory
# (/usr/bin/time -v), the coverage step, ITM profiles computed and pruned, village–cell pairs per
# second; then the medians and the speed-up, and whether every run wrote the same bytes.
#   bash scripts/terrain-national-bench.sh [--runs N] [--dem DIR] [--out DIR]
# --runs: rounds of (1 thread, 2 threads), default 1. --dem: the tiles (written by `phusong synth
# --dem DIR --seed 2025` when DIR has no README.txt; 370 MB), default $TMPDIR/phusong-synthetic-dem-2025.
# --out: the reports and logs, default $TMPDIR/phusong-terrain-national-bench (replaced).
# Uses $PHUSONG_BIN, or the release build (made when missing); ../shared or $PHUSONG_SHARED.
# Needs python3 with numpy and scipy (the exact count of pairs in range).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
tmp="${TMPDIR:-/tmp}"
dem="$tmp/phusong-synthetic-dem-2025"
out="$tmp/phusong-terrain-national-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --dem) dem=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "terrain-national-bench.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "terrain-national-bench.sh: --runs $runs: expected a whole number of 1 or more" >&2; exit 64 ;; esac
bin="${PHUSONG_BIN:-$PWD/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release --product phusong >&2; fi
nat="${PHUSONG_SHARED:-$PWD/../shared}/geodata/vn-national-2025"
[ -f "$nat/villages.csv" ] || { echo "terrain-national-bench.sh: $nat/villages.csv not found (set PHUSONG_SHARED)" >&2; exit 66; }
if [ ! -f "$dem/README.txt" ]; then "$bin" synth --dem "$dem" --seed 2025; fi
rm -rf "$out"
mkdir -p "$out"

# Every village and cell in a tile of the folder, and the tiles a full rectangle: a profile runs
# straight in (lat, lon) between two points of the rectangle, so it never leaves the tiles.
# Then the exact number of village–cell pairs within max_range_m (35 km, the contract's haversine
# radius): what an exhaustive search would profile.
python3 - "$nat" "$dem" > "$out/pairs-in-range.txt" <<'PY'
import csv, math, os, re, sys
import numpy as np
from scipy.spatial import cKDTree
nat, dem = sys.argv[1:3]
tiles = set()
for name in os.listdir(dem):
    m = re.fullmatch(r"([NS])(\d\d)([EW])(\d{3})\.hgt", name)
    if m:
        tiles.add(((1 if m[1] == "N" else -1) * int(m[2]), (1 if m[3] == "E" else -1) * int(m[4])))
souths = sorted({s for s, _ in tiles}); wests = sorted({w for _, w in tiles})
full = len(tiles) == (souths[-1] - souths[0] + 1) * (wests[-1] - wests[0] + 1)
def points(table):
    with open(f"{nat}/{table}.csv", encoding="utf-8-sig", newline="") as f:
        rows = [(float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)]
    outside = [p for p in rows if (math.floor(p[0]), math.floor(p[1])) not in tiles]
    if outside:
        sys.exit(f"{table}.csv: {len(outside)} points in no tile of {dem}, e.g. {outside[0]}")
    return np.radians(np.array(rows))
if not full:
    sys.exit(f"{dem}: the tiles do not form a full rectangle; a profile could leave them")
def unit(p):
    return np.column_stack((np.cos(p[:, 0]) * np.cos(p[:, 1]), np.cos(p[:, 0]) * np.sin(p[:, 1]), np.sin(p[:, 0])))
villages, cells = points("villages"), points("cells")
chord = 2 * math.sin(35000.0 / 6371008.8 / 2)
counts = cKDTree(unit(cells)).query_ball_point(unit(villages), chord, return_length=True)
print(int(np.sum(counts)), len(villages), len(cells), len(tiles))
PY
read -r pairs nvillages ncells ntiles < "$out/pairs-in-range.txt"
echo "inputs: $nvillages villages, $ncells cells, all inside $ntiles synthetic tiles (a full rectangle); $pairs village–cell pairs within 35 km"

for round in $(seq 1 "$runs"); do
  for threads in 1 2; do
    run="$out/r$round-t$threads"
    mkdir -p "$run"
    cut -d' ' -f1-3 /proc/loadavg > "$run/load"
    /usr/bin/time -v -o "$run/time" "$bin" report --villages "$nat/villages.csv" --cells "$nat/cells.csv" \
      --terrain "$dem" --threads "$threads" --out "$run/report" > "$run/stdout" 2> "$run/stderr"
    (cd "$run/report" && find . -type f | LC_ALL=C sort | xargs sha256sum) > "$run/checksums"
    echo "round $round, $threads thread(s): done (load at start $(cat "$run/load"))" >&2
  done
done

python3 - "$out" "$runs" "$pairs" <<'PY'
import glob, re, statistics, sys
out, runs, pairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def grab(pattern, text, cast=float):
    m = re.search(pattern, text)
    if not m:
        sys.exit(f"not found: {pattern}")
    return cast(m[1].replace(",", ""))
def wall(text):
    h = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text)[1].split(":")
    return sum(float(x) * 60 ** i for i, x in enumerate(reversed(h)))
rows = []
for round in range(1, runs + 1):
    for threads in (1, 2):
        d = f"{out}/r{round}-t{threads}"
        t, so, se = (open(f"{d}/{n}", encoding="utf-8").read() for n in ("time", "stdout", "stderr"))
        rows.append(dict(
            round=round, threads=threads, load=open(f"{d}/load").read().strip(), wall=wall(t),
            cpu=grab(r"User time \(seconds\): ([\d.]+)", t) + grab(r"System time \(seconds\): ([\d.]+)", t),
            rss=grab(r"Maximum resident set size \(kbytes\): (\d+)", t, int) / 1024 ** 2,
            coverage=grab(r"coverage ([\d.]+) s", se), villages=grab(r"villages ([\d.]+) s", se),
            profiles=grab(r"profiles ([\d,]+)", so, int), checksums=open(f"{d}/checksums").read()))
print("\n| round | threads | load average at start | wall | CPU | peak RSS | coverage step | profiles computed | pruned | pairs in range / s (wall) |")
print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r['round']} | {r['threads']} | {r['load']} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {r['rss']:.2f} GiB | {r['coverage']:.1f} s "
          f"| {r['profiles']:,} | {pairs - r['profiles']:,} | {pairs / r['wall']:,.0f} |")
med = {t: {k: statistics.median(r[k] for r in rows if r["threads"] == t) for k in ("wall", "cpu", "rss", "coverage")} for t in (1, 2)}
print(f"\nmedians: 1 thread wall {med[1]['wall']:.1f} s, CPU {med[1]['cpu']:.1f} s, peak {med[1]['rss']:.2f} GiB; "
      f"2 threads wall {med[2]['wall']:.1f} s, CPU {med[2]['cpu']:.1f} s, peak {med[2]['rss']:.2f} GiB")
print(f"speed-up 1 → 2 threads: wall {med[1]['wall'] / med[2]['wall']:.2f}×, coverage step {med[1]['coverage'] / med[2]['coverage']:.2f}×")
print(f"pairs within 35 km: {pairs:,}; profiles computed {rows[0]['profiles']:,} ({100 * rows[0]['profiles'] / pairs:.1f} %), "
      f"pruned {pairs - rows[0]['profiles']:,}; {pairs / med[2]['wall']:,.0f} pairs in range per second of wall on 2 threads")
same = len({r["checksums"] for r in rows}) == 1 and len({r["profiles"] for r in rows}) == 1
print("outputs: " + ("byte-identical in every run (1 and 2 threads)" if same else "DIFFER between runs"))
print("The terrain is SYNTHETIC (phusong synth --dem, seed 2025): not real elevation.")
sys.exit(0 if same else 1)
PY
