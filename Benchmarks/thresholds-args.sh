# Sourced by check-thresholds.sh and update-thresholds.sh: reads thresholds.list into
# `listed` ("Target|name" per benchmark) and `selection` (the --target and --filter arguments of
# package-benchmark that run exactly those benchmarks; names are matched whole, as regular
# expressions, so their special characters are escaped). $thresholdsList, when set, is read in
# place of thresholds.list (update-thresholds.sh --only).
listed=()
selection=()
declare -A targetSeen=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  target="${line%%: *}"
  name="${line#*: }"
  listed+=("$target|$name")
  if [ -z "${targetSeen[$target]:-}" ]; then
    targetSeen[$target]=1
    selection+=(--target "$target")
  fi
  selection+=(--filter "$(printf '%s' "$name" | sed 's/[][\.*^$+?(){}|/]/\\&/g')")
done < "${thresholdsList:-thresholds.list}"
