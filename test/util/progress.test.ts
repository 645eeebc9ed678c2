import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDuration, progressBar, progressLine } from "../../src/util/progress.js";

/** A fake stream and clock: what was written, at which time. */
function fake(isTTY: boolean) {
  const writes: string[] = [];
  let t = 0;
  return {
    stream: { isTTY, write: (s: string) => writes.push(s) },
    now: () => t,
    advance: (ms: number) => (t += ms),
    writes,
  };
}

describe("progress", () => {
  test("formatDuration", () => {
    assert.equal(formatDuration(2), "2.0 s");
    assert.equal(formatDuration(12.4), "12 s");
    assert.equal(formatDuration(125), "2 min 05 s");
    assert.equal(formatDuration(119.7), "2 min 00 s");
    assert.equal(formatDuration(Number.NaN), "?");
  });

  test("the line shows counts, elapsed time and the time left from the pace so far", () => {
    // 5 of 20 in 2 s → 0.4 s each → 15 × 0.4 = 6 s left.
    assert.equal(
      progressLine("tables", 5, 20, 2, "dates", 8),
      "tables  [##------]  5/20 dates  2.0 s, ~6.0 s left",
    );
    assert.equal(progressLine("x", 0, 4, 0, "steps", 4), "x  [----]  0/4 steps  0.0 s, estimating");
    assert.equal(
      progressLine("x", 4, 4, 3, "steps", 4, "ok"),
      "x  [####]  4/4 steps  3.0 s, done  ok",
    );
  });

  test("in a terminal the bar is redrawn in place, at most every 100 ms, and ends with a newline", () => {
    const f = fake(true);
    const bar = progressBar({
      label: "m",
      total: 4,
      unit: "dates",
      stream: f.stream,
      now: f.now,
      width: 4,
    });
    assert.deepEqual(f.writes, ["\rm  [----]  0/4 dates  0.0 s, estimating"]);
    f.advance(50);
    bar.tick(); // too soon after the first draw: skipped
    assert.equal(f.writes.length, 1);
    f.advance(100);
    bar.tick(2, "2018-01-03");
    assert.equal(f.writes[1], "\rm  [##--]  2/4 dates  0.1 s, ~0.1 s left  2018-01-03");
    f.advance(50);
    bar.finish();
    assert.equal(f.writes[2], "\rm  [####]  4/4 dates  0.2 s, done\n");
    bar.tick(); // after finish: nothing
    assert.equal(f.writes.length, 3);
  });

  test("in a log a line is printed at the start and at each quarter only", () => {
    const f = fake(false);
    const bar = progressBar({ label: "m", total: 8, stream: f.stream, now: f.now, width: 4 });
    for (let i = 0; i < 8; i++) {
      f.advance(1000);
      bar.tick();
    }
    bar.finish();
    // start, then 2/8, 4/8, 6/8, 8/8: five lines, each ending with a newline.
    assert.equal(f.writes.length, 5);
    assert.ok(f.writes.every((w) => w.endsWith("\n")));
    assert.match(f.writes[4], /8\/8 steps {2}8\.0 s, done/);
  });

  test("a bar shown after the work began starts from its count and its start time", () => {
    const f = fake(false);
    f.advance(8000); // the work began at 0; 4 of 8 done when the bar appears at 8 s
    const bar = progressBar({
      label: "m",
      total: 8,
      stream: f.stream,
      now: f.now,
      width: 4,
      done: 4,
      startedAt: 0,
    });
    // The pace so far: 2 s per step, 4 left → 8 s.
    assert.deepEqual(f.writes, ["m  [##--]  4/8 steps  8.0 s, ~8.0 s left\n"]);
    f.advance(1000);
    bar.tick(5); // still the third quarter, already past the second: no line
    assert.equal(f.writes.length, 1);
    f.advance(1000);
    bar.tick(6);
    assert.equal(f.writes[1], "m  [###-]  6/8 steps  10 s, ~3.3 s left\n");
  });

  test("mode off writes nothing", () => {
    const f = fake(true);
    const bar = progressBar({ label: "m", total: 2, stream: f.stream, mode: "off" });
    bar.tick();
    bar.finish();
    assert.deepEqual(f.writes, []);
  });
});
