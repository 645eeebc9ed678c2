/**
 * The deck's last part: the maintenance study (ARI over time with its band, the interval, the
 * trigger), the maintenance contract (interval, steps, cost) and the next steps and limits.
 */
import { ariFigure } from "../brief/charts.js";
import type { BriefMaintenance } from "../brief/input.js";
import type { DeckContext } from "./context.js";
import type { Slide, Text } from "./deck.js";
import { tx } from "./deck.js";

interface TradeoffRow {
  weeks: number;
  recommended?: boolean;
}

/** Index of the recommended cadence in `maintenance.json`'s trade-off table, or -1. */
function recommendedRow(c: DeckContext): number {
  const rows = (
    c.sources.json["maintenance.json"]?.recommendation as { tradeoff?: TradeoffRow[] } | undefined
  )?.tradeoff;
  return rows ? rows.findIndex((r) => r.recommended === true) : -1;
}

/** Slide: the maintenance study. */
export function maintenanceSlide(c: DeckContext): Slide | null {
  const m = c.sources.brief.maintenance as BriefMaintenance | null;
  if (!m) return null;
  const hasStudy = c.has("maintenance.json");
  const trig = "recommendation.trigger";
  const bullets: Text[] = [
    tx`${c.brief("maintenance.text.lead", "text")}`,
    m.satisfied
      ? tx`Every run still agrees at ARI ${c.brief("maintenance.threshold", "dec1")} or more after ${c.brief("maintenance.everyDays", "days")} (worst run ${c.brief("maintenance.worstAri", "ari")}).`
      : tx`${c.brief("maintenance.text.promise", "text")}`,
  ];
  if (hasStudy) {
    bullets.push(
      tx`Agreement falls below ${c.brief("maintenance.threshold", "dec1")} after a median of ${c.json("maintenance.json", "recommendation.crossing.medianDays", "days")}; two fresh models agree at ${c.json("maintenance.json", "recommendation.noiseFloor", "dec2")}.`,
      tx`Trigger: every ${c.json("maintenance.json", `${trig}.checkEveryWeeks`, "count")} weeks, a quick refit on a sample; below ARI ${c.json("maintenance.json", `${trig}.level`, "dec2")}, retrain within ${c.json("maintenance.json", `${trig}.actWithinDays`, "days")}. It warned in time in ${c.json("maintenance.json", `${trig}.firedBefore`, "count")} of ${c.json("maintenance.json", `${trig}.crossed`, "count")} runs.`,
    );
  }
  return {
    id: "maintenance-study",
    section: "Maintenance study",
    title: tx`The segments hold for ${c.brief("maintenance.everyWeeks", "count")} weeks: retrain every ${c.brief("maintenance.everyWeeks", "count")} weeks`,
    layout: "split",
    blocks: [
      { kind: "bullets", items: bullets },
      {
        kind: "chart",
        id: "slide-ari",
        figure: ariFigure(m),
        height: 470,
        caption:
          "Agreement (ARI) of the frozen segments with a fresh model by days after training: mean, 10–90% band of runs, threshold and the recommended interval.",
      },
    ],
    notes: tx`${c.brief("maintenance.text.study", "text")} ${c.brief("maintenance.text.crossing", "text")}`,
  };
}

/** Slide: the maintenance contract. */
export function contractSlide(c: DeckContext): Slide | null {
  const m = c.sources.brief.maintenance;
  if (!m) return null;
  const r = recommendedRow(c);
  const base = `recommendation.tradeoff.${r}`;
  const rows: (Text | string)[][] = m.steps.map((s, i) => [
    tx`${c.brief(`maintenance.steps.${i}.step`, "text")}`,
    tx`${c.brief(`maintenance.steps.${i}.owner`, "text")}`,
    s.command ? tx`${c.brief(`maintenance.steps.${i}.command`, "text")}` : ["—"],
    tx`${c.brief(`maintenance.steps.${i}.check`, "text")}`,
  ]);
  const title: Text =
    r >= 0
      ? tx`Every ${c.brief("maintenance.everyWeeks", "count")} weeks, ${c.brief("maintenance.steps.length", "count")} steps, ${c.json("maintenance.json", `${base}.costPerYear`, "money")} a year`
      : tx`Every ${c.brief("maintenance.everyWeeks", "count")} weeks, ${c.brief("maintenance.steps.length", "count")} steps`;
  const blocks: Slide["blocks"] = [
    { kind: "table", head: ["Step", "Owner", "Command", "Check"], rows },
  ];
  if (r >= 0) {
    blocks.push({
      kind: "text",
      style: "small",
      text: tx`Cost: ${c.json("maintenance.json", `${base}.refitsPerYear`, "dec1")} retrainings and ${c.json("maintenance.json", `${base}.checksPerYear`, "dec1")} checks a year, ${c.json("maintenance.json", `${base}.hoursPerYear`, "dec1")} hours at ${c.json("maintenance.json", "recommendation.cost.ratePerHour", "money")} per hour (assumptions; compute time is negligible).`,
    });
  }
  return {
    id: "maintenance-contract",
    section: "Maintenance contract",
    title,
    layout: "stack",
    blocks,
    notes: tx`${c.brief("maintenance.text.who", "text")} ${c.brief("maintenance.text.cost", "text")}`,
  };
}

/** Slide: next steps and limits. */
export function nextStepsSlide(c: DeckContext): Slide {
  const b = c.sources.brief;
  const limits: Text[] = [];
  if (b.dataSource.synthetic)
    limits.push(
      tx`The figures describe the synthetic Olist twin, not real customers: rerun npm start on the Kaggle files before deciding.`,
    );
  limits.push(
    tx`The segments overlap (silhouette ${c.brief("scores.silhouette", "dec3")}): borders between neighbouring segments are soft.`,
    tx`Only ${c.customers("orders.repeatShare", "share")} of customers are repeat buyers, so loyalty is measured on few people.`,
  );
  const missing = [
    "selection.json",
    "value.json",
    "segment-rules.json",
    "segment-stability.json",
  ].filter((f) => !c.has(f));
  const next: Text[] = [
    tx`Test each segment's action against its KPI (A/B, one segment at a time).`,
    b.maintenance
      ? tx`Retrain in ${c.brief("maintenance.everyWeeks", "count")} weeks; run the agreement check in between.`
      : tx`Run the maintenance study (npm start) to set the retraining interval.`,
  ];
  if (missing.length > 0) next.push(tx`Not in these results yet: ${missing.join(", ")}.`);
  return {
    id: "next-steps",
    section: "Next steps and limits",
    title: tx`Next: test the ${c.brief("k", "count")} actions, then retrain on schedule`,
    layout: "split",
    blocks: [
      { kind: "bullets", heading: "Limits", items: limits },
      { kind: "bullets", heading: "Next steps", items: next },
    ],
    notes: tx`Limits first, then what to do on Monday.`,
  };
}
