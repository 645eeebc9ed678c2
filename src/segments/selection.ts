/**
 * The model selection as a step of `npm start` and `npm run segment`: computes the candidates on the
 * customer table, applies the rule, and caches the decision by the data files' checksums, the as-of
 * date and the selection design (same files, same design: same decision, no recomputation). Writes
 * `selection.json`: the rule in words, every candidate with its scores, the pick and the reason.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { FileChecksum } from "../data/checksums.js";
import type { CustomerTable } from "../features/definitions.js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import { cachedResult, resultCacheKey } from "../util/resultCache.js";
import type { SelectionDesign } from "./selectionCandidates.js";
import {
  SELECTION_DESIGN,
  candidateSegmentation,
  selectionCandidates,
  selectionMethodText,
} from "./selectionCandidates.js";
import type { SelectionDecision, SelectionThresholds } from "./selectionRule.js";
import { SELECTION_THRESHOLDS, selectCandidate, selectionRuleText } from "./selectionRule.js";

/** Bump when the way candidates are computed or judged changes (invalidates cached decisions). */
export const SELECTION_METHOD_VERSION = 5;

/** The decision with how it was measured, as written to `selection.json`. */
export interface SelectionReport extends SelectionDecision {
  /** How the candidates are fitted and scored, in words (sample sizes, seeds, the null). */
  method: string;
  asOf: string;
  /** The design's sizes and seed (its feature sets are in the candidates). */
  design: Omit<SelectionDesign, "featureSets" | "ks"> & { ks: number[] };
  /** Seconds the selection took when it was computed (a cached decision keeps its own). */
  seconds: number;
}

/** Options of {@link decideSegmentation}. */
export interface DecideOptions {
  /** Data files' checksums: the cache key (empty → no cache, always computed). */
  checksums?: readonly FileChecksum[];
  design?: SelectionDesign;
  thresholds?: Partial<SelectionThresholds>;
  /** Read a cached decision when there is one (default true). */
  useCache?: boolean;
  /** Cache folder (default `resultCacheDir()`). */
  cacheDir?: string;
  onCandidate?: (done: number, total: number) => void;
  /** Worker threads of the candidates (default: the shared pool, one per core; 0 = this thread). */
  workers?: number;
}

/** The cache key of a selection: data files, as-of date, design, thresholds, rule, method version. */
export function selectionCacheKey(
  checksums: readonly FileChecksum[],
  asOf: Date,
  design: SelectionDesign,
  thresholds: SelectionThresholds,
): string {
  return resultCacheKey({
    version: SELECTION_METHOD_VERSION,
    files: checksums.map((c) => ({ ...c })),
    asOf: asOf.toISOString(),
    design: { ...design, featureSets: design.featureSets.map((s) => ({ ...s })) },
    thresholds,
    // The rule's words: a reworded rule (or reason) is a new decision, never a stale cached one.
    rule: selectionRuleText(thresholds),
  });
}

/** Computes the selection report on a table (no cache). */
export async function computeSelection(
  table: Pick<CustomerTable, "numeric" | "asOf">,
  options: Omit<DecideOptions, "checksums" | "useCache" | "cacheDir"> = {},
): Promise<SelectionReport> {
  const design = options.design ?? SELECTION_DESIGN;
  const start = performance.now();
  const candidates = await selectionCandidates(table, design, {
    onCandidate: options.onCandidate,
    workers: options.workers,
  });
  const decision = selectCandidate(candidates, options.thresholds);
  return {
    ...decision,
    method: selectionMethodText(design),
    asOf: table.asOf.toISOString(),
    design: {
      ks: [...design.ks],
      nInit: design.nInit,
      seed: design.seed,
      fitRows: design.fitRows,
      silhouetteSampleSize: design.silhouetteSampleSize,
      stabilityRows: design.stabilityRows,
      stabilityRuns: design.stabilityRuns,
    },
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * The selection decision for a customer table, read from the cache when the data files, as-of date
 * and design are unchanged, else computed (and cached); with the fit options of the pick.
 *
 * @example
 * const { report, segmentation, cached } = await decideSegmentation(table, { checksums });
 * report.pick; // "rfm-satisfaction/k-means/k5"
 */
export async function decideSegmentation(
  table: Pick<CustomerTable, "numeric" | "asOf">,
  options: DecideOptions = {},
): Promise<{
  report: SelectionReport;
  cached: boolean;
  /** Seconds spent here (≈ 0 on a cache hit). */
  seconds: number;
  segmentation: ReturnType<typeof candidateSegmentation>;
}> {
  const design = options.design ?? SELECTION_DESIGN;
  const thresholds = { ...SELECTION_THRESHOLDS, ...options.thresholds };
  const start = performance.now();
  const compute = () => computeSelection(table, { ...options, design, thresholds });
  const checksums = options.checksums ?? [];
  const { value, cached } =
    checksums.length === 0
      ? { value: await compute(), cached: false }
      : await cachedResult(
          "selection",
          selectionCacheKey(checksums, table.asOf, design, thresholds),
          compute,
          { dir: options.cacheDir, useCache: options.useCache },
        );
  return {
    report: value,
    cached,
    seconds: (performance.now() - start) / 1000,
    segmentation: candidateSegmentation(value.pick, design),
  };
}

/**
 * Writes `selection.json` into `outDir` atomically: the rule, the candidates with their scores, the
 * pick, the reason, whether the decision came from the cache and the seconds it took to compute
 * (`seconds`) and to obtain in this run (`secondsThisRun`, ≈ 0 on a cache hit); returns its path.
 */
export function writeSelectionReport(
  outDir: string,
  report: SelectionReport,
  run: { cached: boolean; seconds: number } = { cached: false, seconds: report.seconds },
): string {
  const file = path.join(outDir, "selection.json");
  const { rule, pick, reason, candidates, ...rest } = report;
  const body = {
    rule,
    pick,
    reason,
    cached: run.cached,
    secondsThisRun: run.seconds,
    ...rest,
    candidates,
  };
  writeFileAtomic(file, JSON.stringify(body, null, 2) + "\n");
  return file;
}

/**
 * The lines `npm start` and `npm run segment` print about the selection (nothing without one):
 * the pick, whether it was computed or read from the cache, the seconds, and the reason.
 */
export function selectionLogLines(
  selection: { report: SelectionReport; cached: boolean; seconds: number } | undefined,
): string[] {
  if (!selection) return [];
  const { report, cached, seconds } = selection;
  const how = cached
    ? `read from the cache (same data files and design; computed in ${report.seconds.toFixed(1)} s)`
    : `computed in ${seconds.toFixed(1)} s`;
  return [
    `  selection: ${report.pick}, ${how}, ${report.candidates.length} candidates`,
    `  ${report.reason}`,
  ];
}

/** Prints {@link selectionLogLines} with `log`. */
export function logSelection(
  selection: Parameters<typeof selectionLogLines>[0],
  log: (line: string) => void,
): void {
  for (const line of selectionLogLines(selection)) log(line);
}

/**
 * Writes `selection.json` when the rule chose the fitted model, else removes a previous run's file
 * (with --k or --model it would describe a model that was not fitted); returns the path written.
 */
export function updateSelectionReport(
  outDir: string,
  selection: { report: SelectionReport; cached: boolean; seconds: number } | undefined,
): string | undefined {
  if (selection) return writeSelectionReport(outDir, selection.report, selection);
  rmSync(path.join(outDir, "selection.json"), { force: true });
  return undefined;
}
