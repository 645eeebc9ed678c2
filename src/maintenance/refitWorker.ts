/**
 * Worker thread of the maintenance simulation: receives refit jobs, answers with the model JSON and
 * the labels (buffer transferred). Started by `createRefitPool` in `refit.ts`; not exported.
 */
import { parentPort } from "node:worker_threads";
import type { RefitJob } from "./refit.js";
import { runRefit } from "./refit.js";

if (!parentPort) throw new Error("refitWorker must run as a worker thread (see refit.ts).");
const port = parentPort;
port.on("message", ({ id, job }: { id: number; job: RefitJob }) => {
  try {
    const result = runRefit(job);
    port.postMessage({ id, result }, [result.labels.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
