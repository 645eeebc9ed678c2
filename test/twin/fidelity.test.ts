import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database } from "../../src/data/db.js";
import { OLIST_TABLES } from "../../src/data/schema.js";
import { csvSource, fidelityReport, formatFidelity } from "../../src/twin/fidelity.js";
import { DEFAULT_TWIN_SEED, writeOlistTwin } from "../../src/twin/index.js";

// Full Kaggle scale: generation takes a few seconds, and the statistics are measured on the files.
const dir = mkdtempSync(join(tmpdir(), "olist-twin-full-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const summary = await writeOlistTwin({ outDir: dir, seed: DEFAULT_TWIN_SEED });
const realDir = join(process.cwd(), "../shared/olist");
const lines = await fidelityReport({
  dataDir: dir,
  realDir: existsSync(realDir) ? realDir : undefined,
});

test("full-scale twin sizes are within 1 % of the Kaggle release", () => {
  const expected: Record<string, number> = {
    "olist_orders_dataset.csv": 99_441,
    "olist_customers_dataset.csv": 99_441,
    "olist_order_items_dataset.csv": 112_650,
    "olist_order_payments_dataset.csv": 103_886,
    "olist_order_reviews_dataset.csv": 99_224,
    "olist_products_dataset.csv": 32_951,
    "olist_sellers_dataset.csv": 3_095,
  };
  for (const [file, n] of Object.entries(expected)) {
    const got = summary.records[file];
    assert.ok(Math.abs(got - n) / n < 0.01, `${file}: ${got} records, Kaggle ${n}`);
  }
});

test("every fidelity statistic is within its stated tolerance", () => {
  assert.ok(lines.length > 90, `only ${lines.length} statistics`);
  const out = lines.filter((l) => !l.pass);
  assert.equal(out.length, 0, `out of tolerance:\n${formatFidelity(out)}`);
});

test("the real-file column equals the stored aggregates (when the real files are present)", (t) => {
  const withReal = lines.filter((l) => l.real !== null);
  if (withReal.length === 0) return t.skip(`real files not found in ${realDir}`);
  // Payment type shares and medians were copied from these files: they must agree to rounding.
  for (const l of withReal.filter((x) => /type|p50|median/.test(x.metric))) {
    assert.ok(
      Math.abs((l.real as number) - l.target) < 0.3,
      `${l.metric}: ${l.real} vs ${l.target}`,
    );
  }
});

async function query<T extends object>(sql: string): Promise<T[]> {
  const db = await Database.open();
  try {
    for (const spec of OLIST_TABLES) {
      await db.run(`CREATE VIEW ${spec.table} AS SELECT * FROM ${csvSource(dir, spec.table)}`);
    }
    return await db.rows<T>(sql);
  } finally {
    db.close();
  }
}

test("dependencies the segmentation relies on", async () => {
  // Freight and delivery time grow with distance from São Paulo.
  const [byRegion] = await query<{ f_sp: number; f_ne: number; d_sp: number; d_ne: number }>(`
    WITH o AS (SELECT o.*, c.customer_state s FROM orders o JOIN customers c USING (customer_id)),
         i AS (SELECT i.*, o.s FROM order_items i JOIN o USING (order_id)),
         d AS (SELECT s, epoch(order_delivered_customer_date - order_purchase_timestamp) / 86400 AS days
               FROM o WHERE order_delivered_customer_date IS NOT NULL)
    SELECT (SELECT avg(freight_value) FROM i WHERE s = 'SP') f_sp,
           (SELECT avg(freight_value) FROM i WHERE s IN ('CE', 'PE', 'BA', 'MA', 'PA')) f_ne,
           (SELECT avg(days) FROM d WHERE s = 'SP') d_sp,
           (SELECT avg(days) FROM d WHERE s IN ('CE', 'PE', 'BA', 'MA', 'PA')) d_ne`);
  assert.ok(byRegion.f_ne > 1.25 * byRegion.f_sp, JSON.stringify(byRegion));
  assert.ok(byRegion.d_ne > 1.5 * byRegion.d_sp, JSON.stringify(byRegion));

  // Instalments grow with the order value.
  const inst = await query<{ big: boolean; m: number }>(`
    SELECT payment_value >= 200 AS big, avg(payment_installments) m FROM order_payments
    WHERE payment_type = 'credit_card' GROUP BY 1 ORDER BY 1`);
  assert.ok(inst[1].m > inst[0].m + 2, JSON.stringify(inst));

  // Demand grows from 2017 to 2018 (Jan–Aug); Black Friday is the single busiest day.
  const [growth] = await query<{ y17: number; y18: number; peak: string }>(`
    SELECT count(*) FILTER (WHERE order_purchase_timestamp BETWEEN '2017-01-01' AND '2017-08-31 23:59:59') y17,
           count(*) FILTER (WHERE order_purchase_timestamp BETWEEN '2018-01-01' AND '2018-08-31 23:59:59') y18,
           (SELECT strftime(order_purchase_timestamp::DATE, '%Y-%m-%d') FROM orders
            GROUP BY order_purchase_timestamp::DATE ORDER BY count(*) DESC LIMIT 1) peak
    FROM orders`);
  assert.ok(growth.y18 > 1.5 * growth.y17, JSON.stringify(growth));
  assert.equal(growth.peak, "2017-11-24");

  // Repeat buyers: most come back on a later day, typically months apart.
  const [repeat] = await query<{ people: number; later_day: number; median_gap: number }>(`
    WITH p AS (SELECT c.customer_unique_id u, min(o.order_purchase_timestamp) t_first,
                      max(o.order_purchase_timestamp) t_last, count(*) n
               FROM orders o JOIN customers c USING (customer_id) GROUP BY 1 HAVING n > 1)
    SELECT count(*) people, avg((t_last::DATE > t_first::DATE)::INT) later_day,
           median(date_diff('day', t_first, t_last)) FILTER (WHERE t_last::DATE > t_first::DATE) median_gap
    FROM p`);
  assert.ok(repeat.people > 2500, JSON.stringify(repeat));
  assert.ok(repeat.later_day > 0.6 && repeat.later_day < 0.8, JSON.stringify(repeat));
  assert.ok(repeat.median_gap > 30, JSON.stringify(repeat));
});
