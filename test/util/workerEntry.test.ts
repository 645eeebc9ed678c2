import assert from "node:assert/strict";
import { once } from "node:events";
import { describe, test } from "node:test";
import { silhouetteDistanceSums } from "../../src/metrics/silhouetteKernel.js";
import { startWorker, workerEntry } from "../../src/util/workerEntry.js";
import type { TaskMessage, TaskReply } from "../../src/util/workerPool.js";

describe("worker entry next to a module", () => {
  test("compiled .js: the .js entry, no bootstrap", () => {
    const e = workerEntry("file:///x/dist/util/workerPool.js", "workerPoolThread");
    assert.equal(e.url.href, "file:///x/dist/util/workerPoolThread.js");
    assert.equal(e.bootstrap, undefined);
  });

  test("TypeScript: the .ts entry behind a bootstrap that registers tsx first", () => {
    const e = workerEntry("file:///x/src/util/workerPool.ts", "workerPoolThread");
    assert.equal(e.url.href, "file:///x/src/util/workerPoolThread.ts");
    assert.match(
      e.bootstrap ?? "",
      /tsx.*register\(\).*file:\/\/\/x\/src\/util\/workerPoolThread\.ts/,
    );
  });

  test("startWorker runs a .ts entry under tsx, which imports .ts task modules", async () => {
    // The worker pool's thread, asked for a silhouette chunk: two clusters of 3 rows, 1 column.
    const data = new Float64Array(new SharedArrayBuffer(6 * 8));
    data.set([0, 1, 3, 10, 11, 15]);
    const codes = new Int32Array(new SharedArrayBuffer(6 * 4));
    codes.set([0, 0, 0, 1, 1, 1]);
    const starts = Int32Array.of(0, 3, 6);
    const entry = workerEntry(
      new URL("../../src/util/workerPool.ts", import.meta.url).href,
      "workerPoolThread",
    );
    const worker = startWorker(entry, { workerData: { unused: true } });
    try {
      const message: TaskMessage = {
        id: 4,
        module: new URL("../../src/metrics/silhouette.ts", import.meta.url).href,
        name: "silhouetteChunkTask",
        payload: { data, n: 6, d: 1, codes, starts, from: 1, to: 4 },
      };
      worker.postMessage(message);
      const [reply] = (await once(worker, "message")) as [TaskReply];
      assert.equal(reply.id, 4);
      assert.deepStrictEqual(
        Array.from(reply.result as Float64Array),
        Array.from(silhouetteDistanceSums(data, 6, 1, codes, starts, 1, 4)),
      );
    } finally {
      await worker.terminate();
    }
  });
});
