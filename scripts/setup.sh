#!/usr/bin/env bash
# Idempotent set-up of this project on a Debian machine with Node 20 (run as root, or with sudo
# available for apt): installs the missing system packages (Jupyter from Debian, Chromium for static
# chart export), the npm packages (npm ci), builds the toolbox for the notebooks (dist/), and
# registers a project-local Jupyter kernelspec for the project's pinned tslab in .jupyter/.
# Every step is skipped when already done, so every npm command can call it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
QUIET=0
[[ "${1:-}" == "--quiet" ]] && QUIET=1
say() { [[ $QUIET == 1 ]] || echo "setup: $*"; }

# 1. System packages (Debian). Jupyter lives in Debian's Python (/usr/bin/python3), never PyPI.
APT_PACKAGES=(jupyter-nbconvert jupyter-client python3-nbclient python3-nbformat jupyter-notebook chromium fonts-dejavu-core)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "setup: not root and no sudo; install them with: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# 2. npm packages, when node_modules is missing or older than the lock file.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [[ "$node_major" -lt 20 ]]; then
  echo "setup: Node $(node -v) found; this project needs Node 20.19 or later" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # npm ci only: it installs exactly the committed lock and never rewrites it. The lock lists every
  # platform's optional DuckDB binding (a lock written by `npm install` with node_modules present
  # drops the other platforms' ones, npm/cli#4828, #7961, and `npm ci` then refuses it): regenerate it
  # with `rm -rf node_modules && npm install --package-lock-only`.
  echo "setup: npm ci"
  npm_log="$(mktemp -t olist-npm-ci.XXXXXX)"
  if ! npm ci --no-audit --no-fund --loglevel=error 2>"$npm_log"; then
    cat "$npm_log" >&2
    rm -f "$npm_log"
    echo "setup: npm ci failed (see above); the lock file must not be changed by set-up." >&2
    exit 1
  fi
  rm -f "$npm_log"
else
  say "node_modules up to date"
fi

# 3. The toolbox build that notebooks import (dist/index.js + .d.ts), rebuilt when a source changed.
if [[ ! -f dist/index.js ]] || [[ -n "$(find src -newer dist/index.js -print -quit)" ]]; then
  say "building the toolbox (dist/)"
  node node_modules/typescript/bin/tsc -p tsconfig.build.json
fi

# 4. Project-local kernelspec: the project's pinned tslab, found by Jupyter through JUPYTER_PATH.
KERNEL_DIR="$ROOT/.jupyter/kernels/olist-tslab"
mkdir -p "$KERNEL_DIR"
NODE_BIN="$(command -v node)"
cat >"$KERNEL_DIR/kernel.json.tmp" <<JSON
{
  "argv": ["$NODE_BIN", "$ROOT/node_modules/tslab/bin/tslab", "kernel", "--config-path", "{connection_file}"],
  "display_name": "TypeScript (olist-segmentation, tslab)",
  "language": "typescript",
  "env": { "NODE_OPTIONS": "--disable-warning=ExperimentalWarning" }
}
JSON
if ! cmp -s "$KERNEL_DIR/kernel.json.tmp" "$KERNEL_DIR/kernel.json" 2>/dev/null; then
  mv "$KERNEL_DIR/kernel.json.tmp" "$KERNEL_DIR/kernel.json"
  say "kernelspec olist-tslab registered in .jupyter/"
else
  rm "$KERNEL_DIR/kernel.json.tmp"
fi
say "ready"
