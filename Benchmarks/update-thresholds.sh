#!/usr/bin/env bash
# Measures the benchmarks of thresholds.list and writes their p90 into Thresholds/, the
# values check-thresholds.sh compares with (package-benchmark's `benchmark thresholds
# update`). Keeps, per benchmark, the metrics that have a tolerance in
# `BenchmarkSettings.thresholdTolerances` (CPU time, wall clock, mallocs, peak memory: any
# other metric would be compared exactly), and names each file as `thresholds check` reads it
# ("Target.benchmark name.p90.json"; `update` itself writes spaces as underscores). Run it on
# an otherwise idle machine, then review and commit Thresholds/.
#
#   bash Benchmarks/update-thresholds.sh
set -euo pipefail
cd "$(dirname "$0")"
source ./thresholds-args.sh

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update \
  "${selection[@]}" --path "$scratch" --no-progress

mkdir -p Thresholds
for entry in "${listed[@]}"; do
  target="${entry%%|*}"
  name="${entry#*|}"
  written="$scratch/$target.${name// /_}.p90.json"
  if [ ! -f "$written" ]; then
    echo "update-thresholds: no result for $target: $name (needs ../shared?); its threshold is left as it was" >&2
    continue
  fi
  python3 - "$written" "Thresholds/$target.$name.p90.json" <<'PY'
import json, sys
kept = ("cpuTotal", "wallClock", "mallocCountTotal", "peakMemoryResident")
values = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out:
    json.dump({key: values[key] for key in kept if key in values}, out, indent=2, sort_keys=True)
    out.write("\n")
PY
  echo "update-thresholds: Thresholds/$target.$name.p90.json"
done
