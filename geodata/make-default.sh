#!/usr/bin/env bash
# Regenerates the embedded default data set, geodata/default/{villages,cells}.csv, with the
# synthetic scenario generator (`phusong synth --preset default`). Deterministic: a second run
# leaves the files byte for byte as they were, and the test "geodata/default holds exactly
# what the default preset generates now" fails until this script is re-run after a change to
# the generator. Set SCRATCH_PATH to build into another folder than .build.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=()
if [[ -n "${SCRATCH_PATH:-}" ]]; then scratch=(--scratch-path "$SCRATCH_PATH"); fi
swift build -c release --product phusong "${scratch[@]}"
bin="$(swift build -c release --show-bin-path "${scratch[@]}")"
"$bin/phusong" synth --preset default --out geodata/default
