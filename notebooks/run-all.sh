#!/usr/bin/env bash
# Executes every notebook in notebooks/ and fails (exit 1) when one raises.
#
#   bash notebooks/run-all.sh                 # all notebooks, every scenario available
#   bash notebooks/run-all.sh 03-rollout-plan # only the notebooks named
#
# 1. Checks that the committed notebooks hold no outputs (clear them before committing:
#    `jupyter nbconvert --clear-output --inplace notebooks/*.ipynb`).
# 2. Builds phusong in release mode (`swift build -c release --product phusong`), unless
#    PHUSONG_BIN already points at a binary.
# 3. Installs notebooks/requirements.txt into a virtualenv (.build-notebooks/venv, or
#    PHUSONG_NOTEBOOK_VENV), reinstalling only when the requirements change.
# 4. Runs each notebook with nbconvert on the embedded default data (PHUSONG_SCENARIO=default)
#    and, when ../shared/geodata (or $PHUSONG_SHARED/geodata) holds the national scenario and the
#    2025 boundaries, on the national scenario too (PHUSONG_SCENARIO=national).
#    PHUSONG_NOTEBOOK_SCENARIOS="default" (or "national") restricts the scenarios.
#    PHUSONG_PLAN_SCOPE=subset makes 03-rollout-plan plan the Điện Biên subset instead of the
#    whole country on the national scenario (see notebooks/README.md for every setting).
# The executed notebooks and what phusong wrote go to PHUSONG_NOTEBOOK_RUN_DIR (default: a new
# temporary folder, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# 1. Committed notebooks must be clean.
python3 - notebooks/*.ipynb <<'EOF'
import json, sys
dirty = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            dirty.append(f"{path}: cell {index} has outputs or an execution count")
if dirty:
    print("\n".join(dirty), file=sys.stderr)
    print("error: commit notebooks without outputs: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb",
          file=sys.stderr)
    sys.exit(1)
EOF

# 2. The phusong binary.
if [ -z "${PHUSONG_BIN:-}" ]; then
  bash scripts/ensure-deps.sh
  swift build -c release --product phusong >&2
  export PHUSONG_BIN="$root/.build/release/phusong"
fi
if [ ! -x "$PHUSONG_BIN" ]; then
  echo "error: PHUSONG_BIN=$PHUSONG_BIN is not an executable" >&2
  exit 1
fi

# 3. The Python environment.
venv=${PHUSONG_NOTEBOOK_VENV:-$root/.build-notebooks/venv}
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum notebooks/requirements.txt | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing the notebook stack into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: -r notebooks/requirements.txt
  echo "$wanted" >"$stamp"
fi
# The kernel the notebooks name (python3) must be this environment's, not one a user installed.
export JUPYTER_PATH="$venv/share/jupyter"

# 4. Run.
shared_geodata="${PHUSONG_SHARED:-$root/../shared}/geodata"
scenarios=${PHUSONG_NOTEBOOK_SCENARIOS:-}
if [ -z "$scenarios" ]; then
  scenarios="default"
  if [ -f "$shared_geodata/vn-national-2025/villages.csv" ] && [ -f "$shared_geodata/vn-admin-2025/vn_provinces_34_simplified.geojson" ]; then
    scenarios="default national"
  else
    echo "note: $shared_geodata not found: the notebooks run on the embedded default data only" >&2
  fi
fi
notebooks=()
if [ $# -gt 0 ]; then
  for name in "$@"; do notebooks+=("notebooks/${name%.ipynb}.ipynb"); done
else
  notebooks=(notebooks/*.ipynb)
fi
run_dir=${PHUSONG_NOTEBOOK_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/phusong-notebooks.XXXXXX")}
mkdir -p "$run_dir/executed"
export PHUSONG_NOTEBOOK_OUT="$run_dir/data"

passed=0
failed=0
failures=()
for scenario in $scenarios; do
  for notebook in "${notebooks[@]}"; do
    name=$(basename "$notebook" .ipynb)
    log="$run_dir/executed/$name.$scenario.log"
    start=$(date +%s)
    if PHUSONG_SCENARIO=$scenario "$venv/bin/jupyter" nbconvert --to notebook --execute \
         --ExecutePreprocessor.timeout=1800 --ExecutePreprocessor.kernel_name=python3 \
         --output-dir "$run_dir/executed" --output "$name.$scenario.ipynb" "$notebook" >"$log" 2>&1; then
      passed=$((passed + 1))
      echo "ok    $name ($scenario, $(($(date +%s) - start)) s)"
    else
      failed=$((failed + 1))
      failures+=("$name ($scenario)")
      echo "FAIL  $name ($scenario, $(($(date +%s) - start)) s)"
      # nbconvert prints the failing cell and the traceback.
      grep -v "Kernel is running over TCP" "$log" | sed 's/\x1b\[[0-9;]*m//g' | tail -n 40 | sed 's/^/      /'
    fi
  done
done

echo "Executed notebooks: $run_dir/executed"
if [ "$failed" -gt 0 ]; then
  printf 'failed: %s\n' "${failures[@]}" >&2
fi
echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
