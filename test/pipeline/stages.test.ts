import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { StageClock, stageTable } from "../../src/pipeline/index.js";
import { startPeakMemorySampler } from "../../src/util/memory.js";

describe("stage timings and peak memory", () => {
  test("the sampler sees a short-lived allocation made while the main thread is busy", async () => {
    const memory = startPeakMemorySampler(5);
    const baseline = memory.takePeakMb();
    // 256 MB touched, then dropped, all synchronously: only a thread can observe the peak.
    let block: Float64Array | undefined = new Float64Array(32 * 1024 * 1024).fill(1);
    const until = performance.now() + 100;
    while (performance.now() < until) block[0]++;
    block = undefined;
    const peak = memory.takePeakMb();
    await memory.stop();
    assert.ok(peak >= baseline + 200, `peak ${peak} MB, baseline ${baseline} MB`);
  });

  test("stages are recorded in order; starting one ends the previous one", async () => {
    const started: string[] = [];
    const clock = new StageClock((s) => started.push(s));
    clock.start("a");
    await new Promise((r) => setTimeout(r, 30));
    clock.start("b");
    clock.end(123);
    assert.equal(clock.end(), undefined); // nothing running
    await clock.close();
    assert.deepEqual(started, ["a", "b"]);
    assert.deepEqual(
      clock.records.map((r) => r.stage),
      ["a", "b"],
    );
    assert.ok(clock.records[0].seconds >= 0.025, String(clock.records[0].seconds));
    assert.equal(clock.records[1].childPeakMb, 123);
    assert.equal(clock.records[0].childPeakMb, undefined);
    const table = stageTable({ stages: clock.records, seconds: 1.25, peakMb: 99 });
    assert.match(
      table,
      /^ {2}a {2,}\d+\.\d s {2,}\d+ MB\n {2}b .* \(kernel 123 MB\)\n {2}whole job {2,}1\.3 s {2,}99 MB$/,
    );
  });
});
