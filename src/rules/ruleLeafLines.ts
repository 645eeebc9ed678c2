/**
 * A segment's rule card as lines a reader can apply by hand: each leaf of the tree is one
 * conjunction ("… and …"); a segment reached by several leaves reads "either <leaf 1>" / "or
 * <leaf 2>" / …, one line each, so "and" and "or" never mix in one sentence.
 */

/**
 * The lines of a rule card from its leaves in words.
 *
 * @example
 * ruleLeafLines(["frequency ≥ 2"]); // ["frequency ≥ 2"]
 * ruleLeafLines(["a and b", "c"]); // ["either a and b", "or c"]
 */
export function ruleLeafLines(leaves: readonly string[]): string[] {
  if (leaves.length <= 1) return [...leaves];
  return leaves.map((leaf, i) => `${i === 0 ? "either" : "or"} ${leaf}`);
}
