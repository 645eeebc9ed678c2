#!/usr/bin/env bash
# `npm run jupyter [-- OPTION ...]`: the classic notebook server on the project with the project's
# TypeScript kernel (olist-tslab, found through JUPYTER_PATH=.jupyter, nothing installed for the
# user), and the toolbox (dist/) rebuilt in the background whenever src/ changes, so notebooks see
# edits after a kernel restart (build messages: reports/build-watch.log).
#
# Defaults, each overridden by the same option given after `--`:
#   --ip=127.0.0.1     only this machine can connect (--ip=0.0.0.0 opens it to the network)
#   --allow-root       when run as root (Jupyter refuses to start as root otherwise)
#   --no-browser       when there is no display (no DISPLAY or WAYLAND_DISPLAY)
# Every other option goes to `jupyter notebook` unchanged, e.g. `npm run jupyter -- --port=9000`.
# When the server listens, one line gives its URL with the login token.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
bash scripts/setup.sh --quiet
export JUPYTER_PATH="$ROOT/.jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

# A default is left out when the option is given: Jupyter rejects a value option given twice.
given() {
  local arg
  for arg in "${@:2}"; do
    [[ "$arg" == "--$1" || "$arg" == "--$1="* || "$arg" == "--NotebookApp.$1" || "$arg" == "--NotebookApp.$1="* ]] && return 0
  done
  return 1
}
defaults=()
given notebook-dir "$@" || given notebook_dir "$@" || defaults+=(--notebook-dir="$ROOT")
given ip "$@" || defaults+=(--ip=127.0.0.1)
if [[ $(id -u) -eq 0 ]]; then defaults+=(--allow-root); fi
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && ! given browser "$@"; then defaults+=(--no-browser); fi

mkdir -p reports
node node_modules/typescript/bin/tsc -p tsconfig.build.json --watch --preserveWatchOutput \
  >reports/build-watch.log 2>&1 &
WATCH=$!

# Prints the URL once the server (a child of this shell) has written its runtime file.
ANNOUNCE='
import glob, json, os, sys, time
from jupyter_core.paths import jupyter_runtime_dir
parent = int(sys.argv[1])
deadline = time.time() + 300
while time.time() < deadline:
    for path in glob.glob(os.path.join(jupyter_runtime_dir(), "nbserver-*.json")):
        try:
            info = json.load(open(path))
            with open(f"/proc/{info['"'"'pid'"'"']}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, KeyError, IndexError):
            continue
        if ppid == parent:
            url = info["url"].rstrip("/") + "/tree"
            if info.get("token"):
                url += "?token=" + info["token"]
            print(f"\njupyter: open {url}  (notebooks in notebooks/, Ctrl-C to stop)\n", flush=True)
            sys.exit(0)
    time.sleep(0.3)
'
/usr/bin/python3 -c "$ANNOUNCE" "$$" &
ANNOUNCER=$!
trap 'kill $WATCH $ANNOUNCER 2>/dev/null || true' EXIT

/usr/bin/python3 -m notebook "${defaults[@]}" "$@"
