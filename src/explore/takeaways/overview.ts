/** Takeaways of what was loaded: table sizes, missing values, headline counts (notebooks 0 and 1). */
import type { ColumnMissingRow, DataOverview, TableSizeRow } from "../overview.js";
import { fmt, largestBy, listAnd, percent, plural } from "./format.js";

/**
 * Which tables match the Kaggle release's record counts and which differ, with both numbers.
 *
 * @example
 * tableSizesTakeaway(tableSizes(olist.tables));
 */
export function tableSizesTakeaway(rows: readonly TableSizeRow[]): string {
  const records = rows.reduce((s, r) => s + r.records, 0);
  const differ = rows.filter((r) => r.difference !== 0);
  const head = `${plural(rows.length, "table")} loaded, ${plural(records, "record")}`;
  if (differ.length === 0)
    return `${head}; every table has the record count of the Kaggle release.`;
  const same = rows.length - differ.length;
  const list = differ.map((r) => `${r.table} ${fmt(r.records)} vs ${fmt(r.kaggle_release)}`);
  return (
    `${head}; ${same} of ${rows.length} ${same === 1 ? "has" : "have"} the record count of the Kaggle ` +
    `release, ${differ.length} ${differ.length === 1 ? "differs" : "differ"} (loaded vs release): ${listAnd(list)}.`
  );
}

/**
 * How many columns hold missing values and which one holds the largest share.
 *
 * @example
 * columnMissingTakeaway(await columnMissing(db));
 */
export function columnMissingTakeaway(rows: readonly ColumnMissingRow[]): string {
  const withMissing = rows.filter((r) => r.missing > 0);
  const worst = largestBy(withMissing, (r) => r.missing_share);
  if (!worst) return `None of the ${plural(rows.length, "column")} has a missing value.`;
  const ties = withMissing.filter(
    (r) => r !== worst && r.missing_share === worst.missing_share,
  ).length;
  const others = ties > 0 ? ` and ${plural(ties, "other column")}` : "";
  return (
    `${withMissing.length} of the ${plural(rows.length, "column")} hold missing values; the largest share is ` +
    `${percent(worst.missing_share)} of rows, in ${worst.table}.${worst.column} (${plural(worst.missing, "value")})${others}.`
  );
}

/**
 * Orders, people, and how much of the feedback is stars or written text.
 *
 * @example
 * dataOverviewTakeaway(await dataOverview(db));
 */
export function dataOverviewTakeaway(o: DataOverview): string {
  const scored =
    o.scored_review_share === 1
      ? "Every review has a star score"
      : `${percent(o.scored_review_share)} of reviews have a star score`;
  const widest =
    o.reviewed_order_share > o.commented_review_share
      ? ": star scores are the feedback that covers the most orders."
      : ".";
  return (
    `${fmt(o.orders)} orders from ${fmt(o.people)} distinct people (customer_unique_id). ${scored} and ` +
    `${percent(o.reviewed_order_share)} of orders have a scored review, but only ` +
    `${percent(o.commented_review_share)} of the ${fmt(o.reviews)} reviews carry a written comment${widest}`
  );
}
