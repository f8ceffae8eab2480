#!/usr/bin/env bash
# The phusong-dask tests (pytest, python/tests): installs python/ with its test extra into a
# virtualenv outside the committed tree (.build-dask/venv, or PHUSONG_DASK_VENV; reinstalled when
# python/ changes), then runs pytest. The end-to-end tests run the phusong binary of
# $PHUSONG_BIN (default: the debug build, .build/debug/phusong) on a LocalCluster of two
# workers, and the Điện Biên subset of ../shared (or $PHUSONG_SHARED); without it they say they skip.
#   bash python/run-tests.sh [PYTEST ARGUMENTS…]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${PHUSONG_DASK_VENV:-$root/.build-dask/venv}
stamp="$venv/.phusong-dask.sha256"
wanted=$(find python/pyproject.toml python/src -type f -name '*.py' -o -name pyproject.toml | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing phusong-dask and its test dependencies into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  # A copy of python/, so that the build leaves nothing in the tree.
  src=$(mktemp -d "${TMPDIR:-/tmp}/phusong-dask-src.XXXXXX")
  cp -r python/pyproject.toml python/README.md python/src "$src/"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$src[test]"
  rm -rf "$src"
  echo "$wanted" >"$stamp"
fi
export PHUSONG_BIN=${PHUSONG_BIN:-$root/.build/debug/phusong}
cd python
exec "$venv/bin/python" -m pytest -ra "$@"
