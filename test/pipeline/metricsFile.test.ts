import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { segmentCommand } from "../../scripts/segment.js";
import { runMainJob } from "../../src/pipeline/mainJob.js";
import { METRICS_KEYS } from "../../src/segments/metricsFile.js";
import { writeOlistTwin } from "../../src/twin/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "metrics-file-"));
// One result cache for both commands (the maintenance study), not the project's.
process.env.OLIST_CACHE_DIR = path.join(dir, "cache");
const data = path.join(dir, "twin");
const startOut = path.join(dir, "start");
const segmentOut = path.join(dir, "segment");

type Metrics = Record<string, unknown> & {
  silhouette: number;
  silhouetteMethod: string;
  silhouetteLabel: string;
  sizes: Record<string, unknown>[];
  dataSource: { files: { table: string; sha256: string }[] };
  seconds: { silhouette: number | null };
  retrain: { intervalDays: number; worstAri: number | null } | null;
};
const read = (folder: string): Metrics =>
  JSON.parse(readFileSync(path.join(folder, "metrics.json"), "utf8")) as Metrics;

describe("one metrics schema: npm start and npm run segment (notebook 2's writer)", () => {
  let start: Metrics;
  let segment: Metrics;
  before(async () => {
    await writeOlistTwin({ outDir: data, seed: 7, customers: 3000 });
    await runMainJob({
      data,
      out: startOut,
      skipNotebooks: true,
      workers: 1,
      log: () => {},
      progress: "off",
    });
    await segmentCommand(["--data", data, "--out", segmentOut], () => {});
    start = read(startOut);
    segment = read(segmentOut);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("retrain is the study of the model the file describes (its k), also with --k", async () => {
    for (const m of [start, segment])
      assert.match(
        String((m.retrain as { basis?: string }).basis),
        new RegExp(`\\(k = ${String(m.k)},`),
      );
    const k3 = path.join(dir, "segment-k3");
    await segmentCommand(["--data", data, "--k", "3", "--out", k3], () => {});
    const m = read(k3);
    assert.equal(m.k, 3);
    assert.match(String((m.retrain as { basis?: string }).basis), /\(k = 3,/);
  });

  test("both files have exactly the keys of METRICS_KEYS, in its order", () => {
    assert.deepEqual(Object.keys(start), [...METRICS_KEYS]);
    assert.deepEqual(Object.keys(segment), [...METRICS_KEYS]);
  });

  test("npm run segment fills retrain and the file hashes as npm start does", () => {
    assert.notEqual(segment.retrain, null);
    assert.deepEqual(segment.retrain, start.retrain);
    assert.equal(segment.dataSource.files.length, 9);
    for (const f of segment.dataSource.files) assert.match(f.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(segment.dataSource, start.dataSource);
  });

  test("the silhouette is labelled and timed: exact over every customer, in real seconds", () => {
    for (const m of [start, segment]) {
      assert.equal(m.silhouetteMethod, "exact");
      assert.equal(m.silhouetteSample, null);
      assert.equal(
        m.silhouetteLabel,
        `silhouette ${m.silhouette.toFixed(3)} (exact, n = ${Number(m.customers).toLocaleString("en-US")})`,
      );
      // 3,000 customers are 9·10⁶ distance pairs: milliseconds, not the 10⁻⁵ s of a value passed through.
      assert.ok(
        m.seconds.silhouette !== null && m.seconds.silhouette > 1e-3,
        `${m.seconds.silhouette}`,
      );
    }
  });

  test("the two files never disagree: same values except the timing and the main job's Jaccards", () => {
    const strip = (m: Metrics) => ({
      ...m,
      seconds: null,
      sizes: m.sizes.map((s) => ({ ...s, jaccard: undefined })),
    });
    assert.deepEqual(strip(segment), strip(start));
  });
});
