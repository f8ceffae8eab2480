#!/usr/bin/env bash
# Runs the documented commands that the documentation test (ReadmeCommandsTests) lists but does
# not run, because they build in release mode or take minutes: every `scripts/run.sh …`,
# `bash scripts/format-roundtrip.sh`, `bash scripts/dask-report.sh …` (phusong-dask, docs/dask.md),
# `bash Benchmarks/…` and `cd Benchmarks && swift package … benchmark …` line of the ```sh blocks in README.md and
# docs/*.md, in order, from the repository root. CI (.ci/run) calls it, so that every command
# the documentation shows is run by a test or by CI. `scripts/test.sh` and
# `notebooks/run-all.sh` are left out: .ci/run runs them itself.
#
#   bash scripts/run-listed-commands.sh          # run them
#   bash scripts/run-listed-commands.sh --list   # only print them
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t commands < <(python3 - README.md docs/*.md <<'PY'
import re, sys
seen = []
for path in sys.argv[1:]:
    inside = False
    for line in open(path, encoding="utf-8"):
        stripped = line.strip()
        if stripped.startswith("```"):
            inside = stripped in ("```sh", "```bash") if not inside else False
            continue
        if not inside:
            continue
        command = re.sub(r"\s+#.*$", "", stripped)
        if (command.startswith(("scripts/run.sh", "bash Benchmarks/", "bash scripts/format-roundtrip.sh",
                                "bash scripts/dask-report.sh"))
                or re.match(r"cd Benchmarks && swift package .*benchmark", command)):
            if command not in seen:
                seen.append(command)
print("\n".join(seen))
PY
)
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${commands[@]}"
  exit 0
fi
shared="${PHUSONG_SHARED:-../shared}"
# One release build for every command: the Benchmarks scripts use PHUSONG_BIN instead of
# building their own copy.
bash scripts/ensure-deps.sh
swift build -c release --product phusong >&2
export PHUSONG_BIN="$PWD/.build/release/phusong"
for command in "${commands[@]}"; do
  if [[ "$command" == *"../shared/"* ]] && [ ! -d "$shared/geodata" ]; then
    echo "skipped (needs ../shared/geodata): $command"
    continue
  fi
  echo "+ $command"
  start=$(date +%s)
  (bash -c "$command") >/tmp/phusong-listed-command.log 2>&1 || {
    tail -n 40 /tmp/phusong-listed-command.log
    echo "FAILED: $command" >&2
    exit 1
  }
  tail -n 3 /tmp/phusong-listed-command.log | sed 's/^/    /'
  echo "  ok ($(($(date +%s) - start)) s)"
done
echo "listed commands: ${#commands[@]} run"
