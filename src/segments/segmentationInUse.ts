/**
 * The segmentation this data uses, in one place: the pick of the selection rule on the customer
 * table (`selection.ts`, cached by the data files' checksums, so cheap after the first run), or an
 * explicit override — `--k` (the fallback design of `chosen.ts` with that k) or `--model` (a saved
 * model's own design). `npm start`, `npm run segment`, `npm run maintenance`, `npm run value` and
 * notebooks 2 and 3 all take their segmentation from here, so the maintenance and value studies
 * study the design that is fitted, not the fallback.
 */
import type { FileChecksum } from "../data/checksums.js";
import { dataChecksums } from "../data/checksums.js";
import type { Database } from "../data/db.js";
import type { DataSource } from "../data/locate.js";
import { customerFeatures } from "../features/customers.js";
import type { CustomerTable } from "../features/definitions.js";
import { chosenSegmentation } from "./chosen.js";
import type { FitSegmentModelOptions, SegmentModel } from "./model.js";
import type { SelectionReport } from "./selection.js";
import { decideSegmentation } from "./selection.js";
import type { SelectionDesign } from "./selectionCandidates.js";

/** The fit options of a segmentation: features, transform, k, seed, restarts, candidate id. */
export type SegmentationDesign = Omit<FitSegmentModelOptions, "names" | "source" | "candidate"> & {
  seed: number;
  nInit: number;
  /** The selection candidate's id, when the design is one (absent for a --k override). */
  candidate?: string;
};

/** Where a segmentation comes from. */
export type SegmentationOrigin = "selection" | "k" | "model" | "fallback";

/** The segmentation in use with where it comes from. */
export interface SegmentationInUse {
  design: SegmentationDesign;
  origin: SegmentationOrigin;
  /** The selection decision (only when `origin` is `"selection"`). */
  selection?: { report: SelectionReport; cached: boolean; seconds: number };
}

/** Options of {@link segmentationInUse}. */
export interface SegmentationInUseOptions {
  /** Override: the fallback design with this k (`--k`). */
  k?: number;
  /** Override of the seed of the fit (`--seed`; default the design's, 0). */
  seed?: number;
  /** Override: a saved model, whose own design is the segmentation (`--model`). */
  model?: SegmentModel;
  /** Run the selection rule when there is no override (default true; false → the fallback design). */
  select?: boolean;
  /** Data files' checksums: the cache key of the selection (default none: computed, not cached). */
  checksums?: readonly FileChecksum[];
  /** The selection design (default `SELECTION_DESIGN`). */
  design?: SelectionDesign;
  /** Selection cache folder (default `resultCacheDir()`). */
  cacheDir?: string;
  /** Called just before the selection is decided (for progress display). */
  onSelection?: () => void;
}

/** The design of a saved model: its features, log1p columns, scaler, k, seed, restarts, candidate. */
export function modelDesign(model: SegmentModel): SegmentationDesign {
  const json = model.toJSON();
  return {
    features: [...json.features],
    log1p: [...json.transform.log1p],
    scaler: json.transform.scaler,
    k: json.k,
    seed: json.seed,
    nInit: json.nInit,
    ...(json.candidate !== undefined ? { candidate: json.candidate } : {}),
  };
}

/**
 * The segmentation a customer table uses: the saved model's design with `model`, the fallback
 * design with `k` (and `seed`), else the selection rule's pick (cached by `checksums`).
 *
 * @example
 * const { design, origin } = await segmentationInUse(customers, { checksums });
 * design.k; // the pick's k, e.g. 4; origin "selection"
 */
export async function segmentationInUse(
  table: Pick<CustomerTable, "numeric" | "asOf">,
  options: SegmentationInUseOptions = {},
): Promise<SegmentationInUse> {
  if (options.model) return { design: modelDesign(options.model), origin: "model" };
  const withSeed = (d: SegmentationDesign): SegmentationDesign =>
    options.seed === undefined ? d : { ...d, seed: options.seed };
  if (options.k !== undefined)
    return { design: withSeed({ ...chosenSegmentation(), k: options.k }), origin: "k" };
  if (options.select === false)
    return { design: withSeed(chosenSegmentation()), origin: "fallback" };
  options.onSelection?.();
  const decided = await decideSegmentation(table, {
    checksums: options.checksums,
    design: options.design,
    cacheDir: options.cacheDir,
  });
  return {
    design: withSeed(decided.segmentation),
    origin: "selection",
    selection: { report: decided.report, cached: decided.cached, seconds: decided.seconds },
  };
}

/**
 * {@link segmentationInUse} on a loaded database: builds the customer table as of `asOf` (default:
 * the table's default as-of date) and the files' checksums (unless given), then decides.
 *
 * @example
 * const { design } = await dataSegmentation(olist.db, olist.source); // what npm start fits
 */
export async function dataSegmentation(
  db: Database,
  source: Pick<DataSource, "files">,
  options: SegmentationInUseOptions & { asOf?: Date; table?: CustomerTable } = {},
): Promise<SegmentationInUse & { table: CustomerTable }> {
  const table = options.table ?? (await customerFeatures(db, { asOf: options.asOf }));
  const checksums =
    options.checksums ??
    (options.model || options.k !== undefined ? [] : await dataChecksums(source));
  return { ...(await segmentationInUse(table, { ...options, checksums })), table };
}

/** The segmentation in words: `"rfm/k-means/k4 (the selection rule's pick)"`, etc. */
export function segmentationInUseText(s: Pick<SegmentationInUse, "design" | "origin">): string {
  const what = s.design.candidate ?? `${s.design.features.join(", ")}, k = ${s.design.k}`;
  const why = {
    selection: "the selection rule's pick",
    k: "fallback design with --k",
    model: "the saved model's design",
    fallback: "the fallback design",
  }[s.origin];
  return `${what} (${why})`;
}
