#!/usr/bin/env bash
# The main job: builds phusong in release mode and runs it. With no arguments it checks the
# embedded default data set (geodata/default) with `phusong validate`, then computes its
# coverage report with `phusong report` (into ./out/report); any arguments are passed to phusong
# instead (e.g. `scripts/run.sh report --villages v.csv --cells c.csv --out my-report`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift build -c release --product phusong >&2
if [ $# -eq 0 ]; then
  .build/release/phusong validate
  echo
  exec .build/release/phusong report --out out/report
fi
exec .build/release/phusong "$@"
