/**
 * The model-selection rule: from the candidates table (feature sets × algorithms × k, each with its
 * separation, balance and stability scores) to the pick and the reason, by a rule stated in words
 * ({@link SELECTION_RULE_TEXT}) and applied in code ({@link selectCandidate}). The reason is built
 * from the computed values.
 */

import { NAME_MIN_GAP, NAME_MIN_SHARE } from "./nameChoice.js";

/** One candidate segmentation with its scores, all measured in its own feature space. */
export interface SelectionCandidate {
  /** Stable identifier, e.g. `"rfm-satisfaction/k-means/k5"`. */
  id: string;
  /** Readable name, e.g. `"RFM + satisfaction, k-means, k = 5"`. */
  label: string;
  /** Name of the feature set. */
  features: string;
  /** Number of features of the set (the dimension of its space). */
  dimensions: number;
  algorithm: string;
  k: number;
  /** Sampled silhouette (seeded) in the candidate's own space; not comparable across spaces. */
  silhouette: number;
  /** Sampled silhouette of the same algorithm and k on a column-permuted copy of the data. */
  nullSilhouette: number;
  /** `silhouette − nullSilhouette`: separation beyond the null, comparable across spaces. */
  silhouetteLift: number;
  /** Davies-Bouldin in the own space (lower is better; shown, not ranked: not comparable across spaces). */
  daviesBouldin: number;
  /** Calinski-Harabasz in the own space (higher is better; shown, not ranked). */
  calinskiHarabasz: number;
  /** Share of the smallest segment (0–1). */
  smallestShare: number;
  /** Mean ARI between fits with different seeds (1 = always the same segments). */
  seedStability: number;
  /**
   * Segments (of k) the naming rule (`nameChoice.ts`) gives a true name on the fitted sample; the
   * others get the neutral name "Segment n — mixed".
   */
  named: number;
}

/** Thresholds of the rule. */
export interface SelectionThresholds {
  /** Lowest accepted seed stability, mean ARI (default 0.9). */
  minSeedStability: number;
  /** Lowest accepted share of the smallest segment (default 0.02). */
  minSmallestShare: number;
  /** Lifts closer than this to the best count as a tie (default 0.01, about the sampling noise). */
  liftTie: number;
}

/** The default thresholds. */
export const SELECTION_THRESHOLDS: SelectionThresholds = {
  minSeedStability: 0.9,
  minSmallestShare: 0.02,
  liftTie: 0.01,
};

/**
 * The candidate fitted when no candidate passes the thresholds: the fallback design of `chosen.ts`
 * (RFM + satisfaction, k-means, k = 5; a test checks that the two agree).
 */
export const FALLBACK_CANDIDATE = "rfm-satisfaction/k-means/k5";

/** The rule in words, for the notebook, selection.json and the README. */
export function selectionRuleText(t: SelectionThresholds = SELECTION_THRESHOLDS): string {
  return (
    `1. Drop every candidate whose seed stability (mean ARI between fits with different seeds) is below ` +
    `${t.minSeedStability}, whose smallest segment holds less than ${pct(t.minSmallestShare)} of the customers, ` +
    `or one of whose segments has no true name: every segment must get a name from the naming ladder ` +
    `(a condition true of at least ${pct(NAME_MIN_SHARE)} of its members and met by at least ` +
    `${Math.round(100 * NAME_MIN_GAP)} percentage points fewer members in every other segment), not the ` +
    `neutral "Segment n — mixed", by the naming rule of the segments, on the candidate's fitted sample. ` +
    `2. Score each of the others in its own feature space by its silhouette lift: its silhouette minus the ` +
    `silhouette of the same algorithm and k on a column-permuted copy of the same data (the null, which ` +
    `keeps each feature's distribution and removes how the features go together), so that feature sets of ` +
    `different dimension are compared on the structure they add, not on their dimension. ` +
    `3. Pick the highest lift; lifts within ${t.liftTie} of the best are a tie, broken by the most ` +
    `segments with a true name (each one more group marketing can act on), then the fewest features, then ` +
    `the higher seed stability, then the id. ` +
    `4. If no candidate passes step 1, the fallback design (${FALLBACK_CANDIDATE}) is fitted and the reason says so.`
  );
}

/** The rule in words with the default thresholds. */
export const SELECTION_RULE_TEXT = selectionRuleText();

/** A candidate after the rule: eligible or not (and why), picked or not. */
export interface JudgedCandidate extends SelectionCandidate {
  eligible: boolean;
  /** Why it was dropped (empty when eligible). */
  excludedBecause: string;
  picked: boolean;
}

/** The outcome of the rule. */
export interface SelectionDecision {
  rule: string;
  candidates: JudgedCandidate[];
  /** Id of the picked candidate. */
  pick: string;
  /** Why it was picked, naming the deciding values. */
  reason: string;
}

function pct(x: number): string {
  return `${+(100 * x).toFixed(1)} %`;
}

const f3 = (x: number) => x.toFixed(3);

/** The naming filter's verdict in words, e.g. `"only 2 of 4 segments have a true name"`. */
function namesText(c: Pick<SelectionCandidate, "named" | "k">): string {
  return `only ${c.named} of ${c.k} segments ${c.named === 1 ? "has" : "have"} a true name`;
}

/** The thresholds in words, for the fallback reason and the error. */
function thresholdsText(t: SelectionThresholds): string {
  return (
    `seed stability ≥ ${t.minSeedStability}, smallest segment ≥ ${pct(t.minSmallestShare)}, ` +
    `every segment with a true name`
  );
}

/** Why a candidate fails the thresholds (empty when it passes). */
function exclusion(c: SelectionCandidate, t: SelectionThresholds): string {
  const why: string[] = [];
  if (!(c.seedStability >= t.minSeedStability))
    why.push(`seed stability ${f3(c.seedStability)} < ${t.minSeedStability}`);
  if (!(c.smallestShare >= t.minSmallestShare))
    why.push(`smallest segment ${pct(c.smallestShare)} < ${pct(t.minSmallestShare)}`);
  if (!(c.named >= c.k)) why.push(namesText(c));
  if (!Number.isFinite(c.silhouetteLift)) why.push("silhouette lift not measured");
  return why.join("; ");
}

/** Tie order: more truly named segments, fewer features, higher seed stability, then the id. */
function tieOrder(a: SelectionCandidate, b: SelectionCandidate): number {
  return (
    b.named - a.named ||
    a.dimensions - b.dimensions ||
    b.seedStability - a.seedStability ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Lift with its parts, e.g. `"0.120 (silhouette 0.450 − null 0.330)"`. */
function liftText(c: SelectionCandidate): string {
  return `${f3(c.silhouetteLift)} (silhouette ${f3(c.silhouette)} − null ${f3(c.nullSilhouette)})`;
}

/**
 * Applies the selection rule to the candidates: drops the unstable and tiny-segment ones and those
 * with a segment the naming rule cannot name (`named < k`), picks the
 * highest silhouette lift over the null (ties within `liftTie` broken by more named segments, fewer features,
 * higher stability, id) and says why, from the values. When none is eligible, picks the
 * {@link FALLBACK_CANDIDATE} if it is among the candidates, else throws.
 *
 * @example
 * const d = selectCandidate(candidates);
 * d.pick; // e.g. "rfm-satisfaction/k-means/k5"
 */
export function selectCandidate(
  candidates: readonly SelectionCandidate[],
  thresholds: Partial<SelectionThresholds> = {},
): SelectionDecision {
  const t = { ...SELECTION_THRESHOLDS, ...thresholds };
  const judged: JudgedCandidate[] = candidates.map((c) => {
    const excludedBecause = exclusion(c, t);
    return { ...c, eligible: excludedBecause === "", excludedBecause, picked: false };
  });
  const eligible = judged.filter((c) => c.eligible);
  const fallback = judged.find((c) => c.id === FALLBACK_CANDIDATE);
  if (eligible.length === 0 && fallback) {
    fallback.picked = true;
    const reason =
      `No candidate of ${judged.length} passes the filters (${thresholdsText(t)}): the fallback ` +
      `design ${fallback.label} is fitted (seed stability ${f3(fallback.seedStability)}, smallest ` +
      `segment ${pct(fallback.smallestShare)}, ${fallback.named} of ${fallback.k} segments named, ` +
      `lift ${f3(fallback.silhouetteLift)}).`;
    return { rule: selectionRuleText(t), candidates: judged, pick: fallback.id, reason };
  }
  if (eligible.length === 0) {
    throw new Error(
      `No candidate passes the selection rule (${thresholdsText(t)}) among ${judged.length}; ` +
        `widen the candidates or the thresholds.`,
    );
  }
  let best = -Infinity;
  for (const c of eligible) if (c.silhouetteLift > best) best = c.silhouetteLift;
  const tied = eligible.filter((c) => c.silhouetteLift >= best - t.liftTie).sort(tieOrder);
  const pick = tied[0];
  pick.picked = true;

  const dropped = judged.length - eligible.length;
  const others = tied.slice(1);
  const parts = [
    `${pick.label}: ${dropped} of ${judged.length} candidates dropped by the filters; among the ` +
      `${eligible.length} left it has ` +
      (others.length > 0
        ? `a silhouette lift of ${liftText(pick)}, within ${t.liftTie} of the best (${f3(best)}), tied with ` +
          others.map((c) => `${c.label} (${f3(c.silhouetteLift)})`).join(", ") +
          `; it comes first of the tied by the tie order (k = ${pick.k}, ${pick.dimensions} features; `
        : `the highest silhouette lift over the null, ${liftText(pick)} (`) +
      `seed stability ${f3(pick.seedStability)}, smallest segment ${pct(pick.smallestShare)}, ` +
      `all ${pick.k} segments named).`,
  ];
  let runnerUp: JudgedCandidate | undefined;
  for (const c of eligible)
    if (!tied.includes(c) && (!runnerUp || c.silhouetteLift > runnerUp.silhouetteLift))
      runnerUp = c;
  if (runnerUp) parts.push(`Next outside the tie: ${runnerUp.label}, lift ${liftText(runnerUp)}.`);
  const betterButDropped = judged
    .filter((c) => !c.eligible && c.silhouetteLift > pick.silhouetteLift)
    .sort((a, b) => b.silhouetteLift - a.silhouetteLift)[0];
  if (betterButDropped)
    parts.push(
      `${betterButDropped.label} has a higher lift (${f3(betterButDropped.silhouetteLift)}) ` +
        `but is dropped: ${betterButDropped.excludedBecause}.`,
    );
  // The best candidate that only the naming filter drops, when it beats the pick: say what it costs.
  const droppedForNames = judged
    .filter(
      (c) =>
        !c.eligible &&
        c !== betterButDropped &&
        c.excludedBecause === namesText(c) &&
        c.silhouetteLift > pick.silhouetteLift,
    )
    .sort((a, b) => b.silhouetteLift - a.silhouetteLift)[0];
  if (droppedForNames)
    parts.push(
      `${droppedForNames.label} passes the other filters with a higher lift ` +
        `(${f3(droppedForNames.silhouetteLift)}) but is dropped: ${droppedForNames.excludedBecause}.`,
    );
  return { rule: selectionRuleText(t), candidates: judged, pick: pick.id, reason: parts.join(" ") };
}
