#!/usr/bin/env bash
# The distributed terrain benchmark (issue 20, point 5; docs/benchmarks.md, "Tiles on Dask"): the
# national 2025 scenario reported with --terrain over SYNTHETIC 3″ tiles (`phusong synth --dem`,
# seed 2025; not real elevation), once by one phusong process (--threads 2) and then by
# phusong-dask through a local Dask cluster of 2 workers (one thread each) for each tile size.
# Prints, per run, the load average at its start, the wall clock, the CPU time (user + system of
# the process and every child it waited for: for phusong-dask the driver, the Dask scheduler and
# workers, every tile's phusong and the merge), the tile count, the sum of the tiles' CPU, the
# merge's CPU, and whether the merged report is byte-identical to the single process's; then
# the per-tile times (the largest tiles) and the CPU of one empty tile (what every tile pays
# whatever its size: loading the inputs and preparing the cells).
#   bash scripts/dask-terrain-bench.sh [--tile-sizes "8 4 1"] [--max-villages N] [--dem DIR] [--out DIR] [--workers N]
# --max-villages: phusong-dask's --max-villages-per-tile (default 1000000: no split, the tile
# count is the grid's).
# --dem: the tiles (written by `phusong synth --dem DIR --seed 2025` when DIR has no README.txt;
# 370 MB), default $TMPDIR/phusong-synthetic-dem-2025. --out: reports and logs, default
# $TMPDIR/phusong-dask-terrain-bench (replaced). Uses $PHUSONG_BIN, or the release build (made
# when missing); ../shared or $PHUSONG_SHARED; the virtualenv of python/venv.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes="8 4 1"
max_villages=1000000
workers=2
tmp="${TMPDIR:-/tmp}"
dem="$tmp/phusong-synthetic-dem-2025"
out="$tmp/phusong-dask-terrain-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --tile-sizes) sizes=$2; shift 2 ;;
    --max-villages) max_villages=$2; shift 2 ;;
    --dem) dem=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "dask-terrain-bench.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
bin="${PHUSONG_BIN:-$root/.build/release/phusong}"
if [ ! -x "$bin" ]; then swift build -c release --product phusong >&2; fi
nat="${PHUSONG_SHARED:-$root/../shared}/geodata/vn-national-2025"
[ -f "$nat/villages.csv" ] || { echo "dask-terrain-bench.sh: $nat/villages.csv not found (set PHUSONG_SHARED)" >&2; exit 66; }
nat=$(cd "$nat" && pwd)
if [ ! -f "$dem/README.txt" ]; then "$bin" synth --dem "$dem" --seed 2025; fi
dem=$(cd "$dem" && pwd)
venv=$(bash python/venv.sh)
rm -rf "$out"
mkdir -p "$out"
month=2026-05
inputs=(--villages "$nat/villages.csv" --cells "$nat/cells.csv" --terrain "$dem" --month "$month")

run() { # NAME COMMAND…: /usr/bin/time -v of the command, its load average at start, its output
  local name=$1; shift
  mkdir -p "$out/$name"
  cut -d' ' -f1-3 /proc/loadavg > "$out/$name/load"
  /usr/bin/time -v -o "$out/$name/time" "$@" > "$out/$name/stdout" 2> "$out/$name/stderr"
  echo "$name: done (load at start $(cat "$out/$name/load"))" >&2
}

# A merged report has no coverage overlay (docs/tiles.md): the single run leaves it out too.
run single "$bin" report "${inputs[@]}" --no-overlay --threads 2 --quiet --out "$out/single/report"
run empty-tile "$bin" report "${inputs[@]}" --threads 1 --tile 0,0,1,1 --partial --quiet --out "$out/empty-tile/partial"
for size in $sizes; do
  run "dask-$size" "$venv/bin/phusong-dask" report --local-workers "$workers" "${inputs[@]}" --tile-size "$size" \
    --max-villages-per-tile "$max_villages" --phusong "$bin" --merge-threads 2 --timings "$out/dask-$size/timings.csv" --out "$out/dask-$size/report"
done

"$venv/bin/python" - "$out" "$sizes" <<'PY'
import csv, hashlib, os, re, statistics, sys
out, sizes = sys.argv[1], sys.argv[2].split()
def grab(pattern, text):
    m = re.search(pattern, text)
    return float(m[1]) if m else float("nan")
def wall(text):
    h = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)", text)[1].split(":")
    return sum(float(x) * 60 ** i for i, x in enumerate(reversed(h)))
def measured(name):
    t = open(f"{out}/{name}/time", encoding="utf-8").read()
    return dict(load=open(f"{out}/{name}/load").read().strip(), wall=wall(t),
                cpu=grab(r"User time \(seconds\): ([\d.]+)", t) + grab(r"System time \(seconds\): ([\d.]+)", t),
                rss=grab(r"Maximum resident set size \(kbytes\): (\d+)", t) / 1024 ** 2)
def digests(folder):
    return {name: hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest() for name in sorted(os.listdir(folder))}
single = measured("single")
reference = digests(f"{out}/single/report")
empty = measured("empty-tile")
print("\n| run | tiles | load average at start | wall | CPU (user + sys), all processes | tiles' CPU (sum) | merge CPU | CPU vs one process | peak RSS (largest process) | report |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---|")
print(f"| one process, 2 threads | – | {single['load']} | {single['wall']:.1f} s | {single['cpu']:.1f} s | – | – | 1.00 | {single['rss']:.2f} GiB | reference |")
details = {}
for size in sizes:
    name = f"dask-{size}"
    m = measured(name)
    with open(f"{out}/{name}/timings.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    merge = grab(r"merged in .*?\(CPU ([\d.]+) s\)", open(f"{out}/{name}/stderr", encoding="utf-8").read())
    tiles_cpu = sum(float(r["cpu_s"]) for r in rows)
    same = digests(f"{out}/{name}/report") == reference
    details[size] = rows
    print(f"| phusong-dask, 2 workers, {size}° tiles | {len(rows)} | {m['load']} | {m['wall']:.1f} s | {m['cpu']:.1f} s | {tiles_cpu:.1f} s "
          f"| {merge:.1f} s | {m['cpu'] / single['cpu']:.2f} | {m['rss']:.2f} GiB | {'byte-identical' if same else 'DIFFERS'} |")
print(f"\none empty tile (--tile 0,0,1,1: loading, preparing the cells, writing an empty partial): CPU {empty['cpu']:.2f} s, "
      f"peak RSS {empty['rss']:.2f} GiB (load {empty['load']})")
for size, rows in details.items():
    cpus = sorted(float(r["cpu_s"]) for r in rows)
    print(f"\n{size}° tiles: {len(rows)} tiles; tile CPU min {cpus[0]:.2f} s, median {statistics.median(cpus):.2f} s, max {cpus[-1]:.2f} s; "
          f"the 5 largest by CPU:")
    for r in sorted(rows, key=lambda r: -float(r["cpu_s"]))[:5]:
        print(f"  {r['bounds']}: {int(r['villages']):,} villages, CPU {float(r['cpu_s']):.2f} s, wall {float(r['wall_s']):.2f} s")
print("\nThe terrain is SYNTHETIC (phusong synth --dem, seed 2025): not real elevation.")
sys.exit(0 if all(digests(f"{out}/dask-{s}/report") == reference for s in sizes) else 1)
PY
