/**
 * The deck's modelling part: the candidates and the selection rule's pick (from `selection.json`
 * when present, else the chosen model's scores), the segments (sizes, profiles, marketing table),
 * (value, rules and stability per segment are in slidesWorth.ts).
 */
import { profileFigure, sharesFigure } from "../brief/charts.js";
import type { BriefChartSegment } from "../brief/charts.js";
import type { DeckContext } from "./context.js";
import type { Block, Slide, Text } from "./deck.js";
import type { FactFormat } from "./facts.js";
import { tx } from "./deck.js";
import { formatDecimal } from "../brief/format.js";
import { joinNames, leadersBy, superlativeText } from "../brief/superlative.js";
import { candidatesFigure } from "./charts.js";
import { revenueLeaders } from "./slidesData.js";

interface Candidate {
  id?: string;
  label?: string;
  silhouette?: number;
  daviesBouldin?: number;
  calinskiHarabasz?: number;
  seedStability?: number;
  /** Own-space silhouette minus the column-permuted null's (selection.json since the lift rule). */
  silhouetteLift?: number;
  smallestShare?: number;
  /** Passed the rule's filters (selection.json since the lift rule). */
  eligible?: boolean;
  picked?: boolean;
}

/** At most this many candidates in the selection slide's table (the others are in selection.json). */
export const CANDIDATE_ROWS_SHOWN = 6;

/**
 * The candidates the selection slide lists (indices, in file order): all when they fit, else the
 * pick, then the others that pass the rule's filters, best first by its comparable score
 * (silhouette lift, else silhouette).
 */
export function shownCandidates(
  candidates: readonly Candidate[],
  max = CANDIDATE_ROWS_SHOWN,
): number[] {
  const all = candidates.map((_, i) => i);
  if (candidates.length <= max) return all;
  const score = (x: Candidate) => x.silhouetteLift ?? x.silhouette ?? -Infinity;
  const ranked = all.sort(
    (a, b) =>
      Number(candidates[b].picked === true) - Number(candidates[a].picked === true) ||
      Number(candidates[b].eligible !== false) - Number(candidates[a].eligible !== false) ||
      score(candidates[b]) - score(candidates[a]) ||
      a - b,
  );
  return ranked.slice(0, max).sort((a, b) => a - b);
}

/** Slide: the candidates and the pick of the selection rule (or the chosen model's scores). */
export function selectionSlide(c: DeckContext): Slide {
  const sel = c.sources.json["selection.json"] as { candidates?: Candidate[] } | undefined;
  const candidates = sel?.candidates ?? [];
  if (candidates.length === 0) {
    return {
      id: "selection",
      section: "Model selection",
      title: tx`k-means with ${c.json("metrics.json", "k", "count")} segments: silhouette ${c.json("metrics.json", "silhouette", "dec3")}, Davies-Bouldin ${c.json("metrics.json", "daviesBouldin", "dec3")}`,
      layout: "stack",
      blocks: [
        {
          kind: "table",
          head: ["Score", "Value", "Reads"],
          numeric: [false, true, false],
          rows: [
            [
              "Silhouette",
              tx`${c.json("metrics.json", "silhouette", "dec3")}`,
              "−1 to 1, higher = better separated",
            ],
            [
              "Davies-Bouldin",
              tx`${c.json("metrics.json", "daviesBouldin", "dec3")}`,
              "≥ 0, lower = better separated",
            ],
            [
              "Calinski-Harabasz",
              tx`${c.json("metrics.json", "calinskiHarabasz", "count")}`,
              "higher = better separated",
            ],
            [
              "Customers",
              tx`${c.json("metrics.json", "customers", "count")}`,
              tx`every customer in the scores; ${c.json("metrics.json", "silhouetteLabel", "text")}`,
            ],
          ],
        },
        {
          kind: "text",
          style: "small",
          text: tx`The comparison of candidate segmentations (selection.json) was not in the results; notebook 2 compares them.`,
        },
      ],
      notes: tx`The scores describe the chosen segmentation, seed ${c.json("metrics.json", "seed", "count")}.`,
    };
  }
  const pickIndex = Math.max(
    0,
    candidates.findIndex((x) => x.picked === true),
  );
  const file = "selection.json";
  const shown = shownCandidates(candidates);
  // Scores of the lift rule: each candidate in its own space, so the lift is the comparable column.
  const lift = candidates.every((x) => typeof x.silhouetteLift === "number");
  // Score columns of the table: [head, selection.json field, format].
  const columns: [string, string, FactFormat][] = lift
    ? [
        ["Lift over null", "silhouetteLift", "dec3"],
        ["Silhouette", "silhouette", "dec3"],
        ["Seed stability", "seedStability", "dec2"],
        ["Smallest", "smallestShare", "share"],
      ]
    : [
        ["Silhouette", "silhouette", "dec3"],
        ["Davies-Bouldin", "daviesBouldin", "dec3"],
        ["Calinski-H.", "calinskiHarabasz", "count"],
        ["Seed stability", "seedStability", "dec2"],
      ];
  const blocks: Block[] = [
    {
      kind: "table",
      head: ["Candidate", ...columns.map(([head]) => head), "Pick"],
      numeric: [false, ...columns.map(() => true), false],
      rows: shown.map((i) => {
        const x = candidates[i];
        return [
          tx`${c.json(file, `candidates.${i}.${x.label !== undefined ? "label" : "id"}`, "text")}`,
          ...columns.map(
            ([, field, format]) => tx`${c.json(file, `candidates.${i}.${field}`, format)}`,
          ),
          x.picked ? "✔ picked" : "",
        ];
      }),
    },
  ];
  if (candidates.length <= 5) {
    blocks.push({
      kind: "chart",
      id: "slide-candidates",
      figure: candidatesFigure(
        candidates.map((x, i) => x.label ?? x.id ?? `Candidate ${i + 1}`),
        candidates.map((x) => (lift ? x.silhouetteLift : x.silhouette) ?? NaN),
        candidates.map((x) => x.picked === true),
        lift ? "Silhouette lift" : "Silhouette",
      ),
      height: 200,
      caption: lift
        ? "Silhouette lift over the column-permuted null (higher = more structure); the pick in green."
        : "Silhouette of each candidate (higher = better separated); the pick in green.",
    });
  }
  if (shown.length < candidates.length)
    blocks.push({
      kind: "text",
      style: "small",
      text: tx`${c.json(file, "candidates.length", "count")} candidates; the pick and the best-scoring eligible others are shown, all are in selection.json.`,
    });
  const rule = (sel as { rule?: unknown }).rule;
  const reason = (sel as { reason?: unknown }).reason;
  if (typeof rule === "string")
    blocks.push({ kind: "text", style: "small", text: tx`Rule: ${c.json(file, "rule", "text")}` });
  return {
    id: "selection",
    section: "Model selection",
    title: tx`The selection rule picks ${c.json(file, `candidates.${pickIndex}.${candidates[pickIndex].label !== undefined ? "label" : "id"}`, "text")}`,
    layout: "stack",
    blocks,
    notes:
      typeof reason === "string"
        ? tx`${c.json(file, "reason", "text")}`
        : tx`The pick follows the stated rule, not a judgement on the day.`,
  };
}

function chartSegments(c: DeckContext): BriefChartSegment[] {
  const b = c.sources.brief;
  const shares = b.revenueShare ?? [];
  return c.segments.map((s) => ({
    segment: s.segment,
    name: s.name,
    share: b.profiles[s.p].share,
    revenueShare: shares[s.p] ?? 0,
    z: b.profiles[s.p].z,
  }));
}

/** Slide: segment sizes and revenue shares (superlatives on stated bases, ties named). */
export function sizesSlide(c: DeckContext): Slide {
  const big = c.segments[0];
  const tiedBig = c.segments.filter(
    (s) => c.sources.brief.profiles[s.p].size === c.sources.brief.profiles[big.p].size,
  );
  const rich = revenueLeaders(c).map((i) => c.segments[i]);
  const title: Text =
    tiedBig.length === 1 && rich.length === 1 && big === rich[0]
      ? tx`${big.name}, the biggest segment by customers (${c.brief(`profiles.${big.p}.share`, "share")}), also brings the largest share of revenue to date (${c.brief(`revenueShare.${big.p}`, "share")})`
      : tx`${joinNames(tiedBig.map((s) => s.name))} ${tiedBig.length > 1 ? "are the biggest segments" : "is the biggest segment"} (${c.brief(`profiles.${big.p}.share`, "share")}); ${superlativeText(
          rich.map((s) => s.name),
          "brings the largest revenue share to date",
          "bring the largest revenue share to date, as much as each other",
        )} (${c.brief(`revenueShare.${rich[0].p}`, "share")}${rich.length > 1 ? " each" : ""})`;
  return {
    id: "segments-sizes",
    section: "The segments · sizes",
    title,
    layout: "stack",
    blocks: [
      {
        kind: "chart",
        id: "slide-shares",
        figure: sharesFigure(chartSegments(c)),
        height: 430,
        caption: "Share of customers (light) and of revenue (solid) by segment.",
      },
    ],
    notes: tx`${c.segments.map((s, i) => tx`${i > 0 ? "; " : ""}${s.name}: ${c.brief(`profiles.${s.p}.size`, "count")} customers`).flat()}.`,
  };
}

/** Slide: segment profiles (z-scores of the model's features). */
export function profilesSlide(c: DeckContext): Slide {
  const b = c.sources.brief;
  // Leaders by the z-score as the title writes it (one decimal): a tie names every tied segment.
  const by = (f: string, order: "max" | "min") =>
    leadersBy(c.segments, (s) => b.profiles[s.p].z[f] ?? NaN, {
      order,
      shown: (v) => formatDecimal(v, 1),
    }).leaders;
  const spenders = by("monetary", "max");
  const critics = by("mean_review_score", "min");
  const names = (l: typeof spenders) => l.map((s) => s.name);
  const spendWords = superlativeText(
    names(spenders),
    "spend the most",
    "spend the most, as much as each other",
  );
  const criticWords = superlativeText(
    names(critics),
    "review the worst",
    "review the worst, as low as each other",
  );
  return {
    id: "segments-profiles",
    section: "The segments · profiles",
    title: tx`${spendWords} (${c.brief(`profiles.${spenders[0].p}.z.monetary`, "dec1")} sd${spenders.length > 1 ? " each" : ""}, mean spend); ${criticWords} (${c.brief(`profiles.${critics[0].p}.z.mean_review_score`, "dec1")} sd${critics.length > 1 ? " each" : ""})`,
    layout: "stack",
    blocks: [
      {
        kind: "chart",
        id: "slide-profiles",
        figure: profileFigure(chartSegments(c)),
        height: 390,
        caption:
          "Standard deviations from the average customer; blue = better for the business, red = worse.",
      },
    ],
    notes: tx`Each column is read the same way: blue is better than average (bought more recently, more orders, more spend, better reviews). Names come from these profiles by stated rules.`,
  };
}

/** Slide: the marketing table. */
export function marketingSlide(c: DeckContext): Slide {
  return {
    id: "segments-marketing",
    section: "The segments · what to do",
    title: tx`One action, channel and KPI for each of the ${c.brief("k", "count")} segments`,
    layout: "stack",
    blocks: [
      {
        kind: "table",
        head: ["Segment", "Customers", "Action", "Channel", "KPI"],
        numeric: [false, true, false, false, false],
        rows: c.segments.map((s) => [
          tx`${c.brief(`marketing.${s.m}.name`, "text")}`,
          tx`${c.brief(`marketing.${s.m}.customers`, "count")}`,
          tx`${c.brief(`marketing.${s.m}.action`, "text")}`,
          tx`${c.brief(`marketing.${s.m}.channel`, "text")}`,
          tx`${c.brief(`marketing.${s.m}.kpi`, "text")}`,
        ]),
      },
    ],
    notes: tx`The same table opens the marketing brief (brief.pdf), with one card per segment.`,
  };
}
