/**
 * Worker thread of the exact silhouette: reads the rows in cluster order from shared memory
 * (`workerData`, sent once), then answers each chunk [from, to) with its per-cluster distance sums.
 * Started by `silhouetteValuesParallel` in `silhouette.ts`; not exported.
 *
 * The sums are written to a new `SharedArrayBuffer` and posted as is: no copy, like a transfer, but
 * without detaching a buffer. Detaching any `ArrayBuffer` in a thread switches V8 to slower,
 * detach-checked typed-array access for that thread's optimized code (its "array buffer detaching
 * protector"), and the pair loop ran ~15-20 % slower in the worker after the first transferred chunk.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SilhouetteReply, SilhouetteTask, SilhouetteWorkerData } from "./silhouette.js";
import { silhouetteDistanceSums } from "./silhouette.js";

if (!parentPort)
  throw new Error("silhouette-worker must run as a worker thread (see silhouette.ts).");
const port = parentPort;
const { data, n, d, codes, starts } = workerData as SilhouetteWorkerData;
const size = (starts.length - 1) * n;
port.on("message", ({ chunk, from, to }: SilhouetteTask) => {
  try {
    const sums = new Float64Array(new SharedArrayBuffer(size * 8));
    silhouetteDistanceSums(data, n, d, codes, starts, from, to, sums);
    const reply: SilhouetteReply = { chunk, sums };
    port.postMessage(reply);
  } catch (e) {
    const reply: SilhouetteReply = { chunk, error: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});
