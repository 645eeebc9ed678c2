/**
 * Every bad input the loader can meet gets a clear error naming the file, the line, the column and the
 * value, and saying what to do.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, test } from "node:test";
import { OlistDataError } from "../../src/data/errors.js";
import { openOlist } from "../../src/pipeline/openData.js";
import { chooseDataDir } from "../../src/data/locate.js";
import { OLIST_TABLES } from "../../src/data/schema.js";
import type { ColumnType } from "../../src/data/schema.js";

const SAMPLE: Record<ColumnType, string> = {
  text: "abc",
  integer: "3",
  decimal: "58.90",
  double: "-23.5456",
  timestamp: "2017-10-02 10:56:33",
};

/** Values of the columns whose domain is a known set. */
const KNOWN: Record<string, string> = { order_status: "delivered", payment_type: "credit_card" };

/** Writes the nine files with a header and `rows` valid (identical) records each. */
function writeValidDir(dir: string, rows = 2): void {
  for (const spec of OLIST_TABLES) {
    const header = spec.columns.map((c) => `"${c.name}"`).join(",");
    const record = spec.columns.map((c) => KNOWN[c.name] ?? SAMPLE[c.type]).join(",");
    writeFileSync(
      path.join(dir, `${spec.file}.csv`),
      [header, ...Array(rows).fill(record)].join("\n"),
    );
  }
}

const quiet = { log: () => {}, generateTwin: false } as const;

describe("loader validation", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "olist-bad-"));
    writeValidDir(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (base: string) => path.join(dir, `${base}.csv`);
  const rewrite = (base: string, text: string) => writeFileSync(file(base), text);

  test("a valid folder loads, with a count warning per table", async () => {
    const data = await openOlist({ dataDir: dir, ...quiet });
    assert.equal(
      data.tables.every((t) => t.records === 2),
      true,
    );
    assert.equal(data.warnings.length, 9);
    data.db.close();
  });

  test("a missing file names the file, the folders searched and the Kaggle dataset", async () => {
    rmSync(file("olist_order_reviews_dataset"));
    await assert.rejects(openOlist({ dataDir: dir, ...quiet }), (e: Error) => {
      assert.ok(e instanceof OlistDataError);
      assert.match(
        e.message,
        /Missing Olist file in .*: olist_order_reviews_dataset\.csv \(or \.csv\.gz\)/,
      );
      assert.match(e.message, /Folders searched: /);
      assert.match(e.message, /olistbr\/brazilian-ecommerce/);
      return true;
    });
  });

  test("a missing folder from OLIST_DATA_DIR names the variable", () => {
    const chosen = chooseDataDir({ env: { OLIST_DATA_DIR: "/nowhere/olist" } });
    assert.equal(chosen.dir, "/nowhere/olist");
    assert.equal(chosen.chosenBy, "OLIST_DATA_DIR");
    return assert.rejects(
      openOlist({ env: { OLIST_DATA_DIR: "/nowhere/olist" }, ...quiet }),
      /Olist data folder not found: \/nowhere\/olist\nFolders searched: OLIST_DATA_DIR=\/nowhere\/olist/,
    );
  });

  test(".csv.gz is accepted in place of .csv", async () => {
    const base = "olist_sellers_dataset";
    const text =
      '"seller_id","seller_zip_code_prefix","seller_city","seller_state"\nabc,"01037",sao paulo,SP';
    rmSync(file(base));
    writeFileSync(path.join(dir, `${base}.csv.gz`), gzipSync(text));
    const data = await openOlist({ dataDir: dir, ...quiet });
    assert.deepEqual(await data.db.rows("SELECT * FROM sellers"), [
      {
        seller_id: "abc",
        seller_zip_code_prefix: "01037",
        seller_city: "sao paulo",
        seller_state: "SP",
      },
    ]);
    data.db.close();
  });

  test("a renamed column names the file and both column names", async () => {
    rewrite(
      "olist_order_items_dataset",
      '"order_id","order_item_id","product_id","seller_id","shipping_limit_date","prices","freight_value"\na,1,p,s,2017-10-02 10:56:33,1.00,2.00',
    );
    await assert.rejects(
      openOlist({ dataDir: dir, ...quiet }),
      /^OlistDataError: olist_order_items_dataset\.csv: column "price" missing from the header \(the file has instead: "prices"\)/,
    );
  });

  test("a missing column names the file and the column", async () => {
    rewrite(
      "olist_sellers_dataset",
      '"seller_id","seller_zip_code_prefix","seller_city"\na,"01037",x',
    );
    await assert.rejects(
      openOlist({ dataDir: dir, ...quiet }),
      /olist_sellers_dataset\.csv: column "seller_state" missing from the header\. Use the original file/,
    );
  });

  test("a malformed record names the file and its physical line, after a multi-line quoted field", async () => {
    rewrite(
      "olist_order_reviews_dataset",
      [
        '"review_id","order_id","review_score","review_comment_title","review_comment_message","review_creation_date","review_answer_timestamp"',
        'r1,o1,5,,"Muito bom\r\nrecomendo",2018-01-18 00:00:00,2018-01-18 21:46:59',
        "r2,o2,4,,,2018-01-18 00:00:00",
      ].join("\r\n"),
    );
    await assert.rejects(openOlist({ dataDir: dir, ...quiet }), (e: Error) => {
      assert.match(
        e.message,
        /1 record\(s\) of olist_order_reviews_dataset\.csv could not be read/,
      );
      assert.match(
        e.message,
        /olist_order_reviews_dataset\.csv line 4: malformed record, expected 7 fields, found 6/,
      );
      assert.match(e.message, /No record is dropped silently/);
      return true;
    });
  });

  test("a value that does not parse names file, line, column and value", async () => {
    rewrite(
      "olist_order_payments_dataset",
      '"order_id","payment_sequential","payment_type","payment_installments","payment_value"\na,1,credit_card,8,99.33\nb,1,boleto,1,12,50',
    );
    await assert.rejects(
      openOlist({ dataDir: dir, ...quiet }),
      /olist_order_payments_dataset\.csv line 3: malformed record, expected 5 fields, found 6/,
    );
    rewrite(
      "olist_order_payments_dataset",
      '"order_id","payment_sequential","payment_type","payment_installments","payment_value"\na,1,credit_card,8,99.33\nb,1,boleto,1,R$12',
    );
    await assert.rejects(
      openOlist({ dataDir: dir, ...quiet }),
      /olist_order_payments_dataset\.csv line 3, column "payment_value": value "R\$12" is not a decimal number \(e\.g\. 58\.90\)/,
    );
  });

  test("a bad timestamp names file, line, column and value", async () => {
    rewrite(
      "olist_orders_dataset",
      '"order_id","customer_id","order_status","order_purchase_timestamp","order_approved_at","order_delivered_carrier_date","order_delivered_customer_date","order_estimated_delivery_date"\n' +
        "o1,c1,delivered,02/10/2017 10:56,,,,2017-10-18 00:00:00",
    );
    await assert.rejects(
      openOlist({ dataDir: dir, ...quiet }),
      /olist_orders_dataset\.csv line 2, column "order_purchase_timestamp": value "02\/10\/2017 10:56" is not a timestamp YYYY-MM-DD HH:MM:SS/,
    );
  });

  test("a record count that differs from the Kaggle release is a warning with both numbers", async () => {
    const lines: string[] = [];
    const data = await openOlist({ dataDir: dir, log: (l) => lines.push(l), generateTwin: false });
    data.db.close();
    assert.ok(
      lines.includes(
        "Warning: olist_geolocation_dataset.csv: 2 records, the Kaggle release has 1,000,163. Results may differ from published analyses.",
      ),
    );
  });

  test("the chosen source is always printed", async () => {
    const lines: string[] = [];
    const data = await openOlist({ dataDir: dir, log: (l) => lines.push(l), generateTwin: false });
    data.db.close();
    assert.equal(
      lines[0],
      `Data source: Real Olist data (Kaggle olistbr/brazilian-ecommerce, CC BY-NC-SA 4.0) in ${dir}`,
    );
  });
});
