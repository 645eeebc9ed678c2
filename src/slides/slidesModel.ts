/**
 * The deck's modelling part: the candidates and the selection rule's pick (from `selection.json`
 * when present, else the chosen model's scores), the segments (sizes, profiles, marketing table),
 * and value, rules and stability per segment where those files exist.
 */
import { profileFigure, sharesFigure } from "../brief/charts.js";
import type { BriefChartSegment } from "../brief/charts.js";
import type { DeckContext } from "./context.js";
import type { Block, Slide, Text } from "./deck.js";
import { tx } from "./deck.js";
import { candidatesFigure, valueFigure } from "./charts.js";
import { richestSegment } from "./slidesData.js";

interface Candidate {
  id?: string;
  label?: string;
  silhouette?: number;
  daviesBouldin?: number;
  calinskiHarabasz?: number;
  seedStability?: number;
  picked?: boolean;
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
  const blocks: Block[] = [
    {
      kind: "table",
      head: ["Candidate", "Silhouette", "Davies-Bouldin", "Calinski-H.", "Seed stability", "Pick"],
      numeric: [false, true, true, true, true, false],
      rows: candidates.map((x, i) => [
        tx`${c.json(file, `candidates.${i}.${x.label !== undefined ? "label" : "id"}`, "text")}`,
        tx`${c.json(file, `candidates.${i}.silhouette`, "dec3")}`,
        tx`${c.json(file, `candidates.${i}.daviesBouldin`, "dec3")}`,
        tx`${c.json(file, `candidates.${i}.calinskiHarabasz`, "count")}`,
        tx`${c.json(file, `candidates.${i}.seedStability`, "dec2")}`,
        x.picked ? "✔ picked" : "",
      ]),
    },
  ];
  if (candidates.length <= 5) {
    blocks.push({
      kind: "chart",
      id: "slide-candidates",
      figure: candidatesFigure(
        candidates.map((x, i) => x.label ?? x.id ?? `Candidate ${i + 1}`),
        candidates.map((x) => x.silhouette ?? NaN),
        candidates.map((x) => x.picked === true),
        "Silhouette",
      ),
      height: 200,
      caption: "Silhouette of each candidate (higher = better separated); the pick in green.",
    });
  }
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

/** Slide: segment sizes and revenue shares. */
export function sizesSlide(c: DeckContext): Slide {
  const big = c.segments[0];
  const rich = c.segments[richestSegment(c)];
  const title: Text =
    big === rich
      ? tx`${big.name}, the largest segment (${c.brief(`profiles.${big.p}.share`, "share")} of customers), also brings the most revenue (${c.brief(`revenueShare.${rich.p}`, "share")})`
      : tx`${big.name} is the largest segment (${c.brief(`profiles.${big.p}.share`, "share")}); ${rich.name} brings the most revenue (${c.brief(`revenueShare.${rich.p}`, "share")})`;
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
        height: 470,
        caption: "Share of customers (light) and of revenue (solid) by segment.",
      },
    ],
    notes: tx`${c.segments.map((s, i) => tx`${i > 0 ? "; " : ""}${s.name}: ${c.brief(`profiles.${s.p}.size`, "count")} customers`).flat()}.`,
  };
}

/** Slide: segment profiles (z-scores of the model's features). */
export function profilesSlide(c: DeckContext): Slide {
  const b = c.sources.brief;
  const by = (f: string, sign: number) =>
    c.segments.reduce((best, s) =>
      sign * (b.profiles[s.p].z[f] ?? -Infinity) > sign * (b.profiles[best.p].z[f] ?? -Infinity)
        ? s
        : best,
    );
  const spender = by("monetary", 1);
  const critic = by("mean_review_score", -1);
  return {
    id: "segments-profiles",
    section: "The segments · profiles",
    title: tx`${spender.name} spend the most (${c.brief(`profiles.${spender.p}.z.monetary`, "dec1")} sd); ${critic.name} review the worst (${c.brief(`profiles.${critic.p}.z.mean_review_score`, "dec1")} sd)`,
    layout: "stack",
    blocks: [
      {
        kind: "chart",
        id: "slide-profiles",
        figure: profileFigure(chartSegments(c)),
        height: 420,
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

interface ValueRow {
  segment: number | null;
  expectedRevenue?: number;
}

/** Slide (when `value.json` is present): expected 12-month revenue per segment. */
export function valueSlide(c: DeckContext): Slide | null {
  const rows = (c.sources.json["value.json"]?.segments as ValueRow[] | undefined) ?? [];
  const at = c.segments
    .map((s) => ({ s, i: rows.findIndex((r) => r.segment === s.segment) }))
    .filter(({ i }) => i >= 0 && Number.isFinite(rows[i].expectedRevenue));
  if (at.length === 0) return null;
  const top = at.reduce((a, x) =>
    (rows[x.i].expectedRevenue ?? 0) > (rows[a.i].expectedRevenue ?? 0) ? x : a,
  );
  return {
    id: "value",
    section: "Value per segment",
    title: tx`${top.s.name} should bring the most revenue in the next 12 months: ${c.json("value.json", `segments.${top.i}.expectedRevenue`, "money")}`,
    layout: "split",
    blocks: [
      {
        kind: "table",
        head: ["Segment", "Expected revenue"],
        numeric: [false, true],
        rows: at.map(({ s, i }) => [
          s.name,
          tx`${c.json("value.json", `segments.${i}.expectedRevenue`, "money")}`,
        ]),
      },
      {
        kind: "chart",
        id: "slide-value",
        figure: valueFigure(
          at.map(({ s }) => s.name),
          at.map(({ i }) => rows[i].expectedRevenue ?? 0),
          at.map(({ s }) => s.segment),
        ),
        height: 470,
        caption: "Expected revenue of each segment over the next 12 months (value.json).",
      },
    ],
    notes: tx`Expected revenue from the customer-value model of value.json, validated on a time holdout.`,
  };
}

interface RuleLeafJson {
  segment: number;
  conditions?: { feature: string; op: string; value: number }[];
}

interface StabilityRowJson {
  segment: number;
  meanJaccard?: number;
  flag?: string;
}

/** Slide (when `segment-rules.json` or `segment-stability.json` is present): rules and stability. */
export function rulesSlide(c: DeckContext): Slide | null {
  const rules = c.sources.json["segment-rules.json"];
  const stab = c.sources.json["segment-stability.json"];
  if (!rules && !stab) return null;
  const leaves = (rules?.leaves as RuleLeafJson[] | undefined) ?? [];
  const rows = (stab?.segments as StabilityRowJson[] | undefined) ?? [];
  const tableRows: (Text | string)[][] = c.segments.map((s) => {
    const leafText: Text = [];
    leaves.forEach((leaf, li) => {
      if (leaf.segment !== s.segment) return;
      if (leafText.length > 0) leafText.push(" or ");
      (leaf.conditions ?? []).forEach((cond, ci) => {
        if (ci > 0) leafText.push(" and ");
        const base = `leaves.${li}.conditions.${ci}`;
        for (const part of tx`${c.json("segment-rules.json", `${base}.feature`, "text")} ${c.json("segment-rules.json", `${base}.op`, "text")} ${c.json("segment-rules.json", `${base}.value`, "text")}`)
          leafText.push(part);
      });
    });
    const si = rows.findIndex((r) => r.segment === s.segment);
    const row: Text[] = [tx`${s.name}`];
    if (rules) row.push(leafText.length ? leafText : ["—"]);
    if (stab)
      row.push(
        si >= 0
          ? tx`${c.json("segment-stability.json", `segments.${si}.meanJaccard`, "dec2")} (${c.json("segment-stability.json", `segments.${si}.flag`, "text")})`
          : ["—"],
      );
    return row;
  });
  const head = ["Segment", ...(rules ? ["Rule"] : []), ...(stab ? ["Stability (Jaccard)"] : [])];
  const title: Text = rules
    ? tx`Simple rules reproduce the segments for ${c.json("segment-rules.json", "fidelity", "share")} of customers`
    : tx`Segment stability over bootstrap refits`;
  return {
    id: "rules",
    section: "Rules and stability per segment",
    title,
    layout: "stack",
    blocks: [{ kind: "table", head, rows: tableRows }],
    notes: stab
      ? tx`Rules: a small decision tree on the raw features that assigns customers without the model. Stability: mean bootstrap Jaccard of each segment (${c.json("segment-stability.json", "thresholds.stable", "dec2")} and more is stable).`
      : tx`Rules: a small decision tree on the raw features that assigns customers without the model.`,
  };
}
