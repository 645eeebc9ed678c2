/**
 * Where the money is: how concentrated spend is among customers. Customers sorted by spend, from
 * the largest: the Pareto curve gives the share of revenue brought by the top p of customers,
 * P(p) = 1 − L(1 − p), where L is the Lorenz curve (share of revenue of the lowest-spending share of
 * customers, piecewise linear between customers). The Gini coefficient is 1 − 2 ∫ L (0 when all
 * spend the same, (n − 1)/n when one customer spends everything).
 */

/** Options of {@link revenueConcentration}. */
export interface ConcentrationOptions {
  /** Points of the returned curve, evenly spaced customer shares from 0 to 1. Default 101 (every 1 %). */
  gridPoints?: number;
}

/** Concentration of one group's spend. */
export interface RevenueConcentration {
  customers: number;
  /** Total spend (R$). */
  revenue: number;
  /** Gini coefficient of spend. */
  gini: number;
  /** Share of revenue from the top 10 % and 20 % of customers by spend. */
  top10: number;
  top20: number;
  /** Pareto curve on the grid: top `customerShare` of customers bring `revenueShare` of revenue. */
  curve: { customerShare: Float64Array; revenueShare: Float64Array };
}

/** Spend sorted ascending and its cumulative sums (cum[i] = spend of the i lowest spenders). */
function sortedCumulative(spend: Float64Array): Float64Array {
  const sorted = Float64Array.from(spend).sort();
  const cum = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i];
    if (!(x >= 0 && Number.isFinite(x))) {
      throw new Error(`Spend must be finite and ≥ 0; found ${x}`);
    }
    cum[i + 1] = cum[i] + x;
  }
  return cum;
}

/** Lorenz curve at customer share x ∈ [0, 1], by linear interpolation between customers. */
function lorenzAt(cum: Float64Array, x: number): number {
  const n = cum.length - 1;
  const total = cum[n];
  const pos = x * n;
  const i = Math.min(Math.floor(pos), n);
  const partial = i < n ? (pos - i) * (cum[i + 1] - cum[i]) : 0;
  return (cum[i] + partial) / total;
}

/**
 * Share of revenue from the top `share` of customers by spend (linear between customers).
 *
 * @example
 * topShare(Float64Array.from([1, 2, 3, 4]), 0.25); // 0.4: the top customer brings 4 of 10
 */
export function topShare(spend: Float64Array, share: number): number {
  return 1 - lorenzAt(sortedCumulative(spend), 1 - share);
}

/**
 * Gini coefficient of spend: Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x), x sorted ascending, i = 1..n.
 *
 * @example
 * gini(Float64Array.from([0, 0, 0, 1])); // 0.75
 */
export function gini(spend: Float64Array): number {
  return giniOfCumulative(sortedCumulative(spend));
}

function giniOfCumulative(cum: Float64Array): number {
  const n = cum.length - 1;
  let weighted = 0;
  for (let i = 1; i <= n; i++) weighted += (2 * i - n - 1) * (cum[i] - cum[i - 1]);
  return weighted / (n * cum[n]);
}

/**
 * Concentration of spend: Pareto curve on an even grid of customer shares, Gini, top 10 % and 20 %.
 *
 * @example
 * const c = revenueConcentration(table.numeric.monetary);
 * c.top20; // share of revenue from the 20 % biggest spenders
 */
export function revenueConcentration(
  spend: Float64Array,
  options: ConcentrationOptions = {},
): RevenueConcentration {
  const points = options.gridPoints ?? 101;
  if (!(Number.isInteger(points) && points >= 2)) {
    throw new Error(`gridPoints must be an integer ≥ 2, got ${points}`);
  }
  if (spend.length === 0) throw new Error("revenueConcentration needs at least one customer");
  const cum = sortedCumulative(spend);
  const n = spend.length;
  const customerShare = new Float64Array(points);
  const revenueShare = new Float64Array(points);
  for (let g = 0; g < points; g++) {
    const p = g / (points - 1);
    customerShare[g] = p;
    revenueShare[g] = 1 - lorenzAt(cum, 1 - p);
  }
  return {
    customers: n,
    revenue: cum[n],
    gini: giniOfCumulative(cum),
    top10: 1 - lorenzAt(cum, 0.9),
    top20: 1 - lorenzAt(cum, 0.8),
    curve: { customerShare, revenueShare },
  };
}

/** Concentration of one segment, with its share of all customers and of all revenue. */
export interface SegmentConcentration extends RevenueConcentration {
  segment: number;
  name: string;
  customerShareOfAll: number;
  revenueShareOfAll: number;
}

/**
 * Concentration overall and within each segment (segments 0..k−1 of `labels`).
 *
 * @example
 * const { overall, segments } = segmentConcentration(table.numeric.monetary, labels, model.names);
 */
export function segmentConcentration(
  spend: Float64Array,
  labels: Int32Array,
  names?: readonly string[],
  options: ConcentrationOptions = {},
): { overall: RevenueConcentration; segments: SegmentConcentration[] } {
  if (labels.length !== spend.length) {
    throw new Error(`labels has ${labels.length} entries for ${spend.length} customers`);
  }
  const overall = revenueConcentration(spend, options);
  let k = names?.length ?? 0;
  for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i] + 1);
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
  const members = Array.from({ length: k }, (_, s) => new Float64Array(sizes[s]));
  const fill = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) members[labels[i]][fill[labels[i]]++] = spend[i];
  const segments = members.flatMap((values, s) =>
    values.length === 0
      ? []
      : [
          {
            segment: s,
            name: names?.[s] ?? `Segment ${s}`,
            ...revenueConcentration(values, options),
            customerShareOfAll: values.length / spend.length,
            revenueShareOfAll: 0,
          },
        ],
  );
  for (const s of segments) s.revenueShareOfAll = s.revenue / overall.revenue;
  return { overall, segments };
}

/** Percent with no decimal ("38 %"). */
const pct = (x: number) => `${Math.round(100 * x)} %`;

/**
 * The concentration in one sentence.
 *
 * @example
 * concentrationSentence(revenueConcentration(spend));
 * // "The top 10 % of customers by spend bring 38 % of revenue and the top 20 % bring 53 % (Gini 0.48)."
 */
export function concentrationSentence(c: RevenueConcentration, who = "customers"): string {
  return (
    `The top 10 % of ${who} by spend bring ${pct(c.top10)} of revenue and the top 20 % bring ` +
    `${pct(c.top20)} (Gini ${c.gini.toFixed(2)}).`
  );
}

/** One group in `revenue-concentration.json` (curve as plain arrays). */
export type ConcentrationJson = Omit<RevenueConcentration, "curve"> & {
  curve: { customerShare: number[]; revenueShare: number[] };
  sentence: string;
};

function concentrationJson(c: RevenueConcentration, who: string): ConcentrationJson {
  return {
    customers: c.customers,
    revenue: c.revenue,
    gini: c.gini,
    top10: c.top10,
    top20: c.top20,
    curve: {
      customerShare: Array.from(c.curve.customerShare),
      revenueShare: Array.from(c.curve.revenueShare),
    },
    sentence: concentrationSentence(c, who),
  };
}

/**
 * `revenue-concentration.json`: what spend is, the overall and per-segment concentration with
 * their curves (plain arrays) and sentences.
 *
 * @example
 * const report = concentrationReport(segmentConcentration(spend, labels, names));
 */
export function concentrationReport(result: ReturnType<typeof segmentConcentration>) {
  return {
    spend:
      "monetary: sum of payment_value over the customer's counted orders (R$), as in customers.csv",
    curve:
      "Pareto curve: the top customerShare of customers by spend bring revenueShare of the group's revenue",
    overall: concentrationJson(result.overall, "customers"),
    segments: result.segments.map((s) => ({
      segment: s.segment,
      name: s.name,
      customerShareOfAll: s.customerShareOfAll,
      revenueShareOfAll: s.revenueShareOfAll,
      ...concentrationJson(s, "its customers"),
    })),
  };
}
