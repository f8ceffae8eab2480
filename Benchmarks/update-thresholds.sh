#!/usr/bin/env bash
# Measures the benchmarks of thresholds.list and writes their p90 into Thresholds/, the
# values check-thresholds.sh compares with (package-benchmark's `benchmark thresholds
# update`). Keeps, per benchmark, the metrics that have a tolerance in
# `BenchmarkSettings.thresholdTolerances` (CPU time, wall clock, mallocs, peak memory: any
# other metric would be compared exactly), and names each file as `thresholds check` reads it
# ("Target.benchmark name.p90.json"; `update` itself writes spaces as underscores).
#
# With --runs N (default 3) it measures N times and keeps, per metric, the largest p90 of the
# runs: on this shared 2-core virtual machine the CPU time of the same build moves by up to
# half from one quarter-hour to the next (Benchmarks/README.md), so a threshold taken from one
# quiet run fails the next run on noise. Review and commit Thresholds/ afterwards.
#
# With --only REGEX, only the lines of thresholds.list that match it (grep -E) are measured, so
# that a new benchmark's thresholds can be set without measuring every other one again.
#
#   bash Benchmarks/update-thresholds.sh [--runs N] [--only REGEX]
set -euo pipefail
cd "$(dirname "$0")"

runs=3
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --only) only="${2:?--only needs a regular expression}"; shift 2 ;;
    *) echo "update-thresholds: unknown argument $1 (usage: update-thresholds.sh [--runs N] [--only REGEX])" >&2; exit 64 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "update-thresholds: --runs must be a whole number from 1 (got $runs)" >&2; exit 64 ;; esac

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -n "$only" ]; then
  thresholdsList="$scratch/thresholds.list"
  grep -v '^#' thresholds.list | grep -E -- "$only" > "$thresholdsList" || {
    echo "update-thresholds: no line of thresholds.list matches '$only'" >&2; exit 64; }
fi
source ./thresholds-args.sh
for run in $(seq 1 "$runs"); do
  echo "update-thresholds: run $run of $runs ($(uptime | sed 's/.*load average/load average/'))"
  mkdir -p "$scratch/$run"
  swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update \
    "${selection[@]}" --path "$scratch/$run" --no-progress
done

mkdir -p Thresholds
for entry in "${listed[@]}"; do
  target="${entry%%|*}"
  name="${entry#*|}"
  written=()
  for run in $(seq 1 "$runs"); do
    file="$scratch/$run/$target.${name// /_}.p90.json"
    [ -f "$file" ] && written+=("$file")
  done
  if [ ${#written[@]} -eq 0 ]; then
    echo "update-thresholds: no result for $target: $name (needs ../shared?); its threshold is left as it was" >&2
    continue
  fi
  python3 - "Thresholds/$target.$name.p90.json" "${written[@]}" <<'PY'
import json, sys
kept = ("cpuTotal", "wallClock", "mallocCountTotal", "peakMemoryResident")
runs = [json.load(open(path)) for path in sys.argv[2:]]
largest = {key: max(run[key] for run in runs if key in run) for key in kept if any(key in run for run in runs)}
with open(sys.argv[1], "w") as out:
    json.dump(largest, out, indent=2, sort_keys=True)
    out.write("\n")
PY
  echo "update-thresholds: Thresholds/$target.$name.p90.json"
done
