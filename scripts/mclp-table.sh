#!/usr/bin/env bash
# Runs `phusong mclp` on every row of ../shared/geodata/mclp-instances/OPTIMA.csv and prints a
# Markdown table: objective, published optimum, share of it, bound, proven gap, time.
# Exit 1 when a row is below 99.5 % of its optimum or its bound is below the optimum.
#
#   bash scripts/mclp-table.sh            # builds phusong in release mode first
#   PHUSONG_BIN=.build/release/phusong bash scripts/mclp-table.sh
set -euo pipefail
cd "$(dirname "$0")/.."
instances="${PHUSONG_SHARED:-../shared}/geodata/mclp-instances"
if [ ! -f "$instances/OPTIMA.csv" ]; then
  echo "skipped: $instances/OPTIMA.csv not found (../shared beside the checkout)" >&2
  exit 0
fi
if [ -z "${PHUSONG_BIN:-}" ]; then
  swift build -c release --product phusong >&2
  PHUSONG_BIN=.build/release/phusong
fi
python3 - "$PHUSONG_BIN" "$instances" <<'PY'
import csv, json, subprocess, sys
binary, folder = sys.argv[1], sys.argv[2]
print("| instance | S | p | objective | optimum | share | bound | gap | seconds |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
failed = []
with open(f"{folder}/OPTIMA.csv", newline="") as handle:
    for row in csv.DictReader(handle):
        name = row["instance"]
        if name == "spopt-sf" or name.lower().startswith("spopt"):
            base = f"{folder}/spopt-sf"
            extra = ["--cost-matrix", f"{base}/cost_matrix.csv"]
        else:
            base = f"{folder}/sjc/{name}"
            extra = []
        command = [binary, "mclp", "--demand", f"{base}/demand.csv", "--candidates", f"{base}/candidates.csv",
                   "--radius", row["S"], "--p", row["p"], "--metric", "euclidean", "--json", *extra]
        result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        optimum = float(row["optimum"])
        share = result["objective"] / optimum
        if share < 0.995 or result["bound"] < optimum:
            failed.append(f"{name} S={row['S']} p={row['p']}")
        print(f"| {name} | {row['S']} | {row['p']} | {result['objective']:,.0f} | {optimum:,.0f} | {100 * share:.2f} % "
              f"| {result['bound']:,.0f} | {100 * result['gap']:.2f} % | {result['seconds']:.2f} |")
if failed:
    print("below 99.5 % of the optimum or bound below it: " + ", ".join(failed), file=sys.stderr)
    sys.exit(1)
PY
