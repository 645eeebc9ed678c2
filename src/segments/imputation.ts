/**
 * Missing values in the open: for every numeric column of the customer table that has missing values
 * or feeds the model, how many customers miss it and what is done with them (the model's training
 * median, stated in model.json as `missing: "median"`, or left missing when the column is not a model
 * feature). Written as `imputation.csv` next to the segments, and said in one sentence in notebook 2
 * and the brief.
 */
import path from "node:path";
import type { CustomerTable } from "../features/definitions.js";
import type { TransformJSON } from "../features/transform.js";
import { writeFileAtomic } from "../util/atomicWrite.js";

/** One column's missing values and their treatment. */
export interface ImputationRow {
  feature: string;
  /** True when the column is a model feature. */
  inModel: boolean;
  /** Customers with a missing (NaN) value. */
  missing: number;
  /** Missing share of all customers. */
  share: number;
  /** `median` (replaced by the training median), `error` (rejected) or `left missing`. */
  treatment: "median" | "error" | "left missing";
  /** The value that replaces NaN (raw scale), or null. */
  value: number | null;
  /** Why the value is missing, when known. */
  why: string;
}

/** Known causes of missing values, by column. */
const WHY: Record<string, string> = {
  mean_review_score: "no review of a counted order created before the as-of date",
};

/**
 * The missing-value table of a customer table under a fitted transform (model.json's `transform`):
 * one row per model feature and per other numeric column with at least one missing value.
 */
export function imputationCounts(
  table: Pick<CustomerTable, "numeric">,
  transform: Pick<TransformJSON, "features" | "missing" | "impute">,
): ImputationRow[] {
  const numeric = table.numeric as Record<string, Float64Array>;
  const rows: ImputationRow[] = [];
  for (const [feature, col] of Object.entries(numeric)) {
    let missing = 0;
    for (let i = 0; i < col.length; i++) if (Number.isNaN(col[i])) missing++;
    const c = transform.features.indexOf(feature);
    if (c < 0 && missing === 0) continue;
    rows.push({
      feature,
      inModel: c >= 0,
      missing,
      share: col.length ? missing / col.length : 0,
      treatment: c < 0 ? "left missing" : transform.missing,
      value: c >= 0 && transform.missing === "median" ? transform.impute[c] : null,
      why: WHY[feature] ?? "",
    });
  }
  return rows;
}

/** The table as CSV (header: feature,in_model,missing,share,treatment,value,why). */
export function imputationCsv(rows: readonly ImputationRow[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const lines = ["feature,in_model,missing,share,treatment,value,why"];
  for (const r of rows) {
    lines.push(
      [
        r.feature,
        r.inModel,
        r.missing,
        r.share.toFixed(6),
        r.treatment,
        r.value ?? "",
        q(r.why),
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** Writes `imputation.csv` into `outDir` atomically; returns its path. */
export function writeImputation(outDir: string, rows: readonly ImputationRow[]): string {
  const file = path.join(outDir, "imputation.csv");
  writeFileAtomic(file, imputationCsv(rows));
  return file;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/**
 * One sentence on the imputed values of the model: how many customers miss each model feature and
 * what replaces it, e.g. "679 customers (0.7 %) have no mean review score (no review …) and are
 * given the training median, 5, as model.json states (missing: \"median\"); no other model feature
 * is missing."
 */
export function imputationSentence(rows: readonly ImputationRow[]): string {
  const model = rows.filter((r) => r.inModel && r.missing > 0);
  const others = rows.filter((r) => !r.inModel && r.missing > 0);
  const tail =
    others.length > 0
      ? ` Missing values of other columns (${others.map((r) => `${r.feature} ${r.missing.toLocaleString("en-US")}`).join(", ")}) are left missing: they do not enter the model, and profiles skip them.`
      : "";
  if (model.length === 0) return `No customer misses a model feature: nothing is imputed.${tail}`;
  const parts = model.map((r) => {
    const who = `${r.missing.toLocaleString("en-US")} customer${r.missing === 1 ? "" : "s"} (${(100 * r.share).toFixed(1)} %)`;
    const what = r.why
      ? `no ${r.feature.replaceAll("_", " ")} (${r.why})`
      : `no ${r.feature.replaceAll("_", " ")}`;
    const how =
      r.treatment === "median" && r.value !== null
        ? `given the training median, ${fmt(r.value)}`
        : r.treatment === "error"
          ? "rejected"
          : "left missing";
    return `${who} have ${what} and are ${how}`;
  });
  const rule = model[0].treatment === "median" ? ' (model.json: missing: "median")' : "";
  const rest =
    model.length === rows.filter((r) => r.inModel).length
      ? ""
      : "; no other model feature is missing";
  return `${parts.join("; ")}${rule}${rest}. Counts in imputation.csv (written by npm start and npm run segment).${tail}`;
}
