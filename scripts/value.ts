/**
 * Customer value as of a date: P(active), expected orders and revenue over the next 12 months per
 * customer (MBG/NBD × Gamma-Gamma), validated on the year before against each segment's historical
 * repeat rate and mean purchase value; writes customer-value.csv and value.json.
 *
 *   npm run value -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR]
 *
 * --data: folder of the nine Olist files (default: the loader's choice, see src/data/locate.ts);
 * --as-of: the as-of date, UTC (default: the customer table's default);
 * --out: output folder (default reports/value).
 *
 * Segments are those of the segmentation this data uses (the selection rule's pick on the table of
 * the as-of date, src/segments/segmentationInUse.ts) fitted at the as-of date;
 * the same model labels the customers at the validation cut, so the per-segment errors are those of
 * the segments the marketing table shows.
 */
import path from "node:path";
import { openOlist } from "../src/pipeline/openData.js";
import { sourceBannerText } from "../src/display/banner.js";
import { customerFeatures, parseAsOf } from "../src/features/index.js";
import { fitSegmentModel } from "../src/segments/index.js";
import { checkAsOfInData } from "../src/pipeline/segmentRun.js";
import { dataSegmentation } from "../src/segments/segmentationInUse.js";
import { cliFail, parseFlags, runCommand } from "../src/util/cli.js";
import type { PredictionErrors } from "../src/value/index.js";
import { valueBySegment, valueStudy, writeValueFiles } from "../src/value/index.js";

const USAGE = "Usage: npm run value -- [--data DIR] [--as-of YYYY-MM-DD] [--out DIR]";

const money = (v: number): string =>
  `R$ ${v.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : "–");

function errorsLine(label: string, e: PredictionErrors): string {
  return (
    `${label.padEnd(9)} orders ${e.predictedPurchases.toFixed(0).padStart(6)} vs ${e.actualPurchases.toFixed(0).padStart(5)}` +
    `  revenue ${money(e.predictedRevenue).padStart(11)} vs ${money(e.actualRevenue).padStart(11)} (${pct(e.revenueTotalRelativeError).padStart(8)})` +
    `  MAE ${e.maePurchases.toFixed(4)} orders, R$ ${e.maeRevenue.toFixed(2)}; RMSE R$ ${e.rmseRevenue.toFixed(2)}`
  );
}

async function main(): Promise<void> {
  const args = parseFlags("value", USAGE, {
    data: { type: "string" },
    "as-of": { type: "string" },
    out: { type: "string", default: "reports/value" },
  });
  let asOf: Date | undefined;
  if (args["as-of"] !== undefined) {
    try {
      asOf = parseAsOf(args["as-of"]);
    } catch (e) {
      cliFail("value", USAGE, (e as Error).message);
    }
  }
  const { db, source } = await openOlist({ dataDir: args.data });
  try {
    if (asOf) await checkAsOfInData(db, asOf);
    const start = performance.now();
    const table = await customerFeatures(db, { asOf });
    // The segmentation this data uses: the selection rule's pick (cached by the files' checksums).
    const { design } = await dataSegmentation(db, source, { table });
    const { model } = fitSegmentModel(table, { ...design, source });
    const segmentSeconds = (performance.now() - start) / 1000;
    const study = await valueStudy(db, {
      asOf: table.asOf,
      table,
      segmentLabels: (t) => model.assign(t),
    });
    const files = writeValueFiles(study, args.out as string);
    const seconds = (performance.now() - start) / 1000;

    if (source.synthetic) console.log(sourceBannerText(source));
    const { r, alpha, a, b } = study.model.purchase.params;
    const { p, q, gamma } = study.model.spend.params;
    const otb = study.oneTimeBuyers;
    console.log(
      `Customer value as of ${study.asOf.toISOString().slice(0, 10)} for ${study.inputs.ids.length.toLocaleString("en-US")} customers, next ${study.horizonDays} days.`,
    );
    console.log(
      `Purchases (MBG/NBD, days): r ${r.toPrecision(4)}, α ${alpha.toPrecision(4)}, a ${a.toPrecision(4)}, b ${b.toPrecision(4)}` +
        ` (${study.model.purchase.convergence.converged ? "converged" : "NOT converged"}). ` +
        `Spend (Gamma-Gamma, ${study.model.spend.customers} repeat customers): p ${p.toPrecision(4)}, q ${q.toPrecision(4)}, γ ${gamma.toPrecision(4)}; ` +
        `population mean R$ ${study.model.oneTimeSpend.value.toFixed(2)}; frequency–spend correlation ${study.model.spend.countSpendCorrelation.toFixed(3)}.`,
    );
    console.log(
      `One-time buyers: ${otb.customers.toLocaleString("en-US")} (${pct(otb.share)}), P(active) mean ${otb.meanPActive.toFixed(3)} ` +
        `(${otb.minPActive.toFixed(3)}–${otb.maxPActive.toFixed(3)}). ${otb.treatment}`,
    );
    const v = study.validation;
    if (v) {
      console.log(
        `Holdout: fitted as of ${v.cut.toISOString().slice(0, 10)} on ${v.cohort.toLocaleString("en-US")} customers, ` +
          `predicted to ${v.end.toISOString().slice(0, 10)} (${v.newCustomers.toLocaleString("en-US")} new customers not predicted, ` +
          `${v.inTransitAtCut} orders in transit at the cut); baseline: ${v.baseline.kind}${v.baseline.windowDays ? ` over ${v.baseline.windowDays} days` : ""}` +
          `${v.baseline.fallback.some((f) => f) ? ` (no customers then in segment(s) ${v.baseline.fallback.flatMap((f, s) => (f ? [s] : [])).join(", ")}: all customers' figures)` : ""}. Predicted vs actual:`,
      );
      for (const s of v.comparison.segments) {
        console.log(`  segment ${s.segment} (${s.model.customers} customers)`);
        console.log(`    ${errorsLine("model", s.model)}`);
        console.log(`    ${errorsLine("baseline", s.baseline)}`);
      }
      console.log(`  all customers`);
      console.log(`    ${errorsLine("model", v.comparison.total.model)}`);
      console.log(`    ${errorsLine("baseline", v.comparison.total.baseline)}`);
      if (v.otherVariant) {
        console.log(
          `  ${v.otherVariant.variant} variant: segment-total error ${money(v.otherVariant.segmentTotalsError)}, RMSE R$ ` +
            `${v.otherVariant.rmseRevenue.toFixed(2)}, one-time buyers' mean P(active) ${v.otherVariant.oneTimeBuyerMeanPActive.toFixed(3)}.`,
        );
      }
    } else console.log(study.skipped);
    console.log(`Shown: ${study.verdict.shown}. ${study.verdict.reason}`);
    const total = valueBySegment(study).at(-1);
    if (total) {
      console.log(
        `Expected revenue of the next 12 months (${total.shown}): ${money(total.expectedRevenue)}, ` +
          `R$ ${total.expectedRevenuePerCustomer.toFixed(2)} per customer.`,
      );
    }
    const t = study.seconds;
    console.log(
      `Time: ${seconds.toFixed(1)} s (customer table + segments ${segmentSeconds.toFixed(1)} s; value: fit at the as-of date ` +
        `${t.fit.toFixed(2)} s, calibration inputs ${t.calibration.toFixed(2)} s, holdout ${t.holdout.toFixed(2)} s, predict ${t.predict.toFixed(2)} s).`,
    );
    console.log(
      `Wrote ${[files.csv, files.json].map((f) => path.relative(process.cwd(), f)).join(", ")}`,
    );
  } finally {
    db.close();
  }
}

runCommand("value", main);
