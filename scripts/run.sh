#!/usr/bin/env bash
# The main job: builds phusong in release mode and runs it. With no arguments it checks the
# embedded default data set (geodata/default) with `phusong validate`; any arguments are
# passed to phusong instead (e.g. `scripts/run.sh validate --villages v.csv --cells c.csv`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift build -c release --product phusong >&2
if [ $# -eq 0 ]; then
  set -- validate
fi
exec .build/release/phusong "$@"
