#!/usr/bin/env bash
# The national report against the strongest numpy/scipy peer, whole process against whole
# process: `phusong report --no-area --threads 2` and Benchmarks/compare/peer.py (cKDTree ball
# queries, per-cell hoisted float64 path loss and antenna gain, pruning by a proven upper bound
# per operator/technology/band group, chunked), on the same CSV files, each writing its data
# files. Checks the results are equal, prints both medians and the ratio, and writes
# results.json (.build-compare/peer/<scenario>/ unless --out). Exit 1 when anything differs.
#
#   bash scripts/compare-peer.sh                          # national scenario: phusong 5 runs, peer 3
#   PHUSONG_BIN=.build/release/phusong bash scripts/compare-peer.sh   # a binary already built
#   bash scripts/compare-peer.sh --scenario dienbien      # the Điện Biên subset, seconds
#   bash scripts/compare-peer.sh --help                   # --runs, --peer-runs, --threads, --out, …
#
# See Benchmarks/compare/README.md ("The peer") for what the peer does and why it is fair.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/compare/setup.sh
exec "$PYTHON" Benchmarks/compare/compare_peer.py "$@"
