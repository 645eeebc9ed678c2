/** Bounded, in-order consumption of task results, on top of any pool's `run`. */
import type { RunOrderedOptions, WorkerPool } from "./workerPoolTypes.js";
import type { WorkerTask } from "./workerTask.js";

/** Shared by both kinds of pool: bounded, in-order consumption on top of `run`. */
export function runOrderedWith(
  pool: Pick<WorkerPool, "run" | "threads">,
): WorkerPool["runOrdered"] {
  return <P, R>(
    task: WorkerTask<P, R>,
    count: number,
    payloadOf: (index: number) => P,
    consume: (index: number, result: R) => void,
    options: RunOrderedOptions = {},
  ): Promise<void> => {
    const window = options.window ?? Math.max(1, 2 * pool.threads);
    if (!Number.isInteger(window) || window < 1)
      throw new Error(`window must be an integer ≥ 1, got ${window}`);
    return new Promise<void>((resolve, reject) => {
      const done = new Map<number, R>();
      let next = 0; // next task to start
      let consumed = 0; // tasks [0, consumed) handed to consume
      let failed = false;
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        done.clear();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const pump = (): void => {
        if (failed) return;
        try {
          while (done.has(consumed)) {
            const result = done.get(consumed) as R;
            done.delete(consumed);
            consume(consumed++, result);
          }
        } catch (e) {
          return fail(e);
        }
        if (consumed === count) return resolve();
        while (next < count && next < consumed + window) {
          const index = next++;
          let payload: P;
          try {
            payload = payloadOf(index);
          } catch (e) {
            return fail(e);
          }
          pool.run(task, payload).then((result) => {
            if (failed) return;
            done.set(index, result);
            // eslint-disable-next-line local/no-recursion -- from a promise callback: a fresh stack
            pump();
          }, fail);
        }
      };
      pump();
    });
  };
}
