/**
 * The sentences of notebook 2 that name the segmentation in use (the selection rule's pick, see
 * `segmentationInUse.ts`): the heading and lead of the comparison section (section 6) and of the
 * PCA section (section 8), each rendered from the values it states, none typed into the notebook.
 */
import { displayBundle } from "../display/notebook.js";
import { escapeHtml, NO_MATH_CLASS } from "../display/text.js";
import type { FeatureSet } from "./compare.js";
import { FEATURE_SETS } from "./compare.js";
import type { SegmentationInUse } from "./segmentationInUse.js";
import { segmentationInUseText } from "./segmentationInUse.js";
import { pickLabel } from "./selectionDisplay.js";

/** A section's heading and lead paragraph. */
export interface SectionText {
  heading: string;
  body: string;
}

/**
 * The feature set of a design among `sets` (same features in the same order): its index and name.
 * Throws when the design's features are not one of the sets.
 */
export function pickedFeatureSet(
  design: { features: readonly string[] },
  sets: readonly FeatureSet[] = FEATURE_SETS,
): { index: number; name: string } {
  const key = design.features.join(",");
  const index = sets.findIndex((s) => s.features.join(",") === key);
  if (index < 0)
    throw new Error(
      `The features ${key} are not one of the feature sets compared (${sets.length}).`,
    );
  return { index, name: sets[index].name };
}

/** How the segmentation in use is named in a sentence: the candidate's label, else its words. */
export function inUseLabel(s: Pick<SegmentationInUse, "design" | "origin" | "selection">): string {
  return s.selection ? pickLabel(s.selection.report) : segmentationInUseText(s);
}

const WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
];

/** A small count in words ("four"), digits from 11 on. */
export function countWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
}

/**
 * Section 6's heading and lead: every algorithm on every feature set at the k of the segmentation
 * in use, DBSCAN on the set it was run on (`dbscanSet`).
 */
export function comparisonSectionText(
  inUse: Pick<SegmentationInUse, "design" | "origin" | "selection">,
  dbscanSet: string,
): SectionText {
  const k = inUse.design.k;
  const why =
    inUse.origin === "selection" ? "the selection rule's pick" : "the segmentation in use";
  return {
    heading: "6 · One table: every algorithm on every feature set, against the RFM baseline",
    body:
      `For each feature set, k-means and Ward at k = ${k} (the k of ${why}, ${inUseLabel(inUse)}; ` +
      `section 7 gives the rule), Ward on a 2,000-customer sample, and the RFM baseline's segments ` +
      `scored in the same feature space; DBSCAN (noise left out of the scores) on ${dbscanSet} only ` +
      `(section 5) — in 6–8 dimensions its neighbourhoods at a comparable eps cover much of the table ` +
      `and it gets slow without telling anything new.`,
  };
}

/** Section 8's heading and lead: a PCA of the model's standardised features, named and counted. */
export function pcaSectionText(features: readonly string[]): SectionText {
  return {
    heading: "8 · Segments in two and three dimensions (PCA)",
    body:
      `A principal component analysis of the model's ${countWord(features.length)} standardised ` +
      `features (${features.join(", ")}), only to look at the segments: the projections are not ` +
      `used for clustering.`,
  };
}

/** Shows a section's heading and lead in a notebook (plain text outside one). */
export function showSectionText(t: SectionText): void {
  displayBundle({
    "text/html": `<div class="${NO_MATH_CLASS}"><h2>${escapeHtml(t.heading)}</h2><p>${escapeHtml(t.body)}</p></div>`,
    "text/plain": `${t.heading}\n${t.body}`,
  });
}
