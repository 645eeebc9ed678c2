/**
 * The model-selection rule: from the candidates table (feature sets × algorithms × k, each with its
 * separation, balance and stability scores) to the pick and the reason, by a rule stated in words
 * ({@link SELECTION_RULE_TEXT}) and applied in code ({@link selectCandidate}).
 */

/** One candidate segmentation with its scores (all separation scores in one common space). */
export interface SelectionCandidate {
  /** Stable identifier, e.g. `"rfm-satisfaction/k-means/k5"`. */
  id: string;
  /** Readable name, e.g. `"RFM + satisfaction, k-means, k = 5"`. */
  label: string;
  /** Name of the feature set. */
  features: string;
  algorithm: string;
  k: number;
  /** Sampled silhouette (seeded) in the common evaluation space; higher is better. */
  silhouette: number;
  /** Davies-Bouldin in the common evaluation space; lower is better. */
  daviesBouldin: number;
  /** Calinski-Harabasz in the common evaluation space; higher is better. */
  calinskiHarabasz: number;
  /** Share of the smallest segment (0–1). */
  smallestShare: number;
  /** Mean ARI between fits with different seeds (1 = always the same segments). */
  seedStability: number;
}

/** Thresholds of the rule. */
export interface SelectionThresholds {
  /** Lowest accepted seed stability, mean ARI (default 0.9). */
  minSeedStability: number;
  /** Lowest accepted share of the smallest segment (default 0.02). */
  minSmallestShare: number;
  /** Silhouettes closer than this count as a tie, broken by Davies-Bouldin (default 0.005). */
  silhouetteTie: number;
}

/** The default thresholds. */
export const SELECTION_THRESHOLDS: SelectionThresholds = {
  minSeedStability: 0.9,
  minSmallestShare: 0.02,
  silhouetteTie: 0.005,
};

/** The rule in words, for the notebook, selection.json and the README. */
export function selectionRuleText(t: SelectionThresholds = SELECTION_THRESHOLDS): string {
  return (
    `1. Drop every candidate whose seed stability (mean ARI between fits with different seeds) is below ` +
    `${t.minSeedStability} or whose smallest segment holds less than ${pct(t.minSmallestShare)} of the customers. ` +
    `2. Score the others in one common space (the standardised union of the features of every feature set), ` +
    `because silhouettes of spaces with different dimensions are not comparable. ` +
    `3. Pick the highest silhouette there; silhouettes within ${t.silhouetteTie} of the best are a tie, ` +
    `broken by the lowest Davies-Bouldin.`
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

/** Why a candidate fails the thresholds (empty when it passes). */
function exclusion(c: SelectionCandidate, t: SelectionThresholds): string {
  const why: string[] = [];
  if (!(c.seedStability >= t.minSeedStability))
    why.push(`seed stability ${f3(c.seedStability)} < ${t.minSeedStability}`);
  if (!(c.smallestShare >= t.minSmallestShare))
    why.push(`smallest segment ${pct(c.smallestShare)} < ${pct(t.minSmallestShare)}`);
  return why.join("; ");
}

/**
 * Applies the selection rule to the candidates: drops the unstable and tiny-segment ones, picks the
 * best common-space silhouette (ties within `silhouetteTie` broken by Davies-Bouldin) and says why.
 * Throws when no candidate is eligible (the thresholds and the counts are in the message).
 *
 * @example
 * const d = selectCandidate(candidates);
 * d.pick; // "rfm-satisfaction/k-means/k5"
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
  if (eligible.length === 0) {
    throw new Error(
      `No candidate passes the selection rule (seed stability ≥ ${t.minSeedStability}, smallest ` +
        `segment ≥ ${pct(t.minSmallestShare)}) among ${judged.length}; widen the candidates or the thresholds.`,
    );
  }
  let bestSil = -Infinity;
  for (const c of eligible) if (c.silhouette > bestSil) bestSil = c.silhouette;
  const tied = eligible.filter((c) => c.silhouette >= bestSil - t.silhouetteTie);
  let pick = tied[0];
  for (const c of tied) if (c.daviesBouldin < pick.daviesBouldin) pick = c;
  pick.picked = true;

  const dropped = judged.length - eligible.length;
  const others = eligible.filter((c) => c !== pick);
  let runnerUp: JudgedCandidate | undefined;
  for (const c of others) if (!runnerUp || c.silhouette > runnerUp.silhouette) runnerUp = c;
  const parts = [
    `${pick.label}: ${dropped} of ${judged.length} candidates dropped by the thresholds; among the ` +
      `${eligible.length} left it has ` +
      (tied.length > 1
        ? `a silhouette of ${f3(pick.silhouette)}, tied (within ${t.silhouetteTie}) with ` +
          `${tied.length - 1} other(s), and the lowest Davies-Bouldin of them, ${f3(pick.daviesBouldin)}`
        : `the highest common-space silhouette, ${f3(pick.silhouette)}`) +
      ` (seed stability ${f3(pick.seedStability)}, smallest segment ${pct(pick.smallestShare)}).`,
  ];
  if (runnerUp && tied.length === 1)
    parts.push(`Runner-up: ${runnerUp.label}, silhouette ${f3(runnerUp.silhouette)}.`);
  const betterButDropped = judged
    .filter((c) => !c.eligible && c.silhouette > pick.silhouette)
    .sort((a, b) => b.silhouette - a.silhouette)[0];
  if (betterButDropped)
    parts.push(
      `${betterButDropped.label} separates better (silhouette ${f3(betterButDropped.silhouette)}) ` +
        `but is dropped: ${betterButDropped.excludedBecause}.`,
    );
  return { rule: selectionRuleText(t), candidates: judged, pick: pick.id, reason: parts.join(" ") };
}
