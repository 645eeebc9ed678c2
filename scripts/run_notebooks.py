#!/usr/bin/python3
"""Executes the project's notebooks headlessly with the project's tslab kernel and writes each
executed notebook (.ipynb) and a standalone HTML page into an output folder (default: reports/).

Runs under Debian's Python (/usr/bin/python3), where Jupyter's nbclient and nbconvert are installed.
Any cell error, including a TypeScript type error, fails the run: the script prints the notebook,
the cell number, its first lines and the error, then exits 1 after trying the other notebooks. So
does an executed notebook over its 5 MB budget, or a chart output without its Plotly JSON, HTML and
PNG representations.

Each notebook runs in its own Python process (its kernel is that process's only child, so the
kernel's peak memory is measured exactly, and notebooks can run side by side with --jobs). Files are
written to a temporary name and renamed, so a reader never sees a half-written notebook. Stream
outputs are merged and carriage returns applied (progress bars keep their last state only).

Usage:
  /usr/bin/python3 scripts/run_notebooks.py [NOTEBOOK ...] [--out DIR] [--no-html]
                                            [--inplace] [--figures DIR] [--timeout S] [--jobs N]
  --inplace     also write the outputs back into notebooks/ (the committed notebooks carry outputs)
  --figures DIR export every chart to DIR/<notebook>/<name>.png|svg|html (sets OLIST_FIGURES_DIR)
  --jobs N      run up to N notebooks at the same time (default 1)
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "olist-tslab"
# Size budget of an executed notebook (the committed notebooks carry their outputs).
BUDGET_MB = 5.0
# What every chart output carries (src/charts/bundle.ts): each front end takes the best it knows.
CHART_MIME_TYPES = ("application/vnd.plotly.v1+json", "text/html", "image/png")


def error_text(cell) -> str:
    lines = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            lines.append(f"{out.get('ename', '')}: {out.get('evalue', '')}")
            lines.extend(out.get("traceback", [])[-5:])
        elif out.get("output_type") == "stream" and out.get("name") == "stderr":
            lines.append(out.get("text", ""))
    return "\n".join(lines).strip()


def chart_check(nb) -> tuple[int, list[str]]:
    """Counts the chart outputs (HTML with an olist-figure) and names those missing a MIME type."""
    charts, problems = 0, []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html = data.get("text/html", "")
            if "olist-figure" not in ("".join(html) if isinstance(html, list) else html):
                continue
            charts += 1
            missing = [m for m in CHART_MIME_TYPES if m not in data]
            if missing:
                problems.append(f"cell {i + 1}: chart output without {', '.join(missing)}")
    return charts, problems


def write_atomic(path: Path, write) -> None:
    """Calls write(tmp_path), then renames tmp_path to path (same folder, so the rename is atomic)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def run(path: Path, out_dir: Path, html: bool, inplace: bool, figures: Path | None, timeout: int) -> bool:
    nb = nbformat.read(path, as_version=4)
    env_before = os.environ.get("OLIST_FIGURES_DIR")
    if figures is not None:
        os.environ["OLIST_FIGURES_DIR"] = str((figures / path.stem).resolve())
    # Kernels get the notebook's folder as working directory, as in the interactive server.
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
        allow_errors=False,
        record_timing=True,
    )
    start = time.perf_counter()
    ok = True
    failure = ""
    try:
        client.execute()
    except CellExecutionError as e:
        ok = False
        failure = str(e)
    finally:
        if figures is not None:
            if env_before is None:
                os.environ.pop("OLIST_FIGURES_DIR", None)
            else:
                os.environ["OLIST_FIGURES_DIR"] = env_before
    seconds = time.perf_counter() - start
    # The kernel was this process's child: its peak resident memory (kB on Linux).
    kernel_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    from nbconvert.preprocessors.coalescestreams import coalesce_streams

    nb, _ = coalesce_streams(nb, {})
    if not ok:
        # The failing cell is the last one that was executed (execution stops there).
        executed = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count")]
        i = executed[-1] if executed else 0
        cell = nb.cells[i]
        src = "\n".join(cell.source.splitlines()[:6])
        print(f"FAIL {path.name}: cell {i + 1} raised an error\n--- cell source ---\n{src}\n"
              f"--- error ---\n{error_text(cell) or failure}\n", file=sys.stderr)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(out_dir / path.name, lambda tmp: nbformat.write(nb, tmp))
    if html:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        write_atomic(out_dir / f"{path.stem}.html", lambda tmp: tmp.write_text(body, encoding="utf-8"))
    size = (out_dir / path.name).stat().st_size
    charts, problems = chart_check(nb)
    if size / 1e6 > BUDGET_MB:
        problems.append(f"{size / 1e6:.2f} MB is over the {BUDGET_MB:.0f} MB budget of a notebook")
    for problem in problems:
        print(f"FAIL {path.name}: {problem}", file=sys.stderr)
    ok = ok and not problems
    if inplace and ok:
        write_atomic(path, lambda tmp: nbformat.write(nb, tmp))
    status = "ok" if ok else "FAILED"
    where = out_dir.relative_to(ROOT) if out_dir.is_relative_to(ROOT) else out_dir
    print(f"notebook {path.name}: {status} in {seconds:.1f} s ({size / 1e6:.2f} MB of {BUDGET_MB:.0f}, "
          f"{charts} charts, kernel peak {kernel_mb:.0f} MB) -> {where}", flush=True)
    return ok


def run_in_children(paths: list[Path], args) -> list[bool]:
    """Runs each notebook in a child process of this script, at most args.jobs at a time, in order."""
    base = [sys.executable, str(Path(__file__).resolve()), "--child", "--out", str(args.out.resolve()),
            "--timeout", str(args.timeout)]
    if args.no_html:
        base.append("--no-html")
    if args.inplace:
        base.append("--inplace")
    if args.figures is not None:
        base += ["--figures", str(args.figures.resolve())]
    pending = list(paths)
    running: list[subprocess.Popen] = []
    results: dict[Path, bool] = {}
    owner: dict[subprocess.Popen, Path] = {}
    while pending or running:
        while pending and len(running) < max(1, args.jobs):
            p = pending.pop(0)
            child = subprocess.Popen(base + [str(p)])
            owner[child] = p
            running.append(child)
        time.sleep(0.2)
        for child in [c for c in running if c.poll() is not None]:
            running.remove(child)
            results[owner[child]] = child.returncode == 0
    return [results[p] for p in paths]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "reports")
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--inplace", action="store_true")
    parser.add_argument("--figures", type=Path)
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # A figure name used twice in a notebook is an error (two charts would share one export file).
    os.environ.setdefault("OLIST_FIGURES_STRICT", "1")
    os.environ["JUPYTER_PATH"] = str(ROOT / ".jupyter") + (
        os.pathsep + os.environ["JUPYTER_PATH"] if os.environ.get("JUPYTER_PATH") else "")
    if not (ROOT / ".jupyter" / "kernels" / KERNEL / "kernel.json").exists():
        print("The olist-tslab kernel is not registered: run `npm run setup` first.", file=sys.stderr)
        return 1
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("No notebook found in notebooks/", file=sys.stderr)
        return 1
    if args.child:
        ok = run(paths[0], args.out.resolve(), not args.no_html, args.inplace, args.figures, args.timeout)
        return 0 if ok else 1
    results = run_in_children(paths, args)
    failed = results.count(False)
    print(f"notebooks: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
