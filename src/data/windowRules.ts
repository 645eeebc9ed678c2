/**
 * The window rules of the schema (`domain.window`): rows with a timestamp outside the plausible
 * window are excluded (policy `exclude`) or flagged (`flag`), and counted.
 */
import type { Database } from "./db.js";
import type { PlausibleWindow } from "./plausibleWindow.js";
import { WINDOW_FENCE_IQR } from "./plausibleWindow.js";
import { countWhere, presentTables, quote } from "./policySql.js";
import type { TableName, TableSpec } from "./schema.js";

/** A rule counted at load time, as the cleaning report lists it. */
export interface LoadRuleCount {
  rule: string;
  table: TableName;
  description: string;
  rows: number;
  action: "excluded" | "flagged";
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The window rules (`domain.window`) of a table, in column order. */
function windowRules(spec: TableSpec) {
  return spec.columns.flatMap((c) =>
    c.domain?.window ? [{ column: c.name, rule: c.domain.rule, policy: c.domain.policy }] : [],
  );
}

/**
 * Excludes (deletes) the rows with a timestamp outside the plausible window where the policy is
 * `exclude`, counts the `flag` ones, and returns the counts. A row is counted under the first of its
 * columns that is outside, so the counts of a table add up to the rows it lost.
 */
export async function applyWindowRules(db: Database, window: PlausibleWindow | null): Promise<LoadRuleCount[]> {
  const out: LoadRuleCount[] = [];
  const span = window ? `${day(window.from)} to ${day(window.to)}` : "none: no purchase timestamp";
  const fromS = window ? window.from.getTime() / 1000 : 0;
  const toS = window ? window.to.getTime() / 1000 : 0;
  for (const spec of await presentTables(db)) {
    const rules = windowRules(spec);
    if (rules.length === 0) continue;
    const outside = (c: string) => `coalesce(epoch(${quote(c)}) NOT BETWEEN ${fromS} AND ${toS}, false)`;
    const excluded = rules.filter((r) => r.policy === "exclude");
    const conditions = rules.map((r) => {
      if (r.policy !== "exclude") return outside(r.column);
      const earlier = excluded.slice(0, excluded.indexOf(r)).map((e) => `NOT ${outside(e.column)}`);
      return [outside(r.column), ...earlier].join(" AND ");
    });
    const counts = window ? await countWhere(db, spec.table, conditions) : conditions.map(() => 0);
    rules.forEach((r, i) => {
      const action = r.policy === "exclude" ? "excluded" : "flagged";
      out.push({
        rule: r.rule,
        table: spec.table,
        description:
          `${r.column} outside the plausible window of the data (${span}: ${WINDOW_FENCE_IQR} inter-quartile ` +
          `ranges beyond the quartiles of the purchase dates); ` +
          (action === "excluded" ? "the row is excluded at load." : "kept (no feature reads it)."),
        rows: counts[i],
        action,
      });
    });
    if (window && excluded.length > 0) {
      await db.run(`DELETE FROM ${spec.table} WHERE ${excluded.map((e) => outside(e.column)).join(" OR ")}`);
    }
  }
  return out;
}
