# Sourced by Benchmarks/compare/run.sh and scripts/compare-peer.sh, from the repository root:
# sets PYTHON (the pinned virtualenv's interpreter) and exports PHUSONG_BIN.
#
# 1. Python: a virtualenv in .build-compare/venv with Benchmarks/compare/requirements.txt,
#    reinstalled only when that file changes.
# 2. phusong: built in release mode with its own scratch path (.build-compare/swift), unless
#    PHUSONG_BIN points at a binary already built or the caller was given --phusong.
# The Python side runs on one core: no library may start threads of its own.
root=$(pwd)
venv="$root/.build-compare/venv"
requirements="$root/Benchmarks/compare/requirements.txt"
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing $requirements into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: -r "$requirements"
  echo "$wanted" >"$stamp"
fi
PYTHON="$venv/bin/python"

# (the caller's arguments: with --phusong there is nothing to build either)
case " $* " in *" --phusong "* | *" --phusong="*) PHUSONG_BIN=${PHUSONG_BIN:-given-by-argument} ;; esac
if [ "${PHUSONG_BIN:-}" = given-by-argument ]; then
  unset PHUSONG_BIN
elif [ -z "${PHUSONG_BIN:-}" ]; then
  bash scripts/ensure-deps.sh
  swift build -c release --product phusong --scratch-path .build-compare/swift >&2
  PHUSONG_BIN="$root/.build-compare/swift/release/phusong"
fi
if [ -n "${PHUSONG_BIN:-}" ]; then
  if [ ! -x "$PHUSONG_BIN" ]; then
    echo "error: PHUSONG_BIN=$PHUSONG_BIN is not an executable" >&2
    exit 1
  fi
  export PHUSONG_BIN
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
