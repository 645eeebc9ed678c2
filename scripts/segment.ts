/**
 * Fits the chosen segmentation (or applies a saved model) and writes the customer → segment
 * assignment, the model and its metrics.
 *
 *   npm run segment -- [--data DIR] [--k N] [--seed N] [--out DIR] [--model FILE] [--as-of YYYY-MM-DD]
 *                      [--sampled-silhouette]
 *
 * --data: folder of the nine Olist files (default: the loader's choice);
 * --k, --seed: override the chosen model's k and seed (src/segments/chosen.ts);
 * --out: output folder (default reports/segments): customers.csv, model.json, metrics.json;
 * --model: assign segments with this saved model instead of fitting (what marketing reruns daily);
 * --as-of: customer table as of this date (default: after the latest purchase);
 * --sampled-silhouette: silhouette on a seeded 10,000-customer sample instead of exact (faster).
 */
import path from "node:path";
import { openOlist } from "../src/data/load.js";
import { sourceBannerText } from "../src/display/banner.js";
import { parseAsOf } from "../src/features/index.js";
import { loadModelFile, segmentCustomers, writeSegmentation } from "../src/segments/index.js";
import { cliFail, integerFlag, parseFlags, runCommand } from "../src/util/cli.js";

const USAGE =
  "Usage: npm run segment -- [--data DIR] [--k N] [--seed N] [--out DIR] [--model FILE] [--as-of YYYY-MM-DD] [--sampled-silhouette]";

async function main(): Promise<void> {
  const args = parseFlags("segment", USAGE, {
    data: { type: "string" },
    k: { type: "string" },
    seed: { type: "string" },
    out: { type: "string", default: "reports/segments" },
    model: { type: "string" },
    "as-of": { type: "string" },
    "sampled-silhouette": { type: "boolean", default: false },
  });
  const fail = (message: string): never => cliFail("segment", USAGE, message);
  const k = integerFlag("segment", USAGE, "k", args.k, 2);
  const seed = integerFlag("segment", USAGE, "seed", args.seed, 0);
  if (args.model && (k !== undefined || seed !== undefined)) {
    fail("--model applies a saved model: --k and --seed are the model's own and cannot be given.");
  }
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  const saved = args.model ? loadModelFile(args.model) : undefined;

  const { db, source } = await openOlist({ dataDir: args.data });
  try {
    const start = performance.now();
    const s = await segmentCustomers(db, source, {
      asOf,
      k,
      seed,
      model: saved,
      modelFile: args.model,
      exactSilhouette: !args["sampled-silhouette"],
    });
    const { model, metrics } = s;
    const files = writeSegmentation(
      args.out as string,
      model,
      s.table,
      s.matrix,
      s.labels,
      metrics,
    );
    const seconds = (performance.now() - start) / 1000;
    if (source.synthetic) console.log(sourceBannerText(source));
    console.log(
      `${saved ? `Assigned with ${args.model}` : `Fitted k = ${model.k} (seed ${metrics.seed})`} on ` +
        `${metrics.customers.toLocaleString("en-US")} customers as of ${metrics.asOf.slice(0, 10)} in ${seconds.toFixed(1)} s`,
    );
    for (const s of metrics.sizes) {
      console.log(
        `  ${String(s.segment).padStart(2)}  ${s.name.padEnd(28)} ${String(s.customers).padStart(7)}  ${(100 * s.share).toFixed(1).padStart(5)} %`,
      );
    }
    console.log(
      `silhouette ${metrics.silhouette.toFixed(4)} (${metrics.silhouetteMethod}), Davies-Bouldin ` +
        `${metrics.daviesBouldin.toFixed(4)}, Calinski-Harabasz ${metrics.calinskiHarabasz.toFixed(1)}, inertia ${metrics.inertia.toFixed(1)}`,
    );
    console.log(
      `Wrote ${Object.values(files)
        .map((f) => path.relative(process.cwd(), f))
        .join(", ")}`,
    );
  } finally {
    db.close();
  }
}

runCommand("segment", main);
