#!/usr/bin/env bash
# `npm run kernel:install`: registers the project's TypeScript kernel (olist-tslab) for the current
# user, so that front ends started outside `npm run jupyter` (VS Code, JupyterLab, another Jupyter)
# list it and the notebooks open with it: copies .jupyter/kernels/olist-tslab into the user's
# Jupyter data folder (`jupyter --data-dir`/kernels, usually ~/.local/share/jupyter/kernels/).
# The kernelspec holds absolute paths to this checkout's node and tslab: rerun it after moving the
# checkout or to switch to another checkout. `npm run kernel:uninstall` removes it.
#
# Usage: bash scripts/kernel.sh [install|uninstall]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-install}" in
  install)
    bash scripts/setup.sh --quiet
    # -W: jupyter_client 7 warns that its own "replace" default is deprecated.
    /usr/bin/python3 -W ignore::DeprecationWarning -m jupyter_client.kernelspecapp install --user \
      --name olist-tslab .jupyter/kernels/olist-tslab
    echo "kernel: olist-tslab registered for $(id -un); it runs $(pwd)/node_modules/tslab"
    ;;
  uninstall)
    /usr/bin/python3 -m jupyter_client.kernelspecapp remove -f olist-tslab
    ;;
  *)
    echo "kernel: unknown command \"$1\"; use install or uninstall" >&2
    exit 2
    ;;
esac
