/**
 * A thread of a worker pool (`workerPool.ts`): for each message `{ id, module, name, payload }`,
 * imports `module` (once; the module cache keeps it), runs its exported task `name` on the payload
 * and answers `{ id, result }` or `{ id, error }`. Started by `createWorkerPool`; not exported.
 * Results are posted as they are, never transferred (see `workerPool.ts` on detached buffers).
 */
import { parentPort } from "node:worker_threads";
import type { TaskMessage, TaskReply, WorkerTask } from "./workerTask.js";

if (!parentPort)
  throw new Error("workerPoolThread must run as a worker thread (see workerPool.ts).");
const port = parentPort;

async function answer({ id, module, name, payload }: TaskMessage): Promise<TaskReply> {
  try {
    const exports = (await import(module)) as Record<string, unknown>;
    const task = exports[name] as WorkerTask<unknown, unknown> | undefined;
    if (typeof task?.run !== "function") {
      throw new Error(
        `${module} exports no worker task "${name}" (declare it with workerTask(import.meta.url, "${name}", …) and export it)`,
      );
    }
    return { id, result: await task.run(payload) };
  } catch (e) {
    return { id, error: e instanceof Error ? e.message : String(e) };
  }
}

port.on("message", (message: TaskMessage) => {
  void answer(message).then((reply) => {
    try {
      port.postMessage(reply);
    } catch (e) {
      // e.g. a result that cannot be cloned (a function): still answer, with the reason.
      port.postMessage({ id: reply.id, error: `result not sendable: ${(e as Error).message}` });
    }
  });
});
