#!/usr/bin/env bash
# The thread speed-up of the coverage step (issue 6: at least 1.8× from 1 to 2 threads):
# `phusong report --no-area` on the national 2025 scenario, 7 runs with each thread count,
# interleaved, medians, written into Benchmarks/README.md (## Thread speed-up of the coverage step).
#
#   bash Benchmarks/scaling/threads.sh                      # the table (run it on a quiet machine)
#   bash Benchmarks/scaling/threads.sh --runs 3 --no-readme # a quick check
#   bash Benchmarks/scaling/threads.sh --help               # every option
#
# phusong is built in release mode with its own scratch path (.build-scaling), unless
# PHUSONG_BIN points at a binary already built. Without ../shared/geodata it says it skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
for arg in "$@"; do
  case "$arg" in -h|--help) exec python3 "$root/Benchmarks/scaling/threads.py" --help ;; esac
done
source Benchmarks/scaling/phusong-bin.sh
exec python3 "$root/Benchmarks/scaling/threads.py" "$@"
