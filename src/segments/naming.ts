/**
 * From numbers to words marketing can use: each segment gets a name from the stated ladder of
 * absolute conditions (`nameConditions.ts`: "last order within 90 days", "R$ 200+ spent", "2+
 * orders", "mean review ≤ 2★") chosen by the rule of `nameChoice.ts` — true of at least 75 % of its
 * members and clearly more often true there than in any other segment — else a neutral name; the
 * traits that set it apart from every other segment (`traits.ts`); and the action, channel and KPI
 * written for that name (`namePlays.ts`).
 */
import { definitionWhen, NAME_RUNGS, type NameDefinition } from "./nameConditions.js";
import { chooseNames } from "./nameChoice.js";
import { segmentPlay, type SegmentKind } from "./namePlays.js";
import type { SegmentProfile } from "./profiles.js";
import { segmentTraits } from "./traits.js";

export { pooledSeparation, segmentTraits, TRAIT_MIN_SEPARATION, TRAIT_RULE } from "./traits.js";
export type { SegmentTrait } from "./traits.js";
export { SEGMENT_PLAYBOOK, segmentPlay } from "./namePlays.js";
export type { SegmentKind, SegmentPlay } from "./namePlays.js";

/** The naming ladder in words, in order of preference, with the fallback last (shown in the notebook). */
export const SEGMENT_RULES: readonly { kind: SegmentKind; when: string }[] = [
  ...NAME_RUNGS.map((r) => ({
    kind: r.play,
    when: `${r.when} ("${r.name}")`,
  })),
  {
    kind: "mixed",
    when:
      "when no condition alone passes, two of different kinds together (the first gives the play); " +
      'when none passes, the neutral name "Segment n — mixed"',
  },
];

/** The segment name of a definition: the first rung's name, the second rung's condition after it. */
export function definitionName(d: NameDefinition): string {
  return d.length === 1
    ? d[0].name
    : `${d[0].name}, ${d
        .slice(1)
        .map((r) => r.when)
        .join(", ")}`;
}

/** The neutral name of a segment no definition names. */
export const neutralName = (segment: number): string => `Segment ${segment} — mixed`;

/** One row of the marketing table. */
export interface MarketingRow {
  segment: number;
  name: string;
  kind: SegmentKind;
  customers: number;
  share: number;
  /** The name's condition and the share of members meeting it, in words. */
  definition: string;
  /** The name's condition alone, in words (null for a neutral name). */
  nameCondition: string | null;
  /** Ids of the name's rungs (`nameConditions.ts`), all to be met; empty for a neutral name. */
  nameRungs: string[];
  /** Share of the members meeting the name's condition (neutral: the closest condition's share). */
  nameShare: number;
  /**
   * The name's definition (with its share) first, then the traits, joined by "; ": what the brief
   * lists under "What defines it".
   */
  traits: string;
  /** The traits alone, in the order shown (one per entry of `traitFeatures`). */
  traitTexts: string[];
  /** Features of the traits, in the order shown. */
  traitFeatures: string[];
  action: string;
  channel: string;
  kpi: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Names the segments and writes the marketing table: for each segment its name, size and share, the
 * name's definition and the share of members meeting it, the traits that set it apart from every
 * other segment, and the recommended action, channel and KPI.
 *
 * @param base Base values of the features for the traits (e.g. medians over all customers; for
 *   `frequency` and `late_delivery_share` the mean).
 */
export function marketingTable(
  profiles: readonly SegmentProfile[],
  base: Record<string, number>,
): MarketingRow[] {
  const choices = chooseNames(profiles);
  return profiles.map((p, i) => {
    const choice = choices[i];
    const d = choice.definition;
    const play = segmentPlay(d ? d[0] : null);
    const traits = segmentTraits(
      p,
      base,
      profiles.filter((o) => o.segment !== p.segment),
    );
    const traitTexts = traits.map((t) => t.text);
    return {
      segment: p.segment,
      name: d ? definitionName(d) : neutralName(p.segment),
      kind: play.kind,
      customers: p.size,
      share: p.share,
      definition: choice.text,
      nameCondition: d ? definitionWhen(d) : null,
      nameRungs: d ? d.map((r) => r.id) : [],
      nameShare: choice.share,
      traits: [d ? `Named for: ${choice.text}` : cap(choice.text), ...traitTexts].join("; "),
      traitTexts,
      traitFeatures: traits.map((t) => t.feature),
      action: play.action,
      channel: play.channel,
      kpi: play.kpi,
    };
  });
}

/**
 * The marketing table with the names of a saved model kept (what `--model` applies): a row whose
 * saved name differs from today's choice says so in its definition and claims no condition (no
 * `nameRungs`, so the checker checks none); rows whose saved name is today's are unchanged.
 */
export function withSavedNames(
  rows: readonly MarketingRow[],
  names: readonly string[],
): MarketingRow[] {
  return rows.map((row) => {
    const saved = names[row.segment] ?? row.name;
    if (saved === row.name) return row;
    const definition = `name kept from the saved model; today's rule would name it "${row.name}" (${row.definition})`;
    return {
      ...row,
      name: saved,
      definition,
      nameCondition: null,
      nameRungs: [],
      traits: [definition, ...row.traitTexts].join("; "),
    };
  });
}

/**
 * The metrics' `sizes` with each segment's name condition and the share of its members meeting it
 * (null for a neutral name), from the marketing table: `metrics.json` lists them next to the names.
 */
export function withNameShares<M extends { sizes: readonly { segment: number }[] }>(
  metrics: M,
  marketing: readonly MarketingRow[],
): M {
  const sizes = metrics.sizes.map((s) => {
    const row = marketing.find((r) => r.segment === s.segment);
    const named = row !== undefined && row.nameRungs.length > 0;
    return {
      ...s,
      nameCondition: named ? row.nameCondition : null,
      nameShare: named ? row.nameShare : null,
    };
  });
  return { ...metrics, sizes };
}

/** Segment names in segment order, from the marketing table. */
export function segmentNames(
  profiles: readonly SegmentProfile[],
  base: Record<string, number>,
): string[] {
  return marketingTable(profiles, base).map((r) => r.name);
}
