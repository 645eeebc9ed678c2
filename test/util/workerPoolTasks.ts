/** Tasks for test/util/workerPool.test.ts, run by the pool's threads (and inline). */
import { threadId } from "node:worker_threads";
import { sharedWorkerPool } from "../../src/util/sharedWorkerPool.js";
import { workerTask } from "../../src/util/workerPool.js";

export const squareTask = workerTask(import.meta.url, "squareTask", (x: number) => x * x);

/** Answers after `ms` milliseconds with the value and the thread that ran it. */
export const delayedTask = workerTask(
  import.meta.url,
  "delayedTask",
  (p: { value: number; ms: number }) =>
    new Promise<{ value: number; thread: number }>((resolve) =>
      setTimeout(() => resolve({ value: p.value, thread: threadId }), p.ms),
    ),
);

export const failingTask = workerTask(import.meta.url, "failingTask", (x: number): number => {
  throw new Error(`no good: ${x}`);
});

/** Writes i·factor into a shared array given in the payload; returns a new shared array too. */
export const sharedTask = workerTask(
  import.meta.url,
  "sharedTask",
  ({ target, factor }: { target: Float64Array; factor: number }) => {
    for (let i = 0; i < target.length; i++) target[i] = i * factor;
    const out = new Int32Array(new SharedArrayBuffer(3 * 4));
    out.set([7, 8, 9]);
    return out;
  },
);

export const exitTask = workerTask(import.meta.url, "exitTask", (code: number) =>
  process.exit(code),
);

/** The thread count of the shared pool as seen from where the task runs. */
export const nestedPoolTask = workerTask(
  import.meta.url,
  "nestedPoolTask",
  () => sharedWorkerPool().threads,
);

export const notATask = 42;
