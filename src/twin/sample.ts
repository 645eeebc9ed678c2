/**
 * Small sampling helpers of the twin generator: weighted choice by cumulative weights, piecewise-
 * linear quantile tables, and 32-hex identifiers. All take a seeded `Rng`.
 */
import type { Rng } from "../util/random.js";

/**
 * Cumulative sums of non-negative weights, for `pickCumulative`.
 *
 * @example
 * cumulative([1, 3]); // Float64Array [1, 4]
 */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0)) throw new Error(`Sampling weight ${i} must be >= 0, got ${w}`);
    s += w;
    out[i] = s;
  }
  if (!(s > 0)) throw new Error("Sampling weights sum to zero: nothing can be drawn");
  return out;
}

/** Index drawn with probability proportional to its weight (binary search in the cumulative sums). */
export function pickCumulative(cum: Float64Array, rng: Rng, from = 0, to = cum.length): number {
  const base = from > 0 ? cum[from - 1] : 0;
  const x = base + rng.next() * (cum[to - 1] - base);
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Value of a piecewise-linear quantile function at probability `u` (`probs` ascending from 0 to 1).
 *
 * @example
 * quantileAt([0, 0.5, 1], [0, 10, 100], 0.75); // 55
 */
export function quantileAt(probs: readonly number[], values: readonly number[], u: number): number {
  for (let i = 1; i < probs.length; i++) {
    if (u <= probs[i]) {
      const t = (u - probs[i - 1]) / (probs[i] - probs[i - 1] || 1);
      return values[i - 1] + t * (values[i] - values[i - 1]);
    }
  }
  return values[values.length - 1];
}

/** A random 32-character lower-case hexadecimal id, like the Olist ids. */
export function hexId(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 4; i++) {
    s += Math.floor(rng.next() * 4_294_967_296)
      .toString(16)
      .padStart(8, "0");
  }
  return s;
}

/** `count` distinct 32-hex ids (a collision, astronomically unlikely, is simply redrawn). */
export function uniqueHexIds(count: number, rng: Rng, taken = new Set<string>()): string[] {
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let id = hexId(rng);
    while (taken.has(id)) id = hexId(rng);
    taken.add(id);
    out[i] = id;
  }
  return out;
}

/** Fisher–Yates shuffle of `0..n-1`. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLng = (lng2 - lng1) * r;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLng / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(a)));
}
