#!/usr/bin/env bash
# Builds the API documentation of every library with DocC (swift-docc-plugin), and fails on
# any warning: a broken ``symbol`` link in a doc comment or a catalog, a missing image, a
# compiler warning while the symbol graphs are built. Each library has a catalog,
# Sources/<Library>/<Library>.docc, with an overview page and a data-flow diagram (see
# scripts/docs-diagrams.sh). CI runs it (.ci/run).
#
#   bash scripts/docs.sh
#
# The archives are written to .build/plugins/Swift-DocC/outputs/<Library>.doccarchive; to
# browse one: `swift package --disable-sandbox preview-documentation --target PhusongCoverage`.
set -euo pipefail
cd "$(dirname "$0")/.."

libraries=(PhusongSupport PhusongCoverage PhusongReports PhusongSynthetic PhusongOptimization PhusongPlanning GEOSKit GDALKit CBCKit)

# A catalog for every library product of Package.swift, and no library left out above.
declared="$(swift package dump-package | python3 -c '
import json, sys
package = json.load(sys.stdin)
print("\n".join(sorted({t for p in package["products"] if "library" in p["type"] for t in p["targets"]})))')"
listed="$(printf '%s\n' "${libraries[@]}" | sort)"
if [ "$declared" != "$listed" ]; then
  echo "docs: the libraries of Package.swift and this script differ:" >&2
  diff <(echo "$declared") <(echo "$listed") >&2 || true
  exit 1
fi
for library in "${libraries[@]}"; do
  if [ ! -f "Sources/$library/$library.docc/$library.md" ]; then
    echo "docs: Sources/$library/$library.docc/$library.md (the catalog's overview page) is missing" >&2
    exit 1
  fi
done

# The committed diagrams must be what their .dot sources draw (when Graphviz is here).
if command -v dot >/dev/null 2>&1; then
  bash scripts/docs-diagrams.sh --check
else
  echo "docs: Graphviz's dot is not installed; the diagrams are not compared with their sources" >&2
fi

targets=()
for library in "${libraries[@]}"; do targets+=(--target "$library"); done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift package --disable-sandbox generate-documentation "${targets[@]}" --warnings-as-errors 2>&1 | tee "$log"
# SwiftPM's note about a dependency's own unhandled files (ZIPFoundation ships a
# PrivacyInfo.xcprivacy) is about that package, not about this documentation.
if grep -E "(warning|error):" "$log" | grep -v "/.build/checkouts/" \
    | grep -vE "^warning: '[a-z0-9._-]+': found [0-9]+ file\(s\) which are unhandled" | sort -u | grep .; then
  echo "error: the documentation build has warnings or errors (listed above)" >&2
  exit 1
fi
echo "docs: ${#libraries[@]} libraries documented without warnings"
