/**
 * The per-segment stability table of notebooks, `segment-stability.json` and the brief: one row per
 * segment with its mean bootstrap Jaccard, flag and a sentence that states them.
 */
import type { BootstrapJaccardResult, StabilityFlag } from "./bootstrapJaccard.js";
import { JACCARD_STABLE, JACCARD_UNTRUSTED } from "./bootstrapJaccard.js";

/** One row of the stability table. */
export interface StabilityRow {
  segment: number;
  name: string;
  customers: number;
  meanJaccard: number;
  minJaccard: number;
  flag: StabilityFlag;
  /** The flag stated with its number and threshold. */
  sentence: string;
}

const FLAG_WORDS: Record<StabilityFlag, string> = {
  stable: `stable (mean bootstrap Jaccard ≥ ${JACCARD_STABLE})`,
  doubtful: `a real pattern whose members are doubtful (mean bootstrap Jaccard from ${JACCARD_UNTRUSTED} to under ${JACCARD_STABLE})`,
  unstable: `not to be trusted (mean bootstrap Jaccard below ${JACCARD_UNTRUSTED})`,
};

/**
 * The stability table of a {@link BootstrapJaccardResult}, with segment names (default `Segment i`).
 *
 * @example
 * stabilityTable(bootstrapJaccard(matrix, labels, kmeansFitter(5)), model.names)[0].sentence;
 * // "Recent small baskets: 0.98, stable (mean bootstrap Jaccard ≥ 0.75)."
 */
export function stabilityTable(
  result: BootstrapJaccardResult,
  names?: readonly string[],
): StabilityRow[] {
  return result.segments.map((s) => {
    const name = names?.[s.segment] ?? `Segment ${s.segment}`;
    return {
      segment: s.segment,
      name,
      customers: s.customers,
      meanJaccard: s.meanJaccard,
      minJaccard: s.minJaccard,
      flag: s.flag,
      sentence: `${name}: ${s.meanJaccard.toFixed(2)}, ${FLAG_WORDS[s.flag]}.`,
    };
  });
}

/** The design of a result in words ("20 bootstrap draws of 20,000 customers with replacement, seed 0"). */
export function stabilityDesignWords(result: BootstrapJaccardResult): string {
  return (
    `${result.runs} bootstrap draws of ${result.sampleSize.toLocaleString("en-US")} customers ` +
    `with replacement, each refitted; per segment the best Jaccard with a refitted segment on the ` +
    `customers drawn, averaged over the draws (Hennig 2007); seed ${result.seed}`
  );
}

/** `segment-stability.json`: design, thresholds, the table and every run's Jaccards. */
export interface StabilityReport {
  method: string;
  design: { runs: number; sampleSize: number; seed: number };
  thresholds: { stable: number; untrusted: number };
  segments: StabilityRow[];
  /** Best Jaccard per run (rows) and segment (columns); null where a draw missed the segment. */
  jaccard: (number | null)[][];
}

/**
 * The JSON report of a bootstrap-Jaccard result (plain arrays, ready for `JSON.stringify`).
 *
 * @example
 * writeFileAtomic("segment-stability.json", JSON.stringify(stabilityReport(result, names), null, 2));
 */
export function stabilityReport(
  result: BootstrapJaccardResult,
  names?: readonly string[],
): StabilityReport {
  const k = result.segments.length;
  const jaccard: (number | null)[][] = [];
  for (let b = 0; b < result.runs; b++) {
    jaccard.push(
      Array.from(result.jaccard.subarray(b * k, (b + 1) * k), (j) => (Number.isNaN(j) ? null : j)),
    );
  }
  return {
    method: stabilityDesignWords(result),
    design: { runs: result.runs, sampleSize: result.sampleSize, seed: result.seed },
    thresholds: { stable: JACCARD_STABLE, untrusted: JACCARD_UNTRUSTED },
    segments: stabilityTable(result, names),
    jaccard,
  };
}
