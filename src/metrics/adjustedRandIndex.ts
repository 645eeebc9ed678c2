/**
 * Adjusted Rand index between two labelings, with scikit-learn 1.2 semantics (pair confusion
 * matrix in exact integer arithmetic, 1.0 when both labelings agree on every pair, including the
 * degenerate "one cluster each" and "all singletons" cases). Noise (-1) is an ordinary label.
 */
import { encodeLabels } from "./labels.js";

/**
 * Adjusted Rand index: 1 for identical partitions (up to renaming), ~0 for independent ones,
 * possibly negative. Symmetric. O(n + clusters²).
 *
 * @example
 * adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)); // 1
 */
export function adjustedRandIndex(
  labelsTrue: ArrayLike<number>,
  labelsPred: ArrayLike<number>,
): number {
  const n = labelsTrue.length;
  if (labelsPred.length !== n) {
    throw new Error(
      `labelsTrue has ${n} entries but labelsPred has ${labelsPred.length}; they must be equal`,
    );
  }
  const a = encodeLabels(labelsTrue);
  const b = encodeLabels(labelsPred);
  const ka = a.values.length;
  const kb = b.values.length;
  const table = new Float64Array(ka * kb);
  for (let i = 0; i < n; i++) table[a.codes[i] * kb + b.codes[i]]++;
  // Counts ≤ n² fit exactly in doubles for n < 9.4e7; products below may not, hence BigInt.
  let sumSquares = 0n;
  for (let p = 0; p < table.length; p++) sumSquares += BigInt(table[p]) * BigInt(table[p]);
  let sumRowSquares = 0n;
  for (let c = 0; c < ka; c++) sumRowSquares += BigInt(a.counts[c]) * BigInt(a.counts[c]);
  let sumColSquares = 0n;
  for (let c = 0; c < kb; c++) sumColSquares += BigInt(b.counts[c]) * BigInt(b.counts[c]);
  const nn = BigInt(n);
  // sklearn's pair_confusion_matrix (ordered pairs).
  const tp = sumSquares - nn;
  const fp = sumRowSquares - sumSquares;
  const fn = sumColSquares - sumSquares;
  const tn = nn * nn - fp - fn - sumSquares;
  if (fn === 0n && fp === 0n) return 1;
  const numerator = 2n * (tp * tn - fn * fp);
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return Number(numerator) / Number(denominator);
}
