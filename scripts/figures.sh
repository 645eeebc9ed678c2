#!/usr/bin/env bash
# `npm run figures`: executes the notebooks headlessly and exports every chart they show, for slides
# and reports: reports/figures/<notebook>/<name>.png (1600 × 900), .svg and .html (offline, sharing
# one plotly.min.js per folder), plus the executed notebooks and their HTML pages in reports/.
# A chart with a static view (the 3-D PCA) is drawn as that view in its PNG and SVG (a pair of 2-D
# projections) and stays interactive in its HTML.
#
# Usage: bash scripts/figures.sh [NOTEBOOK ...]   (default: every notebooks/*.ipynb)
# Each notebook's figure folder is emptied first, so it holds exactly the charts of this run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --quiet
node node_modules/typescript/bin/tsc -p tsconfig.build.json

if (($# > 0)); then
  notebooks=("$@")
else
  mapfile -t notebooks < <(find notebooks -maxdepth 1 -name '*.ipynb' | sort)
fi
if ((${#notebooks[@]} == 0)); then
  echo "figures: no notebook found in notebooks/" >&2
  exit 1
fi
for nb in "${notebooks[@]}"; do
  rm -rf "reports/figures/$(basename "$nb" .ipynb)"
done

status=0
/usr/bin/python3 scripts/run_notebooks.py "${notebooks[@]}" --figures reports/figures --out reports || status=$?

for nb in "${notebooks[@]}"; do
  dir="reports/figures/$(basename "$nb" .ipynb)"
  [[ -d "$dir" ]] || continue
  echo "figures: $dir: $(find "$dir" -name '*.png' | wc -l) charts ($(find "$dir" -type f | wc -l) files)"
done
total=$(find reports/figures -type f 2>/dev/null | wc -l)
echo "figures: ${total} files written under reports/figures/"
exit "$status"
