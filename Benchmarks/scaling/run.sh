#!/usr/bin/env bash
# The scaling table (issue 6): `phusong report --no-area` and `phusong plan`, with 1 and 2
# threads, on synthetic scenarios of 10,000, 100,000 and 1,000,000 villages.
#
#   bash Benchmarks/scaling/run.sh                                # the whole table (run it on a quiet machine)
#   bash Benchmarks/scaling/run.sh --sizes 10000 --runs 1         # a quick check
#   bash Benchmarks/scaling/run.sh --sizes 10000,100000 --skip-plan
#   PHUSONG_RSRP_RATE=25e6 bash Benchmarks/scaling/run.sh         # this rate for the floor instead of radio-rate's
#   bash Benchmarks/scaling/run.sh --render-only                  # the tables again from results.json
#   bash Benchmarks/scaling/run.sh --help                         # every option
#
# 1. phusong: built in release mode with its own scratch path (.build-scaling), unless
#    PHUSONG_BIN points at a binary already built.
# 2. scaling.py (standard library only): makes the scenarios with `phusong synth --villages N
#    --seed 1` into .build-scaling/scenarios/n<N>-seed<S>/ (kept: a re-run skips them), times
#    every command, writes results.json and results.csv there and the tables between the
#    `<!-- scaling:begin -->` and `<!-- scaling:end -->` markers of Benchmarks/README.md.
#    The floor of the village search: the RSRP evaluations `report` counts (its `Search:` line)
#    over the rate `phusong radio-rate --json` measures once per run ((cell, village) pairs/s
#    on one core; PHUSONG_RSRP_RATE or --rsrp-rate replace it), divided by the threads.
#
# Runs per configuration: 3 up to 100,000 villages and 1 above (--runs R for all).
# Peak memory comes from /usr/bin/time (installed with apt-get when missing), else getrusage.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
helper="$root/Benchmarks/scaling/scaling.py"

for arg in "$@"; do
  case "$arg" in
    -h|--help) exec python3 "$helper" --help ;;
    --render-only) exec python3 "$helper" "$@" ;;  # nothing to build or run
  esac
done

source Benchmarks/scaling/phusong-bin.sh  # PHUSONG_BIN, built here unless given

exec python3 "$helper" "$@"
