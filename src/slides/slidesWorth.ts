/**
 * The deck's worth part, where the result files exist: expected 12-month revenue per segment with
 * the model's and the baseline's holdout errors (value.json), and the rule cards with the
 * bootstrap stability (segment-rules.json, segment-stability.json).
 */
import type { DeckContext } from "./context.js";
import type { Slide, Text } from "./deck.js";
import { tx } from "./deck.js";
import { formatMoney } from "../brief/format.js";
import { leadersBy, superlativeText } from "../brief/superlative.js";
import { valueFigure } from "./charts.js";

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
  // Basis: expected 12-month revenue in total (not per customer); ties as written in R$.
  const top = leadersBy(at, (x) => rows[x.i].expectedRevenue ?? NaN, {
    shown: (v) => formatMoney(v),
  }).leaders;
  // The holdout errors of both methods per segment, when value.json has the validation.
  const checks =
    (c.sources.json["value.json"]?.validation as { segments?: { segment: number }[] } | undefined)
      ?.segments ?? [];
  const vi = (segment: number) => checks.findIndex((v) => v.segment === segment);
  const validated = at.some(({ s }) => vi(s.segment) >= 0);
  const error = (segment: number, method: "model" | "baseline"): Text =>
    vi(segment) >= 0
      ? tx`${c.json("value.json", `validation.segments.${vi(segment)}.${method}.revenueTotalRelativeError`, "signedShare")}`
      : ["—"];
  return {
    id: "value",
    section: "Value per segment",
    title: tx`${superlativeText(
      top.map((x) => x.s.name),
      "has the largest expected revenue in total over the next 12 months",
      "have the largest expected revenue in total over the next 12 months, as much as each other",
    )}: ${c.json("value.json", `segments.${top[0].i}.expectedRevenue`, "money")}${top.length > 1 ? " each" : ""}`,
    // With the error columns the table needs the slide's width: table on top, the chart below.
    layout: validated ? "stack" : "split",
    blocks: [
      {
        kind: "table",
        head: [
          "Segment",
          "Expected revenue",
          ...(validated ? ["Model error", "Baseline error"] : []),
        ],
        numeric: [false, true, true, true],
        rows: at.map(({ s, i }) => [
          s.name,
          tx`${c.json("value.json", `segments.${i}.expectedRevenue`, "money")}`,
          ...(validated ? [error(s.segment, "model"), error(s.segment, "baseline")] : []),
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
        height: validated ? 240 : 470,
        caption: "Expected revenue of each segment over the next 12 months (value.json).",
      },
    ],
    notes: validated
      ? tx`Expected revenue from value.json. Model and baseline errors: (predicted − actual) / actual revenue of each segment on the holdout year; the brief names the segments where the model loses.`
      : tx`Expected revenue from the customer-value model of value.json, validated on a time holdout.`,
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
    const mine = leaves.filter((leaf) => leaf.segment === s.segment).length;
    let n = 0;
    leaves.forEach((leaf, li) => {
      if (leaf.segment !== s.segment) return;
      // Several leaves: one line each, "either …" / "or …" (a conjunction per line).
      if (mine > 1) leafText.push(n === 0 ? "either " : "\nor ");
      n++;
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
