/**
 * Model files that cannot be misapplied: every written model carries a checksum of its content;
 * structural faults and edits name the field; extra (documented) fields are allowed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fitSegmentModel } from "../../src/segments/model.js";
import { readModelFile } from "../../src/segments/modelFile.js";
import {
  checkModelJson,
  modelChecksum,
  ModelFileError,
  sealModelJson,
} from "../../src/segments/modelIntegrity.js";
import { UsageError } from "../../src/util/errors.js";
import { blobTable } from "../helpers/tables.js";

type Json = Record<string, unknown>;

const table = blobTable(
  [
    [10, 50],
    [200, 50],
    [10, 900],
  ],
  30,
  3,
);
const { model } = fitSegmentModel(table, {
  features: ["recency_days", "monetary", "frequency"],
  log1p: ["monetary"],
  k: 3,
  seed: 1,
});
const json = () => JSON.parse(JSON.stringify(model.toJSON())) as Json;
const transform = (m: Json) => m.transform as Json;

/** The field a check names, or "" when the JSON passes. */
function failingField(m: unknown): string {
  try {
    checkModelJson(m, "model.json");
    return "";
  } catch (e) {
    assert.ok(e instanceof ModelFileError, String(e));
    assert.match(
      e.message,
      /^model\.json: field "[^"]+" .*; refit with `npm start` or `npm run segment`/,
    );
    return e.field;
  }
}

describe("model file integrity", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "model-integrity-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a written model carries the checksum of its content and passes", () => {
    const m = json();
    assert.match(m.checksum as string, /^sha256:[0-9a-f]{64}$/);
    assert.equal(m.checksum, modelChecksum(m));
    assert.equal(failingField(m), "");
    // Key order is not content: the same fields in another order pass.
    const reordered = Object.fromEntries(Object.entries(m).reverse());
    assert.equal(failingField(reordered), "");
    // The same model after a JSON round trip through SegmentModel keeps its checksum.
    const file = path.join(dir, "model.json");
    writeFileSync(file, JSON.stringify(m, null, 2));
    assert.deepEqual(readModelFile(file).toJSON(), m);
  });

  test("each structural fault names its field, even with a matching checksum", () => {
    const cases: [string, (m: Json) => void][] = [
      ["features", (m) => ((m.features as string[])[1] = "recency_days")],
      ["transform.features", (m) => void (m.features as string[]).reverse()],
      ["transform.features", (m) => void (transform(m).features as string[]).pop()],
      ["transform.scale[1]", (m) => void ((transform(m).scale as number[])[1] = 0)],
      ["transform.scale[0]", (m) => void ((transform(m).scale as number[])[0] = -2)],
      ["transform.center", (m) => void (transform(m).center as number[]).push(1)],
      ["transform.impute[2]", (m) => void ((transform(m).impute as unknown[])[2] = null)],
      ["transform.log1p", (m) => void (transform(m).log1p = ["lifetime_value"])],
      ["centroids[0][1]", (m) => void ((m.centroids as unknown[][])[0][1] = null)],
      ["centroids[2]", (m) => void (m.centroids as number[][])[2].pop()],
      ["centroids", (m) => void (m.centroids as number[][]).pop()],
      ["names", (m) => void (m.names as string[]).pop()],
      ["k", (m) => void (m.k = 2.5)],
      ["kind", (m) => void (m.kind = "something-else")],
      ["inertia", (m) => void (m.inertia = "large")],
      ["trainedAsOf", (m) => void (m.trainedAsOf = "yesterday")],
    ];
    for (const [field, edit] of cases) {
      const m = json();
      edit(m);
      assert.equal(failingField(sealModelJson(m)), field, field);
    }
  });

  test("an edit of a consistent model fails its checksum; a missing checksum is named too", () => {
    const swapped = json();
    const swap = (a: string[]) => ([a[0], a[1]] = [a[1], a[0]]);
    swap(swapped.features as string[]);
    swap(transform(swapped).features as string[]);
    assert.equal(failingField(swapped), "checksum");
    const centroid = json();
    (centroid.centroids as number[][])[0][0] += 0.5;
    assert.equal(failingField(centroid), "checksum");
    const none = json();
    delete none.checksum;
    assert.equal(failingField(none), "checksum");
  });

  test("extra fields are allowed (and covered by the checksum)", () => {
    const m = sealModelJson({
      ...json(),
      selected: { candidate: "rfm+satisfaction / kmeans", k: 3 },
    });
    assert.equal(failingField(m), "");
    (m.selected as Json).k = 4;
    assert.equal(failingField(m), "checksum");
  });

  test("readModelFile: unreadable, not JSON or faulty files are usage errors (exit 2) naming the file", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "[1, 2");
    assert.throws(
      () => readModelFile(bad),
      (e: Error) => e instanceof UsageError && /bad\.json is not valid JSON/.test(e.message),
    );
    assert.throws(() => readModelFile(dir), /cannot read .* \(it is a folder, not a file\)/);
    const zero = json();
    (transform(zero).scale as number[])[1] = 0;
    writeFileSync(bad, JSON.stringify(sealModelJson(zero)));
    assert.throws(
      () => readModelFile(bad),
      (e: Error) =>
        e instanceof UsageError &&
        /bad\.json: field "transform\.scale\[1\]" is 0: every scale must be positive/.test(
          e.message,
        ),
    );
  });
});
