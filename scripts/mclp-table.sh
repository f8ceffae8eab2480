#!/usr/bin/env bash
# Runs `phusong mclp` on every row of an OPTIMA.csv and prints a Markdown table: objective,
# published optimum or best-known value, share of it, upper bound, proven gap, wall time
# (the whole command, loading included; the median of --runs runs).
#
#   bash scripts/mclp-table.sh                       # the small published set (mclp-instances)
#   bash scripts/mclp-table.sh --large               # the AILS-MCLP set (mclp-instances-large)
#   bash scripts/mclp-table.sh --large --runs 3 -- --threads 2   # extra arguments after --
#   bash scripts/mclp-table.sh --exact               # exact mode (CBC) on the small set
#   PHUSONG_BIN=.build/release/phusong bash scripts/mclp-table.sh
#   bash scripts/mclp-table.sh --large --runs 3 --write large   # also into docs/benchmarks.md
#
# --write NAME replaces what lies between `<!-- mclp-NAME:begin -->` and `<!-- mclp-NAME:end -->`
# in docs/benchmarks.md with the table, the machine, the commit and the exact command.
#
# Exit 1 when a row is below 99.9 % of its reference value, its bound is below the reference,
# a run takes more than 30 s, or (large set) the proven gap is above 2 %.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=mclp-instances
runs=1
write=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --large) set_name=mclp-instances-large; shift ;;
    --exact) extra+=(--exact); shift ;;
    --runs) runs="$2"; shift 2 ;;
    --write) write="$2"; shift 2 ;;
    --) shift; extra+=("$@"); break ;;
    *) echo "usage: $0 [--large] [--exact] [--runs N] [--write NAME] [-- mclp arguments]" >&2; exit 64 ;;
  esac
done
instances="${PHUSONG_SHARED:-../shared}/geodata/$set_name"
if [ ! -f "$instances/OPTIMA.csv" ]; then
  echo "skipped: $instances/OPTIMA.csv not found (../shared beside the checkout)" >&2
  exit 0
fi
if [ -z "${PHUSONG_BIN:-}" ]; then
  swift build -c release --product phusong >&2
  PHUSONG_BIN=.build/release/phusong
fi
table=$(mktemp)
trap 'rm -f "$table"' EXIT
status=0
python3 - "$PHUSONG_BIN" "$instances" "$set_name" "$runs" "${extra[@]}" <<'PY' | tee "$table" || status=$?
import csv, json, os, statistics, subprocess, sys, time
binary, folder, set_name, runs, extra = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
large = set_name.endswith("large")
reference = "best-known" if large else "optimum"
print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; arguments: {' '.join(extra) or '(defaults)'}; runs: {runs}")
print()
print(f"| instance | S | p | objective | {reference} | share | bound | gap | bound / {reference} | seconds |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
failed = []
with open(f"{folder}/OPTIMA.csv", newline="") as handle:
    for row in csv.DictReader(handle):
        name = row["instance"]
        if large:
            base = f"{folder}/{row['dir']}"
            inputs = ["--cost-matrix", f"{base}/cost_matrix.csv"]
        elif name.lower().startswith("spopt"):
            base = f"{folder}/spopt-sf"
            inputs = ["--cost-matrix", f"{base}/cost_matrix.csv"]
        else:
            base = f"{folder}/sjc/{name}"
            inputs = ["--metric", "euclidean"]
        command = [binary, "mclp", "--demand", f"{base}/demand.csv", "--candidates", f"{base}/candidates.csv",
                   "--radius", row["S"], "--p", row["p"], "--json", *inputs, *extra]
        results, walls = [], []
        for _ in range(runs):
            start = time.monotonic()
            results.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
            walls.append(time.monotonic() - start)
        result = results[len(results) // 2]
        wall = statistics.median(walls)
        best = float(row["optimum"])
        share = result["objective"] / best
        if share < 0.999 or result["bound"] < best or wall > 30 or (large and result["gap"] > 0.02):
            failed.append(f"{name} S={row['S']} p={row['p']}")
        print(f"| {name} | {row['S']} | {row['p']} | {result['objective']:,.0f} | {best:,.0f} | {100 * share:.2f} % "
              f"| {result['bound']:,.0f} | {100 * result['gap']:.2f} % | {100 * result['bound'] / best:.2f} % | {wall:.1f} |", flush=True)
print()
print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
if failed:
    print("below 99.9 %, bound below the reference, over 30 s or (large) gap over 2 %: " + ", ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
if [ -n "$write" ]; then
  python3 - "$write" "$table" "$0 $*" <<'PY'
import datetime, os, re, subprocess, sys
name, table, command = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3]
path = "docs/benchmarks.md"
begin, end = f"<!-- mclp-{name}:begin -->", f"<!-- mclp-{name}:end -->"
text = open(path).read()
if begin not in text or end not in text:
    sys.exit(f"{path} has no {begin} … {end} markers")
commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True).stdout.strip()
dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown CPU")
stamp = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
header = (f"Made by `bash {command.strip()}` on {stamp} ({os.cpu_count()} cores, {cpu}; "
          f"commit `{commit}`{' with uncommitted changes' if dirty else ''}). *seconds*: the whole command, loading included.")
body = f"{begin}\n\n{header}\n\n{table.strip()}\n\n{end}"
text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: body, text, flags=re.S)
open(path, "w").write(text)
print(f"wrote the table into {path} ({name})", file=sys.stderr)
PY
fi
exit "$status"
