# Sourced by run.sh and threads.sh from the repository root: sets and exports PHUSONG_BIN.
# Unless PHUSONG_BIN already names a binary, installs what is missing (GNU time for peak
# memory included) and builds phusong in release mode with its own scratch path
# (.build-scaling), marking the binary as built from the working tree.
extra=()
[ -x /usr/bin/time ] || extra+=(time)
if [ -z "${PHUSONG_BIN:-}" ]; then
  bash scripts/ensure-deps.sh "${extra[@]}"
  swift build -c release --product phusong --scratch-path .build-scaling >&2
  PHUSONG_BIN="$(pwd)/.build-scaling/release/phusong"
  export PHUSONG_BUILT_HERE=1  # the binary matches the working tree
fi
if [ ! -x "$PHUSONG_BIN" ]; then
  echo "error: PHUSONG_BIN=$PHUSONG_BIN is not an executable" >&2
  exit 1
fi
export PHUSONG_BIN
