/**
 * Time and peak memory of the stages of a job, for the main job's summary and `npm run bench`.
 * One stage runs at a time; starting a stage ends the previous one.
 */
import type { PeakMemorySampler } from "../util/memory.js";
import { startPeakMemorySampler } from "../util/memory.js";

/** One finished stage. */
export interface StageRecord {
  stage: string;
  seconds: number;
  /** Peak resident memory of this process during the stage, MB. */
  peakMb: number;
  /** Peak resident memory of a child process during the stage (the notebook kernels), MB. */
  childPeakMb?: number;
}

/** Records consecutive stages. */
export class StageClock {
  readonly records: StageRecord[] = [];
  private current: { stage: string; start: number } | undefined;
  private readonly memory: PeakMemorySampler;
  private readonly started = performance.now();

  constructor(
    /** Called when a stage starts (for progress display). */
    private readonly onStart: (stage: string) => void = () => {},
  ) {
    this.memory = startPeakMemorySampler();
  }

  /** Ends the running stage, if any, and starts `stage`. */
  start(stage: string): void {
    this.end();
    this.memory.takePeakMb(); // the new stage's peak starts from now
    this.current = { stage, start: performance.now() };
    this.onStart(stage);
  }

  /** Ends the running stage; `childPeakMb` adds the peak of a child process. */
  end(childPeakMb?: number): StageRecord | undefined {
    if (!this.current) return undefined;
    const record: StageRecord = {
      stage: this.current.stage,
      seconds: (performance.now() - this.current.start) / 1000,
      peakMb: this.memory.takePeakMb(),
      ...(childPeakMb === undefined ? {} : { childPeakMb }),
    };
    this.records.push(record);
    this.current = undefined;
    return record;
  }

  /** Seconds since the clock was created. */
  get elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Stops the memory sampler (ends the running stage first). */
  async close(): Promise<void> {
    this.end();
    await this.memory.stop();
  }
}

/** One line per stage: name, seconds and peak memory. */
export function stageTable(result: {
  stages: StageRecord[];
  seconds: number;
  peakMb: number;
}): string {
  const rows = result.stages.map(
    (s) =>
      `  ${s.stage.padEnd(28)} ${s.seconds.toFixed(1).padStart(7)} s  ${String(s.peakMb).padStart(6)} MB` +
      (s.childPeakMb ? `  (kernel ${s.childPeakMb} MB)` : ""),
  );
  rows.push(
    `  ${"whole job".padEnd(28)} ${result.seconds.toFixed(1).padStart(7)} s  ${String(result.peakMb).padStart(6)} MB`,
  );
  return rows.join("\n");
}
