#!/usr/bin/env bash
# The phusong-dask tests (pytest, python/tests), in the virtualenv of python/venv.sh (dask from
# PyPI, outside the committed tree). The end-to-end tests run the phusong binary of
# $PHUSONG_BIN (default: the debug build, .build/debug/phusong) on a LocalCluster of two
# workers over the Điện Biên subset of ../shared (or $PHUSONG_SHARED); without the data they
# say they skip.
#   bash python/run-tests.sh [PYTEST ARGUMENTS…]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=$(bash python/venv.sh)
export PHUSONG_BIN=${PHUSONG_BIN:-$root/.build/debug/phusong}
cd python
exec "$venv/bin/python" -m pytest -ra "$@"
