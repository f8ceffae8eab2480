#!/usr/bin/env bash
# Makes (or reuses) the virtualenv with phusong-dask and its test extra installed from python/,
# outside the committed tree: .build-dask/venv, or $PHUSONG_DASK_VENV. Reinstalls when python/
# changes (a checksum of its sources in the venv). Prints the venv's path on standard output.
#   venv=$(bash python/venv.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${PHUSONG_DASK_VENV:-$root/.build-dask/venv}
stamp="$venv/.phusong-dask.sha256"
wanted=$(find python/pyproject.toml python/README.md python/src -type f \( -name '*.py' -o -name '*.toml' -o -name '*.md' \) \
  | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/phusong-dask" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing phusong-dask (python/) and pytest into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  # From a copy of python/, so that the build leaves nothing in the tree.
  src=$(mktemp -d "${TMPDIR:-/tmp}/phusong-dask-src.XXXXXX")
  cp -r python/pyproject.toml python/README.md python/src "$src/"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$src[test]" >&2
  rm -rf "$src"
  echo "$wanted" >"$stamp"
fi
echo "$venv"
