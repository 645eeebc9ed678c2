/**
 * The naming filter of the model selection: how many segments of a candidate's fit get a true name
 * by the naming rule of the segments themselves (`nameConditions.ts` shares, `nameChoice.ts` rule,
 * same constants), evaluated on the candidate's fitted sample. A segment the rule leaves with the
 * neutral name ("Segment n — mixed") is one marketing cannot act on.
 */
import { chooseNames, type SharesOf } from "./nameChoice.js";
import { conditionShares } from "./nameConditions.js";

/**
 * Number of the `k` segments of `labels` that the naming rule names (definition found, not the
 * neutral name). `rows[i]` is the row of the customer table (`numeric`) of sample row `i`, whose
 * segment is `labels[i]`. An empty segment counts as unnamed.
 *
 * @example
 * namedSegmentCount(table.numeric, fitIdx, fit.labels, 4); // 2 → two of four segments are "mixed"
 */
export function namedSegmentCount(
  numeric: Readonly<Record<string, ArrayLike<number>>>,
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): number {
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    if (s >= 0 && s < k) members[s].push(rows[i]);
  }
  const shares: SharesOf[] = members.map((m, segment) => ({
    segment,
    nameShares: conditionShares(numeric, m),
  }));
  let named = 0;
  chooseNames(shares).forEach((c, s) => {
    if (c.definition !== null && members[s].length > 0) named++;
  });
  return named;
}
