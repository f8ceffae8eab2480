#!/usr/bin/env bash
# The benchmark check: runs the benchmarks of thresholds.list and compares the p90 of each
# metric with the committed thresholds in Thresholds/ (package-benchmark's
# `benchmark thresholds check`), allowing the tolerances of
# `BenchmarkSettings.thresholdTolerances` (CPU time 25 %, wall clock 35 %, mallocs 10 %, peak
# memory 20 %).
# Fails (exit 1) when any is worse: a regression of the national report or plan time.
# A run better than a threshold by more than its tolerance passes, with a note to lower the
# thresholds (bash Benchmarks/update-thresholds.sh). Benchmarks that need ../shared are left
# out when it is absent (each suite says so).
#
#   bash Benchmarks/check-thresholds.sh
#
# The thresholds were measured on this project's 2-core machine; on another machine, make
# your own with update-thresholds.sh before checking.
set -euo pipefail
cd "$(dirname "$0")"
source ./thresholds-args.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift package --disable-sandbox benchmark thresholds check "${selection[@]}" \
  --path "$PWD/Thresholds" --no-progress 2>&1 | tee "$log" || status=$?

if grep -q "is WORSE than the defined thresholds" "$log"; then
  echo "check-thresholds: REGRESSION: a benchmark is worse than its committed threshold (table above)" >&2
  exit 1
fi
if grep -q "is BETTER than the defined thresholds" "$log"; then
  echo "check-thresholds: passed; some benchmarks are better than their thresholds by more than the tolerance:"
  echo "check-thresholds: lower the thresholds with bash Benchmarks/update-thresholds.sh and commit them"
  exit 0
fi
if grep -q "is EQUAL to the defined thresholds" "$log"; then
  echo "check-thresholds: passed: every benchmark within its tolerance of the committed thresholds"
  exit 0
fi
echo "check-thresholds: the check did not run to its verdict (exit $status; output above)" >&2
exit 1
