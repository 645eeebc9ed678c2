/**
 * The main job, `npm start`: data → customer table → segment model → assignments → maintenance
 * summary → marketing brief → notebooks and figures (see src/pipeline/mainJob.ts).
 *
 *   npm start -- [--data DIR] [--as-of YYYY-MM-DD] [--k N] [--seed N] [--model FILE] [--out DIR]
 *                [--skip-notebooks] [--workers N]
 *
 * --data: folder of the nine Olist files (default: OLIST_DATA_DIR, then data/raw/, then the twin);
 * --as-of: the customer table as of this date (default: the day after the last purchase);
 * --k, --seed: the segment model's k and seed (default: the chosen segmentation, k = 5, seed 0);
 * --model: apply this saved model.json instead of fitting one;
 * --out: output folder (default reports/);
 * --skip-notebooks: no notebooks nor figures (the pipeline files and the brief only);
 * --workers: worker threads (default one per core, at most 64).
 * Bad input (a flag, the data folder or files, the date, the model file, the output folder) exits
 * with code 2 and one line, before any work when it can be checked first; SIGINT / SIGTERM stop the
 * job and leave the previous outputs as they were. The cleaning report goes to DIR/cleaning.csv.
 */
import path from "node:path";
import { segmentsLine } from "../src/pipeline/segmentsLine.js";
import { parseAsOf } from "../src/features/asOfDate.js";
import { recommendationText } from "../src/maintenance/text.js";
import { runMainJob, stageTable, syntheticNote } from "../src/pipeline/mainJob.js";
import { cliFail, FLAG_LIMITS, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";

const USAGE =
  "Usage: npm start -- [--data DIR] [--as-of YYYY-MM-DD] [--k N] [--seed N] [--model FILE] [--out DIR] [--skip-notebooks] [--workers N]";

/**
 * `npm start` with its arguments; throws on bad input (see `runCommand`). Returns whether every
 * notebook passed.
 *
 * @example
 * await startCommand(["--data", "data/twin", "--out", "/tmp/reports", "--skip-notebooks"]);
 */
export async function startCommand(
  argv: string[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<boolean> {
  const args = parseFlags(
    "start",
    USAGE,
    {
      data: { type: "string" },
      "as-of": { type: "string" },
      k: { type: "string" },
      seed: { type: "string" },
      model: { type: "string" },
      out: { type: "string", default: "reports" },
      "skip-notebooks": { type: "boolean", default: false },
      workers: { type: "string" },
    },
    argv,
  );
  const fail = (message: string): never => cliFail("start", USAGE, message);
  const k = integerFlag("start", USAGE, "k", args.k, 2, FLAG_LIMITS.k);
  const seed = integerFlag("start", USAGE, "seed", args.seed, 0);
  const workers = integerFlag("start", USAGE, "workers", args.workers, 0, FLAG_LIMITS.workers);
  if (args.model !== undefined && (k !== undefined || seed !== undefined))
    fail("--model applies a saved model: --k and --seed are the model's own and cannot be given.");
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      fail((e as Error).message.replace(/^asOf/, "--as-of"));
    }
  }

  const result = await runMainJob({
    data: args.data,
    asOf,
    k,
    seed,
    modelFile: args.model,
    out: args.out,
    skipNotebooks: args["skip-notebooks"],
    workers,
    log,
  });
  const m = result.metrics;
  const rel = (f: string) => path.relative(process.cwd(), f) || ".";
  const lines = [
    "",
    segmentsLine(m), // the silhouette as labelled: exact with n, or sampled with its interval
    ...m.sizes.map(
      (s) =>
        `  ${String(s.segment).padStart(2)}  ${s.name.padEnd(28)} ${s.customers.toLocaleString("en-US").padStart(8)}  ${(100 * s.share).toFixed(1).padStart(5)} %`,
    ),
    result.maintenance
      ? `Maintenance: ${recommendationText(result.maintenance.recommendation)} Study: ` +
        `${result.maintenance.recommendation.basis}${result.maintenance.cached ? ", read from the cache" : ""}.`
      : "Maintenance: not simulated (see metrics.json).",
    "Stages (seconds, peak memory):",
    stageTable(result),
    `Wrote to ${rel(path.resolve(args.out ?? "reports"))}/: ${result.files.map((f) => path.basename(f)).join(", ")}`,
  ];
  const note = syntheticNote(result.source);
  if (note) lines.push(note);
  log(lines.join("\n"));
  if (result.failedNotebooks.length > 0) {
    throw new Error(
      `notebook(s) ${result.failedNotebooks.join(", ")} failed (see above); the other outputs are complete.`,
    );
  }
  return true;
}

runCommand("start", async () => void (await startCommand(process.argv.slice(2))), import.meta.url);
