#!/usr/bin/env bash
# Opens the interactive notebook server on the project with the TypeScript kernel, and rebuilds the
# toolbox (dist/) in the background whenever src/ changes, so notebooks see edits after a kernel restart.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --quiet
export JUPYTER_PATH="$(pwd)/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
node node_modules/typescript/bin/tsc -p tsconfig.build.json --watch --preserveWatchOutput >/dev/null &
WATCH=$!
trap 'kill $WATCH 2>/dev/null || true' EXIT
/usr/bin/python3 -m notebook --notebook-dir="$(pwd)" "$@"
