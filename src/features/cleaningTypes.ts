/**
 * The types of the cleaning report, in a module of their own so that the rule tables
 * (`cleaningRules.ts`, `quirkCleaning.ts`, `quirkRules.ts`) and the report (`cleaning.ts`) can all
 * import them without importing each other.
 */

/** What the customer table does with the rows a rule matches. */
export type CleaningAction = "excluded" | "flagged" | "kept as missing";

/** A rule counted by one SQL query returning a single count. */
export interface CountedRule {
  rule: string;
  table: string;
  description: string;
  action: CleaningAction;
  sql: string;
}

/** One cleaning rule and the rows it affected. */
export interface CleaningRow {
  /** Short rule id naming the cause, e.g. `no_payment`, `purchase_outside_window`. */
  rule: string;
  /** Table whose rows are counted. */
  table: string;
  /** The rule in words, with its threshold when there is one. */
  description: string;
  /** Rows of `table` the rule matched. */
  rows: number;
  /** rows / records of `table` in its file (0 when the table is empty). */
  share: number;
  action: CleaningAction;
}
