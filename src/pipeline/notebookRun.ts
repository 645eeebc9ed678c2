/**
 * Runs the project's notebooks headless for the main job: `scripts/run_notebooks.py` (Debian's
 * Python, the project's tslab kernel), with progress read from the runner's lines.
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { onInterrupt } from "../util/interrupt.js";
import { projectPath } from "../util/paths.js";
import type { ProgressMode } from "../util/progress.js";
import { progressBar } from "../util/progress.js";

/** Options of {@link runNotebooks}. */
export interface NotebookRunOptions {
  /** How progress bars are drawn (default `"auto"`). */
  progress?: ProgressMode;
  /** Notebooks run side by side (default 2). */
  notebookJobs?: number;
}

/** The notebooks of the project, in run order. */
function projectNotebooks(): string[] {
  return ["0_data_check", "1_exploration", "2_modelling", "3_maintenance"].map((n) =>
    projectPath("notebooks", `${n}.ipynb`),
  );
}

/**
 * Executes the notebooks with `scripts/run_notebooks.py` (Debian's Python, the project's tslab
 * kernel) on the data folder the pipeline used, writing `<out>/<notebook>.ipynb|.html` and the
 * figures under `<out>/figures/<notebook>/`; progress from the runner's lines.
 */
export async function runNotebooks(
  out: string,
  dataDir: string,
  options: NotebookRunOptions,
): Promise<{ files: string[]; failed: string[]; kernelPeakMb: number }> {
  const notebooks = projectNotebooks().filter((f) => existsSync(f));
  const figures = path.join(out, "figures");
  // Each notebook's figure folder holds exactly the charts of this run.
  for (const nb of notebooks)
    rmSync(path.join(figures, path.basename(nb, ".ipynb")), { recursive: true, force: true });
  const bar = progressBar({
    label: "  notebooks",
    total: notebooks.length,
    unit: "notebooks",
    mode: options.progress,
  });
  const args = [
    projectPath("scripts", "run_notebooks.py"),
    ...notebooks,
    "--out",
    out,
    "--figures",
    figures,
    "--jobs",
    String(options.notebookJobs ?? 2),
  ];
  const child = spawn("/usr/bin/python3", args, {
    cwd: projectPath(),
    env: { ...process.env, OLIST_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that an interrupted job stops the runner and its kernels together.
    detached: true,
  });
  const stopRunner = onInterrupt(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGINT");
  });
  let done = 0;
  let kernelPeakMb = 0;
  const failed: string[] = [];
  const errors: string[] = [];
  let buffered = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const m = /^notebook (\S+): (ok|FAILED) in ([\d.]+) s .*kernel peak (\d+) MB/.exec(line);
      if (!m) continue;
      done++;
      kernelPeakMb = Math.max(kernelPeakMb, Number(m[4]));
      if (m[2] !== "ok") failed.push(m[1]);
      bar.tick(done, `${m[1]} ${m[2]} in ${m[3]} s`);
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => errors.push(chunk));
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  }).finally(stopRunner);
  bar.finish(failed.length ? `${failed.length} failed` : undefined);
  if (code !== 0 && failed.length === 0) {
    throw new Error(`The notebook runner failed (exit ${code}): ${errors.join("").trim()}`);
  }
  if (failed.length > 0) process.stderr.write(errors.join(""));
  const files = notebooks.flatMap((nb) => {
    const name = path.basename(nb, ".ipynb");
    return [path.join(out, `${name}.ipynb`), path.join(out, `${name}.html`)];
  });
  files.push(figures);
  return { files: files.filter((f) => existsSync(f)), failed, kernelPeakMb };
}
