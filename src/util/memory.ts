/**
 * Peak memory of a stage of work. `process.resourceUsage().maxRSS` is the peak of the whole process
 * since it started, so it cannot tell the peak of one stage; and a timer on the main thread does not
 * fire while that thread computes. So a tiny worker thread samples the process's resident set size
 * (RSS is per process: the worker sees the main thread's memory too) every few milliseconds into
 * shared memory, and the main thread reads and resets the maximum between stages.
 */
import { Worker } from "node:worker_threads";

/** Reads and resets the peak RSS seen since the previous reading. */
export interface PeakMemorySampler {
  /** Peak RSS in MB since the sampler started or since the last call, then starts a new period. */
  takePeakMb(): number;
  /** Stops the sampling thread. */
  stop(): Promise<void>;
}

// The sampler's code, evaluated in the worker (no file to resolve under tsx or from dist/).
const SAMPLER_SOURCE = `
const { workerData } = require("node:worker_threads");
const peak = new Int32Array(workerData.buffer);
const sample = () => {
  const mb = Math.ceil(process.memoryUsage.rss() / 1048576);
  let seen = Atomics.load(peak, 0);
  while (mb > seen) {
    const previous = Atomics.compareExchange(peak, 0, seen, mb);
    if (previous === seen) break;
    seen = previous;
  }
};
sample();
setInterval(sample, workerData.intervalMs);
`;

/**
 * Starts sampling the RSS of this process every `intervalMs` (default 20).
 *
 * @example
 * const memory = startPeakMemorySampler();
 * await heavyStage();
 * console.log(`peak ${memory.takePeakMb()} MB`);
 * await memory.stop();
 */
export function startPeakMemorySampler(intervalMs = 20): PeakMemorySampler {
  const buffer = new SharedArrayBuffer(4);
  const peak = new Int32Array(buffer);
  const rssMb = () => Math.ceil(process.memoryUsage.rss() / 1048576);
  Atomics.store(peak, 0, rssMb());
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
  worker.unref();
  return {
    takePeakMb() {
      // Include the current value: a stage shorter than the interval may not have been sampled.
      const now = rssMb();
      const seen = Atomics.exchange(peak, 0, now);
      return Math.max(seen, now);
    },
    async stop() {
      await worker.terminate();
    },
  };
}
