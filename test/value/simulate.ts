/**
 * Simulation from the value models with known parameters (tests only): gamma and beta deviates
 * (Marsaglia–Tsang), purchase histories from the BG/NBD family, spends from the Gamma-Gamma model.
 */
import type { PurchaseModelVariant, PurchaseParameters } from "../../src/value/purchaseModel.js";
import type { SpendParameters } from "../../src/value/spendModel.js";
import type { Rng } from "../../src/util/random.js";

/** Gamma(shape, rate) deviate (Marsaglia and Tsang 2000; shape < 1 by the u^(1/shape) boost). */
export function gammaDeviate(rng: Rng, shape: number, rate: number): number {
  // eslint-disable-next-line local/no-recursion -- depth 1: shape + 1 >= 1
  if (shape < 1) return gammaDeviate(rng, shape + 1, rate) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = rng.normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) deviate as G_a / (G_a + G_b). */
export function betaDeviate(rng: Rng, a: number, b: number): number {
  const x = gammaDeviate(rng, a, 1);
  const y = gammaDeviate(rng, b, 1);
  return x / (x + y);
}

/** One simulated customer: its hidden λ, p and observed summary, plus its purchases in (T, T + t]. */
export interface SimulatedHistories {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Purchases in (T, T + horizon]. */
  future: Float64Array;
  /** Alive at T. */
  alive: Uint8Array;
}

/**
 * Purchase histories of customers with ages `ages` from the BG/NBD family: λ ~ Gamma(r, α),
 * p ~ Beta(a, b); drop-out right after the first purchase (modified) and after each repeat.
 */
export function simulatePurchases(
  rng: Rng,
  params: PurchaseParameters,
  ages: Float64Array,
  variant: PurchaseModelVariant,
  horizon = 0,
): SimulatedHistories {
  const n = ages.length;
  const out: SimulatedHistories = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: Float64Array.from(ages),
    future: new Float64Array(n),
    alive: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lambda = gammaDeviate(rng, params.r, params.alpha);
    const p = betaDeviate(rng, params.a, params.b);
    // Drop-out chance right after the first purchase (modified variant only).
    let deathTime = variant === "modified" && rng.next() < p ? 0 : Infinity;
    let t = 0;
    let x = 0;
    let tx = 0;
    let future = 0;
    while (deathTime === Infinity) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > ages[i] + horizon) break;
      if (t <= ages[i]) {
        x++;
        tx = t;
      } else future++;
      if (rng.next() < p) deathTime = t;
    }
    out.x[i] = x;
    out.tx[i] = tx;
    out.alive[i] = deathTime > ages[i] ? 1 : 0;
    out.future[i] = future;
  }
  return out;
}

/** Mean spend of `count[i]` transactions per customer from the Gamma-Gamma model (NaN when 0). */
export function simulateSpend(
  rng: Rng,
  params: SpendParameters,
  count: Float64Array,
): Float64Array {
  const out = new Float64Array(count.length);
  for (let i = 0; i < count.length; i++) {
    if (count[i] === 0) {
      out[i] = NaN;
      continue;
    }
    const nu = gammaDeviate(rng, params.q, params.gamma);
    let sum = 0;
    for (let j = 0; j < count[i]; j++) sum += gammaDeviate(rng, params.p, nu);
    out[i] = sum / count[i];
  }
  return out;
}
