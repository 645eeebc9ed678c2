/**
 * One pool of worker threads for the whole toolbox: the exact silhouette's chunks, the sampled
 * silhouette, k-means restarts, the model selection's candidates, the modelling sweep's fits and
 * algorithm scores, and the maintenance refits all run on it.
 *
 * A task is a function defined once, at the top level of the module that needs it, with
 * {@link workerTask}: `export const fooTask = workerTask(import.meta.url, "fooTask", fooImpl)`. The
 * pool sends `{ module, name, payload }` to a thread; the thread imports that module (compiled
 * `.js`, or `.ts` under tsx, as {@link workerEntry} arranges), looks up the export and runs it.
 * The same function runs inline in a pool of 0 threads, so a caller that combines the results in
 * task order gets bit-identical answers for any number of threads.
 *
 * Data: payloads and results are structured-cloned, except typed arrays over a
 * `SharedArrayBuffer`, which every thread reads in place (`sharedArrays.ts`, re-exported here).
 * Tasks return big arrays in shared memory rather than transferring them: transferring detaches a
 * buffer, and a thread that ever detached one runs typed-array loops ~15–20 % slower (V8's
 * "array buffer detaching protector"), which is how the silhouette workers lost time before.
 *
 * Threads start on first use and are unreferenced while idle, so an idle pool never keeps the
 * process alive; {@link WorkerPool.close} stops them. Which pool a parallel function uses (the
 * process-wide one, or one made for the call) is `sharedWorkerPool.ts`'s business.
 */
import type { Worker } from "node:worker_threads";
import { runOrderedWith } from "./runOrdered.js";
import { startWorker, workerEntry } from "./workerEntry.js";
import type { WorkerPool, WorkerPoolOptions } from "./workerPoolTypes.js";
import { checkThreads, defaultWorkerThreads } from "./workerThreads.js";
import { type TaskMessage, type TaskReply, type WorkerTask, workerTask } from "./workerTask.js";

export { shareFloat64, shareInt32, sharedFloat64, sharedInt32 } from "./sharedArrays.js";
export { workerTask } from "./workerTask.js";
export type { TaskMessage, TaskReply, WorkerTask } from "./workerTask.js";
export type { RunOrderedOptions, WorkerPool, WorkerPoolOptions } from "./workerPoolTypes.js";
export { defaultWorkerThreads } from "./workerThreads.js";

/** Does nothing: {@link WorkerPool.warm} sends one to each thread. */
export const readyTask = workerTask(import.meta.url, "readyTask", () => true);

interface Job {
  id: number;
  message: TaskMessage;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A pool whose tasks run on the calling thread (payloads passed by reference, not cloned). */
function inlinePool(): WorkerPool {
  const base: Omit<WorkerPool, "runOrdered"> = {
    threads: 0,
    run: (task, payload) => Promise.resolve().then(() => task.run(payload)),
    warm: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return { ...base, runOrdered: runOrderedWith(base) };
}

/**
 * A pool of `threads` worker threads (0: an inline pool). Threads start when the first task
 * arrives; a thread that crashes fails its task and is replaced on demand.
 *
 * @example
 * const pool = createWorkerPool({ threads: 2 });
 * try {
 *   const squares = await Promise.all([1, 2, 3].map((x) => pool.run(squareTask, x)));
 * } finally {
 *   await pool.close();
 * }
 */
export function createWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  const threads = options.threads ?? defaultWorkerThreads();
  checkThreads(threads);
  if (threads === 0) return inlinePool();
  const entry = workerEntry(import.meta.url, "workerPoolThread");
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let started = 0;
  let nextId = 0;
  let closed = false;

  const retired = new WeakSet<Worker>();
  const retire = (worker: Worker, error: Error): void => {
    if (retired.has(worker)) return; // "error" is followed by "exit"
    retired.add(worker);
    const job = busy.get(worker);
    busy.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    started--;
    job?.reject(error);
    dispatch();
  };
  const spawn = (): Worker => {
    const worker = startWorker(entry);
    started++;
    worker.on("message", (reply: TaskReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      if (job && job.id === reply.id) {
        if (reply.error === undefined) job.resolve(reply.result);
        else job.reject(new Error(reply.error));
      }
      dispatch();
    });
    worker.on("error", (e) => retire(worker, new Error(`worker thread crashed: ${e.message}`)));
    worker.on("exit", (code) => {
      if (!closed) retire(worker, new Error(`worker thread exited with code ${code}`));
    });
    return worker;
  };
  const dispatch = (): void => {
    while (!closed && queue.length > 0 && (idle.length > 0 || started < threads)) {
      const worker = idle.pop() ?? spawn();
      const job = queue.shift() as Job;
      busy.set(worker, job);
      worker.ref(); // a running task keeps the process alive until it answers
      worker.postMessage(job.message);
    }
  };
  const base: Omit<WorkerPool, "runOrdered"> = {
    threads,
    run: <P, R>(task: WorkerTask<P, R>, payload: P): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        if (closed) return reject(new Error("the worker pool is closed"));
        const id = nextId++;
        const message: TaskMessage = { id, module: task.module, name: task.name, payload };
        queue.push({ id, message, resolve: resolve as (v: unknown) => void, reject });
        dispatch();
      }),
    warm: async () => {
      // Idle threads first serve queued tasks, and up to `threads` are started for them: with
      // `threads` tasks queued at once, every thread starts and gets one.
      const missing = threads - started;
      await Promise.all(Array.from({ length: missing }, () => base.run(readyTask, undefined)));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const error = new Error("the worker pool was closed");
      for (const job of queue) job.reject(error);
      for (const job of busy.values()) job.reject(error);
      queue.length = 0;
      const workers = [...idle, ...busy.keys()];
      busy.clear();
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return { ...base, runOrdered: runOrderedWith(base) };
}
