import assert from "node:assert/strict";
import { once } from "node:events";
import { describe, test } from "node:test";
import { refitWorkerEntry } from "../../src/maintenance/refit.js";
import type {
  SilhouetteReply,
  SilhouetteTask,
  SilhouetteWorkerData,
} from "../../src/metrics/silhouette.js";
import { silhouetteDistanceSums } from "../../src/metrics/silhouette.js";
import { startWorker, workerEntry } from "../../src/util/workerEntry.js";

describe("worker entry next to a module", () => {
  test("compiled .js: the .js entry, no bootstrap", () => {
    const e = workerEntry("file:///x/dist/metrics/silhouette.js", "silhouette-worker");
    assert.equal(e.url.href, "file:///x/dist/metrics/silhouette-worker.js");
    assert.equal(e.bootstrap, undefined);
  });

  test("TypeScript: the .ts entry behind a bootstrap that registers tsx first", () => {
    const e = workerEntry("file:///x/src/metrics/silhouette.ts", "silhouette-worker");
    assert.equal(e.url.href, "file:///x/src/metrics/silhouette-worker.ts");
    assert.match(
      e.bootstrap ?? "",
      /tsx.*register\(\).*file:\/\/\/x\/src\/metrics\/silhouette-worker\.ts/,
    );
  });

  test("refitWorkerEntry is workerEntry(…, 'refit-worker')", () => {
    for (const url of [
      "file:///x/dist/maintenance/refit.js",
      "file:///x/src/maintenance/refit.ts",
    ]) {
      assert.deepEqual(refitWorkerEntry(url), workerEntry(url, "refit-worker"));
    }
  });

  test("startWorker runs a .ts entry under tsx and passes workerData through", async () => {
    // Two clusters of 3 rows, 1 column, in cluster order.
    const data = new Float64Array(new SharedArrayBuffer(6 * 8));
    data.set([0, 1, 3, 10, 11, 15]);
    const codes = new Int32Array(new SharedArrayBuffer(6 * 4));
    codes.set([0, 0, 0, 1, 1, 1]);
    const starts = Int32Array.of(0, 3, 6);
    const workerData: SilhouetteWorkerData = { data, n: 6, d: 1, codes, starts };
    const entry = workerEntry(
      new URL("../../src/metrics/silhouette.ts", import.meta.url).href,
      "silhouette-worker",
    );
    const worker = startWorker(entry, { workerData });
    try {
      const task: SilhouetteTask = { chunk: 4, from: 1, to: 4 };
      worker.postMessage(task);
      const [reply] = (await once(worker, "message")) as [SilhouetteReply];
      assert.equal(reply.chunk, 4);
      assert.deepStrictEqual(reply.sums, silhouetteDistanceSums(data, 6, 1, codes, starts, 1, 4));
    } finally {
      await worker.terminate();
    }
  });
});
