#!/usr/bin/env bash
# The project's test command (`npm test`, called by .ci/run): set-up if needed, then type-check with
# the project's TypeScript, lint and format check, unit tests, and headless execution of every
# notebook (any cell error fails). Ends with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
# Neither set-up nor any test may modify a tracked file: the work tree's state is recorded before and
# compared after (on a clean clone, as in CI, it must stay empty).
tree_state() { git status --porcelain 2>/dev/null && git diff HEAD 2>/dev/null | sha256sum; }
tree_before="$(tree_state || true)"
bash scripts/setup.sh --quiet

echo "== type-check (TypeScript $(node -p 'require("typescript/package.json").version'), strict)"
node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
echo "== lint (ESLint + Prettier)"
node_modules/.bin/eslint .
node_modules/.bin/prettier --check . --log-level warn
echo "== unit tests"
bash scripts/unit-tests.sh
echo "== notebooks (headless, tslab kernel)"
/usr/bin/python3 scripts/run_notebooks.py --out reports/test-notebooks --no-html | tee reports/notebooks.log

unit_pass=$(grep -E '^# pass ' reports/unit-tests.tap | awk '{s+=$3} END {print s+0}')
unit_fail=$(grep -E '^# fail ' reports/unit-tests.tap | awk '{s+=$3} END {print s+0}')
nb_pass=$(grep -cE '^notebook .*: ok ' reports/notebooks.log || true)
nb_fail=$(grep -cE '^notebook .*: FAILED ' reports/notebooks.log || true)
tree_after="$(tree_state || true)"
tree_fail=0
if [[ "$tree_after" != "$tree_before" ]]; then
  echo "== tracked files changed by set-up or tests (they must not be):"
  git status --porcelain
  tree_fail=1
elif [[ -n "${CI:-}" && -n "$(git status --porcelain 2>/dev/null)" ]]; then
  echo "== CI: the work tree is not clean after the tests:"
  git status --porcelain
  tree_fail=1
fi
echo "unit tests: ${unit_pass} passed, ${unit_fail} failed; notebooks: ${nb_pass} passed, ${nb_fail} failed; $(( $(date +%s) - start )) s"
echo "work tree: $([[ $tree_fail == 0 ]] && echo "no tracked file modified" || echo "MODIFIED")"
echo "summary: $((unit_pass + nb_pass + 1 - tree_fail)) passed, $((unit_fail + nb_fail + tree_fail)) failed"
[[ $tree_fail == 0 ]]
