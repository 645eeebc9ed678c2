/**
 * Fits the current segmentation and writes what makes it actionable without the model: the rule
 * cards (threshold rules in raw units, fidelity, price of explainability), the per-segment
 * bootstrap stability, and where the money is (revenue concentration overall and per segment).
 *
 *   npm run rules -- [--data DIR] [--out DIR]
 *
 * --data: folder of the nine Olist files (default: the loader's choice);
 * --out: output folder (default reports/segments): segment-rules.json, segment-stability.json,
 *        revenue-concentration.json (each written atomically, once all three are computed).
 */
import path from "node:path";
import { openOlist } from "../src/pipeline/openData.js";
import { sourceBannerText } from "../src/display/banner.js";
import { concentrationReport, segmentConcentration } from "../src/revenue/index.js";
import { ruleCardText, rulesSummaryText, segmentRules } from "../src/rules/index.js";
import { segmentCustomers } from "../src/pipeline/segmentRun.js";
import {
  bootstrapJaccard,
  kmeansFitter,
  STABILITY_DESIGN,
  stabilityReport,
} from "../src/stability/index.js";
import { writeFileAtomic } from "../src/util/atomicWrite.js";
import { parseFlags, runCommand } from "../src/util/cli.js";

const USAGE = "Usage: npm run rules -- [--data DIR] [--out DIR]";

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

async function main(): Promise<void> {
  const args = parseFlags("rules", USAGE, {
    data: { type: "string" },
    out: { type: "string", default: "reports/segments" },
  });
  const { db, source } = await openOlist({ dataDir: args.data });
  try {
    let start = performance.now();
    const s = await segmentCustomers(db, source, { exactSilhouette: false });
    const { model, table, matrix, labels } = s;
    const names = model.names;
    console.log(
      `Fitted k = ${model.k} on ${table.ids.length.toLocaleString("en-US")} customers as of ` +
        `${table.asOf.toISOString().slice(0, 10)} in ${seconds(start)} s`,
    );

    start = performance.now();
    const spec = model.toJSON();
    const rules = segmentRules({
      matrix,
      labels,
      centroids: model.centroids,
      transform: spec.transform,
      numeric: table.numeric,
      names,
    });
    const rulesSeconds = seconds(start);

    start = performance.now();
    const stability = bootstrapJaccard(
      matrix,
      labels,
      kmeansFitter(model.k, { nInit: spec.nInit }),
      STABILITY_DESIGN,
    );
    const stabilitySeconds = seconds(start);
    const money = segmentConcentration(table.numeric.monetary, labels, names);

    const out = args.out as string;
    const files = {
      rules: path.join(out, "segment-rules.json"),
      stability: path.join(out, "segment-stability.json"),
      revenue: path.join(out, "revenue-concentration.json"),
    };
    const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
    writeFileAtomic(files.rules, json(rules));
    writeFileAtomic(files.stability, json(stabilityReport(stability, names)));
    writeFileAtomic(files.revenue, json(concentrationReport(money)));

    if (source.synthetic) console.log(sourceBannerText(source));
    const immSize = rules.sizes[0];
    console.log(
      `Rules (${rulesSeconds} s): ${rulesSummaryText(rules)} IMM alone (${immSize.leaves} leaves): ` +
        `${(100 * immSize.fidelity).toFixed(1)} %.`,
    );
    for (const card of rules.segments) console.log(`  ${card.segment}  ${ruleCardText(card)}`);
    console.log(
      `Stability (${stabilitySeconds} s; ${stability.runs} draws of ` +
        `${stability.sampleSize.toLocaleString("en-US")} customers, seed ${stability.seed}):`,
    );
    for (const row of stability.segments) {
      console.log(
        `  ${row.segment}  ${names[row.segment].padEnd(28)} mean Jaccard ${row.meanJaccard.toFixed(3)} ` +
          `(min ${row.minJaccard.toFixed(3)})  ${row.flag}`,
      );
    }
    console.log(`Revenue: ${concentrationReport(money).overall.sentence}`);
    for (const seg of money.segments) {
      console.log(
        `  ${seg.segment}  ${seg.name.padEnd(28)} ${(100 * seg.customerShareOfAll).toFixed(1)} % of ` +
          `customers, ${(100 * seg.revenueShareOfAll).toFixed(1)} % of revenue; top 20 % of its ` +
          `customers bring ${(100 * seg.top20).toFixed(0)} % of its revenue`,
      );
    }
    const written = Object.values(files).map((f) => path.relative(process.cwd(), f));
    console.log(`Wrote ${written.join(", ")}`);
  } finally {
    db.close();
  }
}

runCommand("rules", main);
