/**
 * The value model against the segment baseline, per segment and in total, from the holdout errors
 * the worth part carries: each method's relative error, which is closer, and one sentence that
 * names where the model loses. A comparison within rounding (both errors written the same) is a
 * tie, not a win.
 */
import { formatShare } from "./format.js";
import { joinNames } from "./superlative.js";
import type { BriefValue, BriefWorth } from "./worth.js";

/** Both methods' relative holdout errors of one group, and which is closer to what happened. */
export interface MethodErrors {
  model: number | null;
  baseline: number | null;
  /** The method with the smaller |error|; "tie" when both read the same; null without both. */
  closer: "model" | "baseline" | "tie" | null;
}

const usable = (x: number | null | undefined): x is number => x != null && Number.isFinite(x);

/**
 * The model's and the baseline's relative revenue errors of a group (its `error` is the shown
 * method's, `otherError` the other's).
 *
 * @example
 * methodErrors({ ...value, error: 0.44, otherError: 2.29 }, "model"); // { model: 0.44, baseline: 2.29, closer: "model" }
 */
export function methodErrors(
  value: BriefValue | null,
  shown: BriefWorth["value"]["shown"],
): MethodErrors {
  if (!value || shown === null) return { model: null, baseline: null, closer: null };
  const [model, baseline] =
    shown === "model" ? [value.error, value.otherError] : [value.otherError, value.error];
  if (!usable(model) || !usable(baseline)) return { model, baseline, closer: null };
  const m = formatShare(Math.abs(model));
  const b = formatShare(Math.abs(baseline));
  const closer = m === b ? "tie" : Math.abs(model) < Math.abs(baseline) ? "model" : "baseline";
  return { model, baseline, closer };
}

/**
 * Where the model beats the baseline and where it loses, in one or two sentences ("" without a
 * validated value study).
 *
 * @example
 * valueComparisonText(worth);
 * // "On the holdout year the model's revenue error is smaller than the baseline's in 3 of 4 segments compared and in total; it is larger in Dormant customers."
 */
export function valueComparisonText(worth: Pick<BriefWorth, "value" | "segments">): string {
  const shown = worth.value.shown;
  if (shown === null) return "";
  const rows = worth.segments.map((s) => ({ name: s.name, e: methodErrors(s.value, shown) }));
  const compared = rows.filter((r) => r.e.closer !== null);
  if (compared.length === 0) return "";
  const names = (closer: MethodErrors["closer"]) =>
    joinNames(compared.filter((r) => r.e.closer === closer).map((r) => r.name));
  const wins = compared.filter((r) => r.e.closer === "model").length;
  const total = methodErrors(worth.value.total, shown).closer;
  const totalWords =
    total === "model"
      ? " and in total"
      : total === "baseline"
        ? "; in total it is larger"
        : total === "tie"
          ? "; in total both are as close"
          : "";
  const parts = [
    `On the holdout year the model's revenue error is smaller than the baseline's in ${wins} of ` +
      `${compared.length} segments compared${totalWords}`,
  ];
  if (names("baseline")) parts.push(`it is larger in ${names("baseline")}`);
  if (names("tie")) parts.push(`both are as close in ${names("tie")}`);
  const skipped = rows.filter((r) => r.e.closer === null).map((r) => r.name);
  const tail = skipped.length
    ? ` Not compared (no relative holdout error): ${joinNames(skipped)}.`
    : "";
  return `${parts.join("; ")}.${tail}`;
}
