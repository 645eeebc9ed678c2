import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, describe, test } from "node:test";
import { threadId } from "node:worker_threads";
import {
  createWorkerPool,
  shareFloat64,
  workerTask,
  type WorkerPool,
} from "../../src/util/workerPool.js";
import {
  delayedTask,
  exitTask,
  failingTask,
  nestedPoolTask,
  sharedTask,
  squareTask,
} from "./workerPoolTasks.js";

const pools: WorkerPool[] = [];
const pool = (threads: number): WorkerPool => {
  const p = createWorkerPool({ threads });
  pools.push(p);
  return p;
};
after(() => Promise.all(pools.map((p) => p.close())));

describe("worker pool", () => {
  test("the same results inline and on 1, 2 or 3 threads; threads other than this one", async () => {
    const inputs = Array.from({ length: 12 }, (_, i) => i - 3);
    const expected = inputs.map((x) => x * x);
    for (const threads of [0, 1, 2, 3]) {
      const p = pool(threads);
      assert.equal(p.threads, threads);
      assert.deepEqual(await Promise.all(inputs.map((x) => p.run(squareTask, x))), expected);
    }
    const seen = await Promise.all(
      [0, 1, 2, 3].map((v) => pool(2).run(delayedTask, { value: v, ms: 20 })),
    );
    for (const { thread } of seen) assert.notEqual(thread, threadId);
    const inline = await pool(0).run(delayedTask, { value: 1, ms: 1 });
    assert.equal(inline.thread, threadId);
  });

  test("runOrdered consumes in index order with a bounded window, whatever finishes first", async () => {
    for (const threads of [0, 1, 3]) {
      const p = pool(threads);
      const order: number[] = [];
      let started = 0;
      let maxAhead = 0;
      await p.runOrdered(
        delayedTask,
        10,
        (i) => {
          started++;
          maxAhead = Math.max(maxAhead, started - order.length);
          return { value: i * 10, ms: (10 - i) * 3 }; // later tasks finish first
        },
        (i, r) => {
          assert.equal(r.value, i * 10);
          order.push(i);
        },
        { window: 4 },
      );
      assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], `threads ${threads}`);
      assert.ok(maxAhead <= 4, `at most 4 tasks ahead of the consumer, got ${maxAhead}`);
    }
  });

  test("a failing task rejects with its message; the pool goes on", async () => {
    for (const threads of [0, 2]) {
      const p = pool(threads);
      await assert.rejects(p.run(failingTask, 3), /no good: 3/);
      assert.equal(await p.run(squareTask, 5), 25);
      await assert.rejects(
        p.runOrdered(
          failingTask,
          3,
          (i) => i,
          () => assert.fail("nothing to consume"),
        ),
        /no good: 0/,
      );
    }
  });

  test("a task that is not exported, or not a task, fails with what to do", async () => {
    const p = pool(1);
    const hidden = workerTask(import.meta.url, "hiddenTask", (x: number) => x);
    await assert.rejects(p.run(hidden, 1), /exports no worker task "hiddenTask".*export it/);
    const fake = workerTask(
      new URL("./workerPoolTasks.ts", import.meta.url).href,
      "notATask",
      () => 0,
    );
    await assert.rejects(p.run(fake, 1), /exports no worker task "notATask"/);
  });

  test("shared memory goes both ways without a copy", async () => {
    const p = pool(1);
    const target = shareFloat64(new Float64Array(5));
    const out = await p.run(sharedTask, { target, factor: 1.5 });
    assert.deepEqual(Array.from(target), [0, 1.5, 3, 4.5, 6]);
    assert.ok(out.buffer instanceof SharedArrayBuffer);
    assert.deepEqual(Array.from(out), [7, 8, 9]);
    const plain = new Float64Array([1, 2]);
    assert.equal(shareFloat64(target), target, "already shared: the same array");
    assert.notEqual(shareFloat64(plain).buffer, plain.buffer);
  });

  test("a thread that exits fails its task and is replaced", async () => {
    const p = pool(1);
    await assert.rejects(p.run(exitTask, 3), /exited with code 3/);
    assert.equal(await p.run(squareTask, 4), 16);
  });

  test("inside a worker thread the shared pool is inline (no nested threads)", async () => {
    assert.equal(await pool(1).run(nestedPoolTask, undefined), 0);
  });

  test("close rejects what is pending and refuses new tasks", async () => {
    const p = createWorkerPool({ threads: 1 });
    const pending = assert.rejects(p.run(delayedTask, { value: 1, ms: 5_000 }), /closed/);
    const queued = assert.rejects(p.run(squareTask, 2), /closed/);
    await p.close();
    await Promise.all([pending, queued]);
    await assert.rejects(p.run(squareTask, 2), /closed/);
  });

  test("an idle shared pool does not keep the process alive", () => {
    const code = `
      import { sharedWorkerPool } from "./src/util/sharedWorkerPool.ts";
      import { squareTask } from "./test/util/workerPoolTasks.ts";
      const r = await sharedWorkerPool().run(squareTask, 9);
      console.log("result", r);`;
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", code],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /result 81/);
  });
});

test("warm starts the threads; a warm pool serves tasks on all of them", async () => {
  const p = pool(2);
  await p.warm();
  await p.warm(); // nothing left to start
  const runs = await Promise.all([0, 1].map((v) => p.run(delayedTask, { value: v, ms: 50 })));
  assert.equal(new Set(runs.map((r) => r.thread)).size, 2);
  await pool(0).warm();
});
