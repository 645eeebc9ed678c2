/**
 * Where a worker thread's entry file is, for modules that start workers next to themselves.
 *
 * The same source runs compiled (`dist/*.js`, imported by the notebooks) and as TypeScript under
 * tsx (tests, benches, commands). Compiled, the entry is the `.js` file next to the module. Under
 * tsx it is the `.ts` file, but Node 20 does not apply `--import tsx` to a worker's entry file, so
 * the worker starts from a small bootstrap that registers tsx first, then imports the `.ts` entry.
 */
import type { WorkerOptions } from "node:worker_threads";
import { Worker } from "node:worker_threads";

/** How to start a worker: its entry file, and the tsx bootstrap when the entry is TypeScript. */
export interface WorkerEntry {
  /** The entry file, `.js` or `.ts` like the module asking. */
  url: URL;
  /** Bootstrap code for `new Worker(code, { eval: true })`, when the entry is TypeScript. */
  bootstrap?: string;
}

/**
 * The entry of worker `name` (file name without extension) next to the module at `moduleUrl`
 * (pass `import.meta.url`): `name.js` when that module is compiled JavaScript, `name.ts` plus a
 * tsx bootstrap when it is TypeScript.
 *
 * @example
 * const entry = workerEntry(import.meta.url, "workerPoolThread");
 */
export function workerEntry(moduleUrl: string, name: string): WorkerEntry {
  const typescript = new URL(moduleUrl).pathname.endsWith(".ts");
  if (!typescript) return { url: new URL(`./${name}.js`, moduleUrl) };
  const url = new URL(`./${name}.ts`, moduleUrl);
  let api = "tsx/esm/api";
  try {
    api = import.meta.resolve(api);
  } catch {
    // Resolved from the current directory by the worker instead.
  }
  const bootstrap =
    `import(${JSON.stringify(api)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return { url, bootstrap };
}

/**
 * Starts a worker thread from an entry found by {@link workerEntry}, with `options` such as
 * `workerData` (passed through the tsx bootstrap unchanged).
 *
 * @example
 * const worker = startWorker(workerEntry(import.meta.url, "workerPoolThread"));
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  return entry.bootstrap
    ? new Worker(entry.bootstrap, { ...options, eval: true })
    : new Worker(entry.url, options);
}
