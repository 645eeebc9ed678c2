#!/usr/bin/env bash
# Benchmark: headless execution of each notebook on the full-scale Olist twin (never on real data,
# so timings compare across machines and commits). Prints seconds and executed-notebook size per
# notebook, against the targets (exploration: < 60 s and < 5 MB).
#
# Usage: bash bench/notebooks.sh [NOTEBOOK ...]   (default: every notebooks/*.ipynb)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --quiet
node node_modules/typescript/bin/tsc -p tsconfig.build.json

# The twin at Kaggle scale, generated once (the default seed and size).
if [[ ! -f data/twin/TWIN.json ]]; then
  echo "bench: generating the Olist twin in data/twin (once)"
  node --import tsx scripts/twin.ts --out data/twin
fi
export OLIST_DATA_DIR="$PWD/data/twin"

if (($# > 0)); then
  notebooks=("$@")
else
  mapfile -t notebooks < <(find notebooks -maxdepth 1 -name '*.ipynb' | sort)
fi
out=$(mktemp -d /tmp/olist-bench-notebooks-XXXXXX)
trap 'rm -rf "$out"' EXIT

echo "bench: ${#notebooks[@]} notebook(s) on the twin ($(nproc) cores); one kernel start each"
failed=0
for nb in "${notebooks[@]}"; do
  name=$(basename "$nb")
  start=$(date +%s.%N)
  if /usr/bin/python3 scripts/run_notebooks.py "$nb" --out "$out" --no-html >"$out/log" 2>&1; then
    state=ok
  else
    state=FAILED
    failed=$((failed + 1))
  fi
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  # The runner's own timing excludes Python start-up; the file size is the executed notebook.
  exec_s=$(grep -oE 'in [0-9.]+ s' "$out/log" | head -1 | grep -oE '[0-9.]+' || echo "?")
  bytes=$(stat -c %s "$out/$name" 2>/dev/null || echo 0)
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
  target=""
  if [[ "$name" == 1_exploration.ipynb ]]; then
    target="  (target < 60 s, < 5 MB)"
  fi
  printf '%-28s %-6s execution %6s s  wall %6s s  %5s MB%s\n' "$name" "$state" "$exec_s" "$wall" "$mb" "$target"
  [[ "$state" == ok ]] || sed -n '1,20p' "$out/log"
done
exit $((failed > 0))
