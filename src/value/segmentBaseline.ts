/**
 * The naive baseline the value model must beat: every customer of a segment is expected to do what
 * the segment's customers did over the same length of time before, at the segment's historical
 * repeat rate and mean purchase value. Two forms, both from data before the date predicted from:
 *
 * - **last period** (the default): the customers the segment held at D − W (same segment rule)
 *   and what they bought in [D − W, D): purchases and revenue per customer, times H / W, applied to
 *   the segment's customers at D. W is the horizon H when at least {@link MIN_BASELINE_COHORT}
 *   customers existed at D − H, else the longest of {@link BASELINE_WINDOWS} with that many (the data
 *   may start less than a horizon before D). A segment without customers at D − W takes the figures
 *   of all customers at D − W (flagged in `fallback`);
 * - **lifetime rate**, when no window has enough customers: the segment's repeat purchases per
 *   customer-day since the first purchase, Σ x / Σ T, times H, times its mean purchase value
 *   Σ revenue / Σ (x + 1).
 *
 * Why not the lifetime rate always: segments are partly defined by purchase frequency, so a segment
 * of one-time buyers has a lifetime repeat rate of exactly 0 and a segment of repeat buyers an
 * inflated one (they are in it because they repeated); the last period measures each segment on what
 * happened after membership, as the model is measured.
 *
 * Segments come as an integer label per customer (any segmentation plugs in).
 */

/** Customers a last-period baseline needs at the start of its window. */
export const MIN_BASELINE_COHORT = 1000;

/** Windows (days) a last-period baseline may look back over, longest first (the horizon comes first). */
export const BASELINE_WINDOWS = [273, 182, 91] as const;

/** What the lifetime-rate baseline reads per customer. */
export interface BaselineHistories {
  x: Float64Array;
  T: Float64Array;
  /** Revenue of all the customer's purchases so far, R$. */
  revenue: Float64Array;
}

/** The baseline's expectations per segment over the horizon. */
export interface SegmentBaseline {
  kind: "last period" | "lifetime rate";
  horizonDays: number;
  /** Days the figures were observed over (last period), scaled to the horizon; null for the lifetime rate. */
  windowDays: number | null;
  /** Number of segments (labels 0 … segments − 1). */
  segments: number;
  /** Customers each segment's figures rest on. */
  customers: Float64Array;
  /** Expected purchases per customer over the horizon. */
  purchasesPerCustomer: Float64Array;
  /** Expected revenue per customer over the horizon, R$. */
  revenuePerCustomer: Float64Array;
  /** Segments that had no customers to learn from and took the figures of all customers. */
  fallback: boolean[];
}

/** Number of segments of a label array (max label + 1); throws on a label that is not an integer ≥ 0. */
export function segmentCount(labels: ArrayLike<number>, atLeast = 1): number {
  let k = atLeast;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0)
      throw new Error(`Segment label ${i} is ${l}; labels must be integers ≥ 0.`);
    if (l + 1 > k) k = l + 1;
  }
  return k;
}

/**
 * The lifetime-rate baseline: Σ x / Σ T per segment, over `horizonDays`, times Σ revenue / Σ (x + 1).
 *
 * @example
 * const baseline = lifetimeRateBaseline(inputs, labels, 365);
 * baseline.purchasesPerCustomer[0]; // repeat purchases per customer-year in segment 0
 */
export function lifetimeRateBaseline(
  histories: BaselineHistories,
  labels: ArrayLike<number>,
  horizonDays: number,
  segments = segmentCount(labels),
): SegmentBaseline {
  const n = checkLabels(labels, histories.x.length, segments);
  const customers = new Float64Array(segments);
  const repeats = new Float64Array(segments);
  const days = new Float64Array(segments);
  const revenue = new Float64Array(segments);
  const purchases = new Float64Array(segments);
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    customers[s]++;
    repeats[s] += histories.x[i];
    days[s] += histories.T[i];
    revenue[s] += histories.revenue[i];
    purchases[s] += histories.x[i] + 1;
  }
  const purchasesPerCustomer = repeats.map((r, s) =>
    days[s] > 0 ? (horizonDays * r) / days[s] : 0,
  );
  const revenuePerCustomer = purchasesPerCustomer.map((p, s) =>
    purchases[s] > 0 ? (p * revenue[s]) / purchases[s] : 0,
  );
  const fallback = Array.from(customers, () => false);
  return {
    kind: "lifetime rate",
    horizonDays,
    windowDays: null,
    segments,
    customers,
    purchasesPerCustomer,
    revenuePerCustomer,
    fallback,
  };
}

/**
 * The last-period baseline: per segment, the mean purchases and revenue over the `windowDays` that
 * followed `labels`' date (`outcome`, one entry per labelled customer), times horizon / window. A
 * segment without customers takes the mean over all of them.
 *
 * @example
 * const baseline = lastPeriodBaseline(labelsAtOrigin, outcomeSinceOrigin, 365, 365);
 */
export function lastPeriodBaseline(
  labels: ArrayLike<number>,
  outcome: { purchases: ArrayLike<number>; revenue: ArrayLike<number> },
  horizonDays: number,
  windowDays: number,
  segments = segmentCount(labels),
): SegmentBaseline {
  const n = checkLabels(labels, outcome.purchases.length, segments);
  if (n === 0) throw new Error("The last-period baseline needs customers at the origin date.");
  const customers = new Float64Array(segments);
  const purchases = new Float64Array(segments);
  const revenue = new Float64Array(segments);
  let allPurchases = 0;
  let allRevenue = 0;
  for (let i = 0; i < n; i++) {
    const s = labels[i];
    customers[s]++;
    purchases[s] += outcome.purchases[i];
    revenue[s] += outcome.revenue[i];
    allPurchases += outcome.purchases[i];
    allRevenue += outcome.revenue[i];
  }
  const scale = horizonDays / windowDays;
  const fallback = Array.from(customers, (c) => c === 0);
  const purchasesPerCustomer = purchases.map(
    (p, s) => scale * (fallback[s] ? allPurchases / n : p / customers[s]),
  );
  const revenuePerCustomer = revenue.map(
    (r, s) => scale * (fallback[s] ? allRevenue / n : r / customers[s]),
  );
  return {
    kind: "last period",
    horizonDays,
    windowDays,
    segments,
    customers,
    purchasesPerCustomer,
    revenuePerCustomer,
    fallback,
  };
}

/** Checks labels (integers in 0 … segments − 1, one per customer); returns their number. */
function checkLabels(labels: ArrayLike<number>, customers: number, segments: number): number {
  if (labels.length !== customers) {
    throw new Error(`labels has ${labels.length} entries for ${customers} customers.`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (!(Number.isInteger(labels[i]) && labels[i] >= 0 && labels[i] < segments)) {
      throw new Error(`Segment label ${i} is ${labels[i]}, outside 0 … ${segments - 1}.`);
    }
  }
  return customers;
}

/**
 * The baseline's expected purchases and revenue over its horizon for customers with these labels.
 *
 * @example
 * const { purchases, revenue } = predictSegmentBaseline(baseline, labels);
 */
export function predictSegmentBaseline(
  baseline: SegmentBaseline,
  labels: ArrayLike<number>,
): { purchases: Float64Array; revenue: Float64Array } {
  checkLabels(labels, labels.length, baseline.segments);
  const purchases = Float64Array.from(labels, (s) => baseline.purchasesPerCustomer[s]);
  const revenue = Float64Array.from(labels, (s) => baseline.revenuePerCustomer[s]);
  return { purchases, revenue };
}
