/**
 * A worker task (a function a pool can run on any thread, found by module URL and export name)
 * and the messages a pool and its threads exchange about it.
 */

/** A function that a pool can run on any of its threads (see {@link workerTask}). */
export interface WorkerTask<P, R> {
  /** URL of the module that exports the task (its `import.meta.url`). */
  readonly module: string;
  /** Name of the export. */
  readonly name: string;
  /** The work itself; must depend on the payload only (not on state of the calling thread). */
  readonly run: (payload: P) => R | Promise<R>;
}

/**
 * Declares a task. Call it at the top level of `moduleUrl`'s module and export the result under
 * `name`: the worker thread finds the task by importing the module and reading that export.
 *
 * @example
 * export const squareTask = workerTask(import.meta.url, "squareTask", (x: number) => x * x);
 * await sharedWorkerPool().run(squareTask, 7); // 49 (sharedWorkerPool.ts)
 */
export function workerTask<P, R>(
  moduleUrl: string,
  name: string,
  run: (payload: P) => R | Promise<R>,
): WorkerTask<P, R> {
  return Object.freeze({ module: moduleUrl, name, run });
}

/** What the pool sends to a thread, and what comes back. */
export interface TaskMessage {
  id: number;
  module: string;
  name: string;
  payload: unknown;
}
/** A thread's answer to a {@link TaskMessage}: its result, or the error message. */
export interface TaskReply {
  id: number;
  result?: unknown;
  error?: string;
}
