/**
 * What the slide builders share: the result files, the findings computed from the customer table,
 * fact makers bound to each file, and the segments in the brief's order (largest first).
 */
import { BRIEF_INPUT_FILE } from "../brief/inputFile.js";
import type { Fact, FactFormat } from "./facts.js";
import { fact } from "./facts.js";
import type { DeckSources } from "./files.js";
import type { Findings } from "./findings.js";
import { customerFindings } from "./findings.js";
import { cleaningSummary } from "./cleaningSummary.js";
import type { CleaningSummary } from "./cleaningSummary.js";

/** One segment: its index in the brief's `profiles` and `marketing` arrays, number and name. */
export interface SegmentRef {
  segment: number;
  name: string;
  /** Index in `brief-input.json` `profiles` (and `revenueShare`). */
  p: number;
  /** Index in `brief-input.json` `marketing`. */
  m: number;
}

/** The builders' context. */
export interface DeckContext {
  sources: DeckSources;
  findings: Findings;
  cleaning: CleaningSummary;
  /** Segments, largest first (ties: lower number first), as in the brief. */
  segments: SegmentRef[];
  /** A fact of `brief-input.json`. */
  brief: (path: string, format: FactFormat) => Fact;
  /** A fact of a JSON result file (which must be present). */
  json: (file: string, path: string, format: FactFormat) => Fact;
  /** A fact computed from `customers.csv` (see `customerFindings`). */
  customers: (key: string, format: FactFormat) => Fact;
  /** A fact computed from `cleaning.csv` (see `cleaningSummary`). */
  cleaningFact: (key: string, format: FactFormat) => Fact;
  /** True when the JSON result file was found. */
  has: (file: string) => boolean;
}

/** The context of a deck over its sources. */
export function deckContext(sources: DeckSources): DeckContext {
  const b = sources.brief;
  const segments = b.profiles
    .map((p, i) => ({
      segment: p.segment,
      name: b.marketing.find((r) => r.segment === p.segment)?.name ?? p.name,
      p: i,
      m: b.marketing.findIndex((r) => r.segment === p.segment),
      size: p.size,
    }))
    .sort((x, y) => y.size - x.size || x.segment - y.segment)
    .map(({ segment, name, p, m }) => ({ segment, name, p, m }));
  const findings = customerFindings(sources.customers);
  const cleaning = cleaningSummary(sources.cleaning);
  const json = (file: string, path: string, format: FactFormat) => {
    const root = sources.json[file];
    if (!root) throw new Error(`The deck reads ${file}, which is not present`);
    return fact(root, file, path, format);
  };
  return {
    sources,
    findings,
    cleaning,
    segments,
    brief: (path, format) => json(BRIEF_INPUT_FILE, path, format),
    json,
    customers: (key, format) => fact(findings, "customers.csv", key, format),
    cleaningFact: (key, format) => fact(cleaning, "cleaning.csv", key, format),
    has: (file) => sources.json[file] !== undefined,
  };
}
