#!/usr/bin/env bash
# phusong vs numpy/scipy/pandas/shapely: equal indicators, agreeing areas, and both run times.
#
#   bash Benchmarks/compare/run.sh                      # national scenario (../shared/geodata), N=3
#   bash Benchmarks/compare/run.sh --scenario default   # embedded default data, a quick check
#   bash Benchmarks/compare/run.sh --help               # every option (runs, threads, --no-area, …)
#
# setup.sh makes the virtualenv and builds phusong (or takes PHUSONG_BIN); compare.py runs
# both, checks, prints the timing tables, writes results.json into the output folder
# (.build-compare/out/<scenario>/ unless --out). Exit 1 when anything differs.
# The whole-process comparison with the peer is scripts/compare-peer.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/compare/setup.sh
exec "$PYTHON" Benchmarks/compare/compare.py "$@"
