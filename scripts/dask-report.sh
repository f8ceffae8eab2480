#!/usr/bin/env bash
# phusong-dask from the repository (docs/dask.md): the release build of phusong (made when
# missing; or $PHUSONG_BIN) for every tile and the merge, phusong-dask from the virtualenv of
# python/venv.sh (installed from python/ when missing). Paths are relative to where it is run.
#   bash scripts/dask-report.sh report --local-workers 2 --villages … --cells … --tile-size 1.0 --out …
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${PHUSONG_BIN:-$here/.build/release/phusong}
if [ ! -x "$bin" ]; then
  (cd "$here" && bash scripts/ensure-deps.sh && swift build -c release --product phusong >&2)
fi
venv=$(bash "$here/python/venv.sh")
if [ "${1:-}" = report ]; then
  shift
  exec "$venv/bin/phusong-dask" report --phusong "$bin" "$@"
fi
exec "$venv/bin/phusong-dask" "$@"
