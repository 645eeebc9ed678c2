/**
 * Seeded pseudo-random numbers shared by the whole toolbox (twin generator, k-means++, samples,
 * bootstraps), so that the same seed always gives the same output on every machine.
 * The generator is sfc32 (Small Fast Counting, 128-bit state) seeded through splitmix32; it is fast,
 * passes PractRand to large sizes and, unlike `Math.random`, can be replayed.
 */

/** A seeded random source. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** Derives an independent generator (for a sub-task) without disturbing this one's sequence more than one draw. */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator. Any finite number is accepted as seed (it is folded to 32 bits).
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // same value on every run
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`Random seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.floor(seed) ^ Math.floor(seed / 2 ** 32));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  let spare = NaN;
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up so that close seeds diverge at once.
  for (let i = 0; i < 12; i++) nextU32();
  const rng: Rng = {
    next: () => (nextU32() + (nextU32() >>> 11) / 2 ** 21) / 2 ** 32,
    int: (n) => Math.floor(rng.next() * n),
    normal: () => {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    // eslint-disable-next-line local/no-recursion -- fork() builds one generator and returns: depth 1
    fork: () => createRng(nextU32()),
  };
  return rng;
}
