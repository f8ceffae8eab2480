#!/usr/bin/env bash
# Runs the whole test suite: the module-graph check, a build that must be free of warnings in the project's own code,
# every test (those that need ../shared/geodata say so when they skip), the Dask driver's tests
# (pytest, python/run-tests.sh: a virtualenv under .build-dask/, dask from PyPI, the debug build
# on a two-worker local cluster), and the GEOS layer's tests once more under the thread sanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
# gdal-bin: ogr2ogr converts inputs to the GIS formats for the GIS input and round-trip tests.
bash scripts/ensure-deps.sh gdal-bin

# The layers of docs/architecture.md, Package.swift and every import agree (seconds, no build).
python3 scripts/check-module-graph.py

log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log"
if grep -E "^/.*/(Sources|Tests)/.*: warning:" "$log" | grep -v "/.build" | sort -u | grep .; then
  echo "error: the build has warnings in the project's own code (listed above)" >&2
  exit 1
fi

swift test --skip-build

# phusong-dask (python/, docs/dask.md): tile plan, faults and end-to-end runs on LocalCluster(2 workers).
PHUSONG_BIN="$PWD/.build/debug/phusong" bash python/run-tests.sh

# Thread sanitizer pass over the GEOS layer (contexts per task, parallel STRtree/prepared use).
swift test --scratch-path .build-tsan --sanitize=thread --filter GEOSKitTests
