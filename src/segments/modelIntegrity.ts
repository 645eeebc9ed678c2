/**
 * A segment model file that cannot be misapplied: its structure is self-consistent (the feature
 * list, the transform and the centroids agree in names, order and dimensions; every number is
 * finite; every scale positive) and it carries a SHA-256 checksum of its content, so a hand edit —
 * two features swapped in both lists, a centroid changed — is refused instead of silently giving
 * other segments. Extra fields are allowed (and covered by the checksum): later versions add some.
 * Each problem is one message naming the field.
 */
import { createHash } from "node:crypto";

/** The field holding the checksum: `sha256:` and 64 hex digits. */
export const MODEL_CHECKSUM_FIELD = "checksum";

type Json = Record<string, unknown>;

/** JSON text of a value with object keys sorted, so the checksum does not depend on key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, x: unknown) => {
    if (x === null || typeof x !== "object" || Array.isArray(x)) return x;
    const entries = Object.entries(x as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/**
 * The checksum of a model's JSON content (every field but `checksum`): `sha256:<hex>`.
 *
 * @example
 * modelChecksum(model.toJSON()); // "sha256:3f…"
 */
export function modelChecksum(json: object): string {
  const content: Json = { ...(json as Json) };
  delete content[MODEL_CHECKSUM_FIELD];
  return `sha256:${createHash("sha256").update(canonicalJson(content)).digest("hex")}`;
}

/**
 * The model JSON with its checksum (any previous one replaced): what every writer of `model.json`
 * saves (`SegmentModel.toJSON` calls it).
 */
export function sealModelJson<T extends object>(json: T): T & { checksum: string } {
  const content: Json = { ...(json as Json) };
  delete content[MODEL_CHECKSUM_FIELD];
  return { ...(content as T), checksum: modelChecksum(content) };
}

/** An error in a model file: `<file>: field "<field>" <problem>; <what to do>`. */
export class ModelFileError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ModelFileError";
  }
}

const REFIT = "refit with `npm start` or `npm run segment`, or restore the file as written";

function fail(file: string, field: string, problem: string): never {
  throw new ModelFileError(field, `${file}: field "${field}" ${problem}; ${REFIT}.`);
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Checks that `json[field]` is an array of `n` finite numbers (or any length when `n` is undefined). */
function numbers(file: string, json: Json, field: string, n: number, label = field): number[] {
  const value = json[field];
  if (!Array.isArray(value) || value.length !== n) {
    fail(file, label, `must hold ${n} number${n === 1 ? "" : "s"} (one per feature)`);
  }
  const bad = value.findIndex((x) => !isFiniteNumber(x));
  if (bad >= 0)
    fail(file, `${label}[${bad}]`, `is ${JSON.stringify(value[bad])}, not a finite number`);
  return value as number[];
}

/** Checks that `json[field]` is an array of distinct non-empty strings. */
function names(file: string, json: Json, field: string): string[] {
  const value = json[field];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((x) => typeof x !== "string" || x === "")
  ) {
    fail(file, field, "must be a non-empty list of names");
  }
  const seen = new Set<string>();
  for (const name of value as string[]) {
    if (seen.has(name)) fail(file, field, `lists "${name}" twice`);
    seen.add(name);
  }
  return value as string[];
}

/** Checks the feature transform against the model's feature list. */
function checkTransform(file: string, t: unknown, features: readonly string[]): void {
  if (t === null || typeof t !== "object" || Array.isArray(t))
    fail(file, "transform", "must be an object");
  const transform = t as Json;
  if (transform.kind !== "olist-feature-transform") {
    fail(file, "transform.kind", 'must be "olist-feature-transform"');
  }
  const own = names(file, transform, "features").join(",");
  if (own !== features.join(",")) {
    fail(
      file,
      "transform.features",
      `(${own}) must list the model's features in the same order (${features.join(",")})`,
    );
  }
  const n = features.length;
  numbers(file, transform, "impute", n, "transform.impute");
  numbers(file, transform, "center", n, "transform.center");
  const scale = numbers(file, transform, "scale", n, "transform.scale");
  const zero = scale.findIndex((s) => !(s > 0));
  if (zero >= 0)
    fail(file, `transform.scale[${zero}]`, `is ${scale[zero]}: every scale must be positive`);
  const log1p = transform.log1p;
  if (!Array.isArray(log1p) || log1p.some((f) => typeof f !== "string" || !features.includes(f))) {
    fail(file, "transform.log1p", "must list some of the model's features");
  }
  if (!["standard", "robust", "none"].includes(transform.scaler as string)) {
    fail(file, "transform.scaler", 'must be "standard", "robust" or "none"');
  }
  if (!["median", "error"].includes(transform.missing as string)) {
    fail(file, "transform.missing", 'must be "median" or "error"');
  }
}

/**
 * Checks a parsed `model.json`: kind and version, features, transform, k, centroids, names and the
 * checksum (see the module comment). Throws a {@link ModelFileError} naming `file` and the field.
 *
 * @example
 * checkModelJson(JSON.parse(readFileSync("reports/model.json", "utf8")), "reports/model.json");
 */
export function checkModelJson(json: unknown, file = "the model file"): void {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    fail(file, "(top level)", "must be a JSON object written by npm start or npm run segment");
  }
  const m = json as Json;
  if (m.kind !== "olist-segment-model") fail(file, "kind", 'must be "olist-segment-model"');
  if (!Number.isSafeInteger(m.version) || (m.version as number) < 1)
    fail(file, "version", "must be a positive integer");
  const features = names(file, m, "features");
  checkTransform(file, m.transform, features);
  if (!Number.isSafeInteger(m.k) || (m.k as number) < 1)
    fail(file, "k", "must be a positive integer");
  const k = m.k as number;
  const centroids = m.centroids;
  if (!Array.isArray(centroids) || centroids.length !== k)
    fail(file, "centroids", `must hold k = ${k} rows`);
  centroids.forEach((_, i) =>
    numbers(file, centroids as unknown as Json, String(i), features.length, `centroids[${i}]`),
  );
  const segmentNames = m.names;
  if (
    !Array.isArray(segmentNames) ||
    segmentNames.length !== k ||
    segmentNames.some((x) => typeof x !== "string")
  ) {
    fail(file, "names", `must hold k = ${k} segment names`);
  }
  for (const field of ["seed", "nInit"]) {
    if (field in m && !Number.isSafeInteger(m[field])) fail(file, field, "must be an integer");
  }
  if ("inertia" in m && !(isFiniteNumber(m.inertia) && m.inertia >= 0))
    fail(file, "inertia", "must be a finite number ≥ 0");
  if ("trainedAsOf" in m && Number.isNaN(new Date(m.trainedAsOf as string).getTime())) {
    fail(file, "trainedAsOf", "must be an ISO date");
  }
  const checksum = m[MODEL_CHECKSUM_FIELD];
  if (typeof checksum !== "string") {
    fail(
      file,
      MODEL_CHECKSUM_FIELD,
      "is missing: the file was not written by this version, or was edited",
    );
  }
  if (checksum !== modelChecksum(m)) {
    fail(
      file,
      MODEL_CHECKSUM_FIELD,
      "does not match the file's content: the file was edited after it was written",
    );
  }
}
