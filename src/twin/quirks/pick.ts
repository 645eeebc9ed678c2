/** Sampling helpers of the quirk passes. */
import type { Rng } from "../../util/random.js";

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** Indexes `0..n-1` for which `keep(i)` holds, in random order. */
export function shuffledWhere(n: number, keep: (i: number) => boolean, rng: Rng): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return shuffleInPlace(out, rng);
}
