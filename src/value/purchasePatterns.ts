/**
 * Purchase histories in the buy-till-you-die summary form, one entry per customer: x repeat
 * purchases, the time t_x of the last one and the customer's age T, both counted from the first
 * purchase (in days here). Identical (x, t_x, T) triples have identical likelihoods and predictions,
 * so they are computed once per pattern: on Olist, ~97 % of customers are one-time buyers whose
 * pattern is (0, 0, T) with T in whole days, which folds 93k customers into a few thousand patterns.
 */

/** Purchase histories, one entry per customer (typed arrays of equal length). */
export interface PurchaseHistories {
  /** Repeat purchases (purchases after the first), an integer ≥ 0. */
  x: Float64Array;
  /** Time of the last purchase since the first (0 when x = 0), 0 ≤ t_x ≤ T. */
  tx: Float64Array;
  /** Age: time from the first purchase to the date the history is read at. */
  T: Float64Array;
}

/** Distinct (x, t_x, T) triples with their number of customers. */
export interface PurchasePatterns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Customers with this pattern. */
  weight: Float64Array;
  /** Pattern of each customer (index into the arrays above), in customer order. */
  of: Int32Array;
}

/** Throws with the first customer whose history is impossible (names the index and values). */
export function checkPurchaseHistories(h: PurchaseHistories): void {
  const n = h.x.length;
  if (h.tx.length !== n || h.T.length !== n) {
    throw new Error(`Purchase histories: x, tx and T must have one entry per customer (${n}).`);
  }
  for (let i = 0; i < n; i++) {
    const x = h.x[i];
    const tx = h.tx[i];
    const T = h.T[i];
    const valid =
      Number.isInteger(x) &&
      x >= 0 &&
      tx >= 0 &&
      tx <= T &&
      Number.isFinite(T) &&
      (x > 0 || tx === 0);
    if (!valid) {
      throw new Error(
        `Purchase history ${i} is impossible: x = ${x}, t_x = ${tx}, T = ${T} ` +
          "(need an integer x ≥ 0, 0 ≤ t_x ≤ T, and t_x = 0 when x = 0).",
      );
    }
  }
}

/**
 * Groups customers by identical (x, t_x, T). Linear: one hash-map pass.
 *
 * @example
 * const p = purchasePatterns({ x: Float64Array.of(0, 0, 1), tx: Float64Array.of(0, 0, 5), T: Float64Array.of(9, 9, 9) });
 * p.weight; // Float64Array [2, 1]
 */
export function purchasePatterns(h: PurchaseHistories): PurchasePatterns {
  checkPurchaseHistories(h);
  const n = h.x.length;
  const index = new Map<string, number>();
  const of = new Int32Array(n);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${h.x[i]}|${h.tx[i]}|${h.T[i]}`;
    let k = index.get(key);
    if (k === undefined) {
      k = x.length;
      index.set(key, k);
      x.push(h.x[i]);
      tx.push(h.tx[i]);
      T.push(h.T[i]);
      weight.push(0);
    }
    weight[k]++;
    of[i] = k;
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    of,
  };
}

/** Spreads one value per pattern back to one value per customer. */
export function perCustomer(
  patterns: Pick<PurchasePatterns, "of">,
  values: Float64Array,
): Float64Array {
  const out = new Float64Array(patterns.of.length);
  for (let i = 0; i < out.length; i++) out[i] = values[patterns.of[i]];
  return out;
}
