/**
 * Progress of long steps, in a terminal, in a notebook and in logs. One bar per step with counts,
 * elapsed time and the time left (extrapolated from the pace so far):
 *
 *   maintenance  [############------------]  25/51 dates  12.4 s, ~13 s left  2018-03-07
 *
 * In a terminal and in a Jupyter kernel the line is redrawn in place with a carriage return (the
 * notebook front-ends and nbconvert honour it); in a log (stream not a terminal) a line is printed at
 * each quarter so CI output stays short. Nothing is printed with `mode: "off"`.
 */

/** Where a progress bar writes: `process.stderr` by default. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** How the bar is drawn; `"auto"` picks `"bar"` in a terminal or a notebook kernel, else `"lines"`. */
export type ProgressMode = "auto" | "bar" | "lines" | "off";

/** Options of {@link progressBar}. */
export interface ProgressOptions {
  /** What is being done, e.g. `"maintenance"`. */
  label: string;
  /** Number of units of work. */
  total: number;
  /** Name of a unit, plural (default `"steps"`). */
  unit?: string;
  /** Stream (default `process.stderr`; `process.stdout` in a notebook kernel). */
  stream?: ProgressStream;
  /** Drawing mode (default `"auto"`). */
  mode?: ProgressMode;
  /** Clock in milliseconds (default `performance.now`; tests pass their own). */
  now?: () => number;
  /** Least milliseconds between two redraws of the bar (default 100 in a terminal, 1000 in a notebook). */
  minIntervalMs?: number;
  /** Width of the bar in characters (default 24). */
  width?: number;
  /**
   * Units already done when the bar appears (default 0), for work shown only after it began (the
   * main job's maintenance study runs before its stage shows it).
   */
  done?: number;
  /** Clock reading (`now`) when the work began (default: now), so elapsed time and pace count from there. */
  startedAt?: number;
}

/** A running progress bar. */
export interface Progress {
  /** Reports `done` units finished (default: one more than before), with an optional detail. */
  tick(done?: number, detail?: string): void;
  /** Ends the bar: draws the final state and a line break. */
  finish(detail?: string): void;
}

/** Whether this process is a Jupyter kernel (the kernel launcher sets `JPY_PARENT_PID`). */
export function inNotebookKernel(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.JPY_PARENT_PID !== undefined;
}

/** Seconds as people read them: `8.1 s`, `2 min 05 s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - 60 * m);
  return s === 60 ? `${m + 1} min 00 s` : `${m} min ${String(s).padStart(2, "0")} s`;
}

/**
 * The text of the bar after `done` of `total` units in `elapsedSeconds`.
 *
 * @example
 * progressLine("tables", 5, 20, 2, "dates", 10); // "tables  [##########--------------]  5/20 dates  2.0 s, ~6.0 s left"
 */
export function progressLine(
  label: string,
  done: number,
  total: number,
  elapsedSeconds: number,
  unit = "steps",
  width = 24,
  detail?: string,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  const left =
    done >= total
      ? "done"
      : done > 0
        ? `~${formatDuration((elapsedSeconds / done) * (total - done))} left`
        : "estimating";
  const counts = `${done}/${total} ${unit}`;
  return `${label}  ${bar}  ${counts}  ${formatDuration(elapsedSeconds)}, ${left}${detail ? `  ${detail}` : ""}`;
}

/**
 * Starts a progress bar.
 *
 * @example
 * const bar = progressBar({ label: "maintenance", total: dates.length, unit: "dates" });
 * for (const d of dates) { await work(d); bar.tick(undefined, d.toISOString().slice(0, 10)); }
 * bar.finish();
 */
export function progressBar(options: ProgressOptions): Progress {
  // In a notebook, stdout: front-ends colour stderr as an error.
  const stream = options.stream ?? (inNotebookKernel() ? process.stdout : process.stderr);
  const now = options.now ?? (() => performance.now());
  const unit = options.unit ?? "steps";
  const width = options.width ?? 24;
  const total = Math.max(0, options.total);
  let mode = options.mode ?? "auto";
  const notebook = inNotebookKernel();
  if (mode === "auto") mode = stream.isTTY || notebook ? "bar" : "lines";
  const minInterval = options.minIntervalMs ?? (notebook && !stream.isTTY ? 1000 : 100);
  const start = options.startedAt ?? now();
  let done = Math.min(total, Math.max(0, options.done ?? 0));
  let lastDraw = -Infinity;
  let lastQuarter = total > 0 ? Math.floor((4 * done) / total) : 0;
  let finished = false;

  const line = (detail?: string) =>
    progressLine(options.label, done, total, (now() - start) / 1000, unit, width, detail);
  const draw = (detail: string | undefined, force: boolean) => {
    if (mode === "off") return;
    const t = now();
    if (mode === "bar") {
      if (!force && t - lastDraw < minInterval) return;
      lastDraw = t;
      stream.write(`\r${line(detail)}`);
      return;
    }
    // Lines: the start, then at each quarter (and the end, drawn by finish).
    const quarter = total > 0 ? Math.floor((4 * done) / total) : 4;
    if (force || quarter > lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${line(detail)}\n`);
    }
  };

  if (mode === "lines") stream.write(`${line()}\n`);
  else draw(undefined, true);
  return {
    tick(value?: number, detail?: string) {
      if (finished) return;
      done = Math.min(total, value ?? done + 1);
      draw(detail, false);
    },
    finish(detail?: string) {
      if (finished) return;
      finished = true;
      done = total;
      if (mode === "off") return;
      if (mode === "bar") stream.write(`\r${line(detail)}\n`);
      else if (lastQuarter < 4 || detail) stream.write(`${line(detail)}\n`);
    },
  };
}
