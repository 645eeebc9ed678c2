/**
 * Which definition of the ladder (`nameConditions.ts`) names each segment, by a stated rule on the
 * shares of members meeting each definition: it must be true of a clear majority of the segment
 * ({@link NAME_MIN_SHARE}) and clearly more often true there than in any other segment
 * ({@link NAME_MIN_GAP}). The first such definition in the ladder's order of preference wins (a
 * single rung before a pair, each dimension tightest first); no such definition → a neutral name.
 */
import {
  definitionId,
  definitionWhen,
  NAME_DEFINITIONS,
  type NameDefinition,
} from "./nameConditions.js";

/** Least share of a segment's members that must meet a definition for it to name the segment. */
export const NAME_MIN_SHARE = 0.75;

/**
 * Least lead, in share of members (0.10 = 10 percentage points), of the named segment over every
 * other segment on the definition: a name must tell the segment apart, not only be true of it.
 */
export const NAME_MIN_GAP = 0.1;

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The naming rule in words (shown in the notebook and the brief input). */
export const NAME_RULE =
  `A segment is named by the first definition of the ladder (one condition, else two conditions of ` +
  `different kinds together) that at least ${pct(NAME_MIN_SHARE)} of its members meet and that is met ` +
  `by at least ${Math.round(NAME_MIN_GAP * 100)} percentage points fewer members in every other segment; ` +
  `when none passes, the segment gets a neutral name ("Segment n — mixed").`;

/** Shares of members meeting each definition, keyed by `definitionId`, for one segment. */
export interface SharesOf {
  segment: number;
  nameShares: Readonly<Record<string, number>>;
}

/** Why a definition passes or fails for a segment. */
export interface DefinitionTest {
  /** Share of the segment's members meeting it. */
  share: number;
  /** Highest share among the other segments (0 when there is none). */
  otherMax: number;
  /** The segment with that highest share, or -1. */
  otherSegment: number;
  ok: boolean;
}

/** Tests one definition for segment `s` of `all` against {@link NAME_MIN_SHARE} and {@link NAME_MIN_GAP}. */
export function testDefinition(
  d: NameDefinition,
  s: SharesOf,
  all: readonly SharesOf[],
): DefinitionTest {
  const id = definitionId(d);
  const share = s.nameShares[id] ?? 0;
  let otherMax = 0;
  let otherSegment = -1;
  for (const o of all) {
    if (o.segment === s.segment) continue;
    const v = o.nameShares[id] ?? 0;
    if (otherSegment < 0 || v > otherMax) {
      otherMax = v;
      otherSegment = o.segment;
    }
  }
  // The 1e-9 keeps a lead of exactly 10 points (0.8 vs 0.7 in floating point) a pass.
  const ok = share >= NAME_MIN_SHARE && share - otherMax >= NAME_MIN_GAP - 1e-9;
  return { share, otherMax, otherSegment, ok };
}

/** The name chosen for a segment. */
export interface NameChoice {
  segment: number;
  /** The definition, or null for the neutral name. */
  definition: NameDefinition | null;
  /** Share of members meeting the definition (neutral: the closest single rung's share). */
  share: number;
  /** The definition and its share in words. */
  text: string;
}

/**
 * The closest single rung of a segment that no definition names: the largest lead over the other
 * segments, then the largest share.
 */
function closest(s: SharesOf, all: readonly SharesOf[]): { d: NameDefinition; t: DefinitionTest } {
  let best: { d: NameDefinition; t: DefinitionTest } | null = null;
  for (const d of NAME_DEFINITIONS) {
    if (d.length !== 1) continue;
    const t = testDefinition(d, s, all);
    const lead = t.share - t.otherMax;
    const bestLead = best ? best.t.share - best.t.otherMax : -Infinity;
    if (
      !best ||
      lead > bestLead + 1e-12 ||
      (Math.abs(lead - bestLead) <= 1e-12 && t.share > best.t.share)
    )
      best = { d, t };
  }
  return best as { d: NameDefinition; t: DefinitionTest };
}

/** Chooses each segment's name definition by {@link NAME_RULE}. */
export function chooseNames(all: readonly SharesOf[]): NameChoice[] {
  return all.map((s) => {
    for (const d of NAME_DEFINITIONS) {
      const t = testDefinition(d, s, all);
      if (!t.ok) continue;
      const lead = t.otherSegment >= 0 ? `, at most ${pct(t.otherMax)} in any other segment` : "";
      return {
        segment: s.segment,
        definition: d,
        share: t.share,
        text: `${definitionWhen(d)}: true of ${pct(t.share)} of members${lead}`,
      };
    }
    const c = closest(s, all);
    const lead = Math.round((c.t.share - c.t.otherMax) * 100);
    return {
      segment: s.segment,
      definition: null,
      share: c.t.share,
      text:
        `no definition of the ladder is true of ≥ ${pct(NAME_MIN_SHARE)} of members and ` +
        `${Math.round(NAME_MIN_GAP * 100)} points ahead of every other segment ` +
        `(closest: ${definitionWhen(c.d)}, ${pct(c.t.share)} of members, ${lead} points ahead)`,
    };
  });
}
