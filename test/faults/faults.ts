/**
 * The catalogue of faults injected into copies of a small twin, one per variant, across every class
 * of issue 13: file integrity, value domains, duplicates, dates (bounded work), model files,
 * outputs and flags. Each builder mutates its copy (rows picked by a seeded generator) and returns
 * what the commands must do: fail with one line that matches, exit 2, or succeed with the faulty
 * rows counted under a named rule.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, createGzip, gzipSync } from "node:zlib";
import type { Rng } from "../../src/util/random.js";
import { sealModelJson } from "../../src/segments/modelIntegrity.js";
import type { CommandName, CsvTable } from "./faultKit.js";
import { col, csvText, readTable, tableFile, writeTable } from "./faultKit.js";

/** What a variant must end in. */
export type Expected =
  | { error: RegExp }
  /** Success, with `added` more rows under each rule than on the clean twin. */
  | { counted: { rule: string; added: number }[]; asOfBefore?: string };

/** What a builder gets: its data folder (a copy of the twin), a seeded generator, shared paths. */
export interface FaultContext {
  dir: string;
  rng: Rng;
  /** A folder for extra files of the variant (model files, output targets). */
  scratch: string;
  /** `model.json` written by a clean run on the twin. */
  model: string;
}

/** One injected fault. */
export interface Fault {
  name: string;
  class:
    "file integrity" | "value domain" | "duplicates" | "dates" | "model file" | "outputs" | "flags";
  /** Commands run on the variant (all must end the same way). */
  commands: CommandName[];
  /** Whether the variant needs its own copy of the data (false: the clean twin is used). */
  copiesData?: boolean;
  build(ctx: FaultContext): Built | Promise<Built>;
}

/** What a builder returns: the expectation, and the arguments when not `--data <copy> --out <out>`. */
export interface Built {
  expected: Expected;
  args?: (command: CommandName, out: string) => string[];
}

const ALL: CommandName[] = ["segment", "features", "start"];
const FILE = {
  orders: "olist_orders_dataset\\.csv",
  customers: "olist_customers_dataset\\.csv",
  items: "olist_order_items_dataset\\.csv",
  payments: "olist_order_payments_dataset\\.csv",
  reviews: "olist_order_reviews_dataset\\.csv",
  products: "olist_products_dataset\\.csv",
  sellers: "olist_sellers_dataset\\.csv",
  geolocation: "olist_geolocation_dataset\\.csv",
};

/** A record index picked by the seeded generator among those `where` accepts. */
function pick(t: CsvTable, rng: Rng, where: (r: string[]) => boolean = () => true): number {
  const eligible: number[] = [];
  t.records.forEach((r, i) => {
    if (where(r)) eligible.push(i);
  });
  return eligible[rng.int(eligible.length)];
}

/** Sets one field of a seeded record and writes the table; returns the record's line. */
function setField(
  ctx: FaultContext,
  table: Parameters<typeof readTable>[1],
  column: string,
  value: string,
  where?: (t: CsvTable) => (r: string[]) => boolean,
): number {
  const t = readTable(ctx.dir, table);
  const i = pick(t, ctx.rng, where?.(t));
  t.records[i][col(t, column)] = value;
  return writeTable(ctx.dir, table, t)[i];
}

/** A value-domain fault: `value` in `column`, an error naming file, line, column and value. */
function domainFault(
  name: string,
  table: Parameters<typeof readTable>[1],
  file: string,
  column: string,
  value: string,
  what: string,
  where?: (t: CsvTable) => (r: string[]) => boolean,
  commands: CommandName[] = ["segment", "features"],
): Fault {
  return {
    name,
    class: "value domain",
    commands,
    copiesData: true,
    build: (ctx) => {
      const line = setField(ctx, table, column, value, where);
      const shown =
        value === "" ? "\\(empty\\)" : `"${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`;
      return {
        expected: {
          error: new RegExp(`${file} line ${line}, column "${column}": value ${shown} ${what}`),
        },
      };
    },
  };
}

/** Gzips a table's file in place of the .csv, then lets `damage` alter the compressed bytes. */
function gzipFault(
  name: string,
  damage: (gz: Buffer, csv: Buffer) => Buffer,
  problem: RegExp,
): Fault {
  return {
    name,
    class: "file integrity",
    commands: ["segment", "features"],
    copiesData: true,
    build: (ctx) => {
      const file = tableFile(ctx.dir, "orders");
      const csv = readFileSync(file);
      rmSync(file);
      writeFileSync(`${file}.gz`, damage(gzipSync(csv), csv));
      return {
        expected: {
          error: new RegExp(
            `olist_orders_dataset\\.csv\\.gz is not a complete gzip file: ${problem.source}`,
          ),
        },
      };
    },
  };
}

/**
 * A gzip stream of the first records of `csv`, flushed at a record boundary and cut there, without
 * the gzip trailer: what an interrupted download leaves; DuckDB alone reads it as a shorter table.
 */
async function gzipPrefixAtRecord(csv: Buffer): Promise<Buffer> {
  const text = csv.toString("utf8");
  const cut = text.indexOf("\n", Math.floor(text.length / 6)) + 1;
  const gz = createGzip();
  const chunks: Buffer[] = [];
  gz.on("data", (c: Buffer) => chunks.push(c));
  gz.write(text.slice(0, cut));
  await new Promise<void>((resolve) => gz.flush(constants.Z_SYNC_FLUSH, () => resolve()));
  gz.destroy();
  return Buffer.concat(chunks);
}

/** Writes a model file altered by `edit` (re-sealed when `reseal`), returns its path. */
function modelVariant(
  ctx: FaultContext,
  name: string,
  edit: (m: Record<string, unknown>) => void,
  reseal = false,
): string {
  const m = JSON.parse(readFileSync(ctx.model, "utf8")) as Record<string, unknown>;
  edit(m);
  const file = path.join(ctx.scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(reseal ? sealModelJson(m) : m, null, 2));
  return file;
}

function modelFault(
  name: string,
  edit: (m: Record<string, unknown>) => void,
  error: RegExp,
  reseal = false,
): Fault {
  return {
    name,
    class: "model file",
    commands: ["segment", "start"],
    build: (ctx) => {
      const file = modelVariant(ctx, name, edit, reseal);
      return {
        expected: { error },
        args: (_c, out) => ["--data", ctx.dir, "--out", out, "--model", file],
      };
    },
  };
}

type Json = Record<string, unknown>;
const transformOf = (m: Json) => m.transform as Json;

/** Every fault of the test, in classes. */
export const FAULTS: readonly Fault[] = [
  // ---- file integrity -------------------------------------------------------------------------
  {
    name: "orders.csv.gz cut at a record boundary (no gzip trailer)",
    class: "file integrity",
    commands: ["segment", "features"],
    copiesData: true,
    build: async (ctx) => {
      const file = tableFile(ctx.dir, "orders");
      const csv = readFileSync(file);
      rmSync(file);
      writeFileSync(`${file}.gz`, await gzipPrefixAtRecord(csv));
      return {
        expected: {
          error: /olist_orders_dataset\.csv\.gz is not a complete gzip file: .*truncated/,
        },
      };
    },
  },
  gzipFault(
    "orders.csv.gz cut mid-record",
    (gz) => gz.subarray(0, Math.floor(gz.length / 2)),
    /.*truncated/,
  ),
  gzipFault(
    "orders.csv.gz with a wrong CRC",
    (gz) =>
      Buffer.concat([
        gz.subarray(0, gz.length - 8),
        Buffer.from([1, 2, 3, 4]),
        gz.subarray(gz.length - 4),
      ]),
    /its CRC-32 does not match/,
  ),
  gzipFault(
    "orders.csv.gz with a wrong length",
    (gz) => Buffer.concat([gz.subarray(0, gz.length - 4), Buffer.from([9, 9, 9, 9])]),
    /its recorded length does not match/,
  ),
  gzipFault(
    "orders.csv.gz followed by other bytes",
    (gz) => Buffer.concat([gz, Buffer.from("garbage")]),
    /it is not gzip data/,
  ),
  {
    name: "reviews separated by semicolons",
    class: "file integrity",
    commands: ["segment", "features"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_reviews");
      const text = [t.header, ...t.records]
        .map((r) =>
          r.map((f) => (/[";\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(";"),
        )
        .join("\n");
      writeFileSync(tableFile(ctx.dir, "order_reviews"), text);
      return {
        expected: { error: new RegExp(`${FILE.reviews}: the header is separated by semicolons`) },
      };
    },
  },
  {
    name: "sellers rows separated by semicolons under a comma header",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "sellers");
      writeFileSync(
        tableFile(ctx.dir, "sellers"),
        [t.header.join(","), ...t.records.map((r) => r.join(";"))].join("\n"),
      );
      return {
        expected: {
          error: new RegExp(`${FILE.sellers} line 2: malformed record, expected 4 fields, found 1`),
        },
      };
    },
  },
  {
    name: "NUL byte in customers",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const line = setField(ctx, "customers", "customer_city", "sao\u0000paulo");
      return { expected: { error: new RegExp(`${FILE.customers} line ${line}: NUL byte`) } };
    },
  },
  {
    name: "products saved as UTF-16",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const file = tableFile(ctx.dir, "products");
      const text = readFileSync(file, "utf8");
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
      return { expected: { error: /olist_products_dataset\.csv is UTF-16 text/ } };
    },
  },
  {
    name: "a Latin-1 city in customers",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "customers");
      const i = pick(t, ctx.rng);
      t.records[i][col(t, "customer_city")] = "LATIN1";
      const lines = writeTable(ctx.dir, "customers", t);
      const file = tableFile(ctx.dir, "customers");
      const bytes = readFileSync(file);
      const at = bytes.indexOf("LATIN1");
      writeFileSync(
        file,
        Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from([0x53, 0xe3, 0x6f]),
          bytes.subarray(at + 6),
        ]),
      );
      return {
        expected: { error: new RegExp(`${FILE.customers} line ${lines[i]}: not UTF-8 text`) },
      };
    },
  },
  {
    name: "an order item with an extra field",
    class: "file integrity",
    commands: ["segment", "features"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_items");
      const i = pick(t, ctx.rng);
      t.records[i].push("extra");
      const lines = writeTable(ctx.dir, "order_items", t);
      return {
        expected: {
          error: new RegExp(
            `${FILE.items} line ${lines[i]}: malformed record, expected 7 fields, found 8`,
          ),
        },
      };
    },
  },
  {
    name: "a payment with a missing field",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_payments");
      const i = pick(t, ctx.rng);
      t.records[i].pop();
      const lines = writeTable(ctx.dir, "order_payments", t);
      return {
        expected: {
          error: new RegExp(
            `${FILE.payments} line ${lines[i]}: malformed record, expected 5 fields, found 4`,
          ),
        },
      };
    },
  },
  {
    name: "orders with a header and no record",
    class: "file integrity",
    commands: ALL,
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "orders");
      writeFileSync(tableFile(ctx.dir, "orders"), csvText(t.header, []));
      return { expected: { error: new RegExp(`${FILE.orders} holds a header but no record`) } };
    },
  },
  {
    name: "an empty (0-byte) sellers file",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      writeFileSync(tableFile(ctx.dir, "sellers"), "");
      return { expected: { error: new RegExp(`${FILE.sellers} is empty \\(0 bytes\\)`) } };
    },
  },
  {
    name: "the customers header repeated inside the file",
    class: "file integrity",
    commands: ALL,
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "customers");
      const i = pick(t, ctx.rng);
      t.records.splice(i, 0, [...t.header]);
      const lines = writeTable(ctx.dir, "customers", t);
      return {
        expected: {
          error: new RegExp(`${FILE.customers} line ${lines[i]}: the header line is repeated`),
        },
      };
    },
  },
  {
    name: "the order items header repeated inside the file",
    class: "file integrity",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_items");
      const i = pick(t, ctx.rng);
      t.records.splice(i, 0, [...t.header]);
      const lines = writeTable(ctx.dir, "order_items", t);
      return {
        expected: {
          error: new RegExp(`${FILE.items} line ${lines[i]}: the header line is repeated`),
        },
      };
    },
  },
  {
    name: "a missing reviews file",
    class: "file integrity",
    commands: ALL,
    copiesData: true,
    build: (ctx) => {
      rmSync(tableFile(ctx.dir, "order_reviews"));
      return {
        expected: {
          error: /Missing Olist file in .*: olist_order_reviews_dataset\.csv \(or \.csv\.gz\)/,
        },
      };
    },
  },

  // ---- value domains ----------------------------------------------------------------------------
  domainFault(
    "review_score 7",
    "order_reviews",
    FILE.reviews,
    "review_score",
    "7",
    "is not an integer from 1 to 5",
  ),
  domainFault(
    "review_score 0",
    "order_reviews",
    FILE.reviews,
    "review_score",
    "0",
    "is not an integer from 1 to 5",
  ),
  domainFault(
    "a negative price",
    "order_items",
    FILE.items,
    "price",
    "-12.50",
    "is not a number ≥ 0",
  ),
  domainFault(
    "a negative freight",
    "order_items",
    FILE.items,
    "freight_value",
    "-1.00",
    "is not a number ≥ 0",
  ),
  domainFault(
    "a negative payment",
    "order_payments",
    FILE.payments,
    "payment_value",
    "-460.65",
    "is not a number ≥ 0",
  ),
  domainFault(
    "99 instalments",
    "order_payments",
    FILE.payments,
    "payment_installments",
    "99",
    "is not an integer from 0 to 24",
  ),
  domainFault(
    "payment sequence 0",
    "order_payments",
    FILE.payments,
    "payment_sequential",
    "0",
    "is not an integer ≥ 1",
  ),
  domainFault(
    "an unknown order status",
    "orders",
    FILE.orders,
    "order_status",
    "lost",
    "is not one of created, approved",
  ),
  domainFault(
    "an unknown payment type",
    "order_payments",
    FILE.payments,
    "payment_type",
    "pix",
    "is not one of credit_card",
  ),
  domainFault(
    "an empty order_id",
    "orders",
    FILE.orders,
    "order_id",
    "",
    "is empty, and this column is never empty",
  ),
  domainFault(
    "an empty customer_unique_id",
    "customers",
    FILE.customers,
    "customer_unique_id",
    "",
    "is empty",
  ),
  domainFault(
    "a negative product weight",
    "products",
    FILE.products,
    "product_weight_g",
    "-5",
    "is not an integer ≥ 0",
    (t) => (r) => r[col(t, "product_weight_g")] !== "",
  ),
  domainFault(
    "a purchase timestamp that is not a date",
    "orders",
    FILE.orders,
    "order_purchase_timestamp",
    "2018-13-40 10:00:00",
    "is not a timestamp",
  ),

  // ---- duplicates -------------------------------------------------------------------------------
  {
    name: "one order_id twice with different statuses",
    class: "duplicates",
    commands: ALL,
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "orders");
      const status = col(t, "order_status");
      const i = pick(t, ctx.rng, (r) => r[status] === "delivered");
      const copy = [...t.records[i]];
      copy[status] = "canceled";
      t.records.push(copy);
      const lines = writeTable(ctx.dir, "orders", t);
      const id = t.records[i][0];
      return {
        expected: {
          error: new RegExp(
            `${FILE.orders} lines ${lines[i]}, ${lines[lines.length - 1]}: order_id "${id}" appears 2 times with different values \\(order_status "(delivered|canceled)" vs "(canceled|delivered)"\\)`,
          ),
        },
      };
    },
  },
  {
    name: "one payment key twice with different values",
    class: "duplicates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_payments");
      const i = pick(t, ctx.rng);
      const copy = [...t.records[i]];
      copy[col(t, "payment_value")] = "1.00";
      t.records.splice(i + 1, 0, copy);
      const lines = writeTable(ctx.dir, "order_payments", t);
      return {
        expected: {
          error: new RegExp(
            `${FILE.payments} lines ${lines[i]}, ${lines[i + 1]}: order_id "${t.records[i][0]}", payment_sequential "\\d+" appears 2 times`,
          ),
        },
      };
    },
  },
  {
    name: "three exact repeats of an order",
    class: "duplicates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "orders");
      const i = pick(t, ctx.rng);
      for (let k = 0; k < 3; k++) t.records.push([...t.records[i]]);
      writeTable(ctx.dir, "orders", t);
      return { expected: { counted: [{ rule: "duplicate_row_orders", added: 3 }] } };
    },
  },
  {
    name: "exact repeats of geolocation rows (legitimate, as in the release)",
    class: "duplicates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "geolocation");
      for (let k = 0; k < 25; k++) t.records.push([...t.records[pick(t, ctx.rng)]]);
      writeTable(ctx.dir, "geolocation", t);
      return { expected: { counted: [{ rule: "duplicate_row_geolocation", added: 25 }] } };
    },
  },
  {
    name: "a review_id repeated on another order with identical fields (a quirk of the release)",
    class: "duplicates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "order_reviews");
      const i = pick(t, ctx.rng);
      const j = pick(t, ctx.rng, (r) => r[1] !== t.records[i][1]);
      const copy = [...t.records[i]];
      copy[1] = t.records[j][1];
      t.records.push(copy);
      writeTable(ctx.dir, "order_reviews", t);
      return { expected: { counted: [{ rule: "review_id_on_several_orders", added: 2 }] } };
    },
  },

  // ---- dates and bounded work ------------------------------------------------------------------
  {
    name: "a purchase timestamp in 2999",
    class: "dates",
    // npm start's stake here, the maintenance horizon, is checked on the loaded data (a whole main job is slow).
    commands: ["segment", "features"],
    copiesData: true,
    build: (ctx) => {
      setField(ctx, "orders", "order_purchase_timestamp", "2999-01-01 10:00:00");
      return {
        expected: {
          counted: [{ rule: "purchase_outside_window", added: 1 }],
          asOfBefore: "2019-01-01",
        },
      };
    },
  },
  {
    name: "a delivery timestamp in 2999 and a purchase in 1970",
    class: "dates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      const t = readTable(ctx.dir, "orders");
      const delivered = col(t, "order_delivered_customer_date");
      const i = pick(t, ctx.rng, (r) => r[delivered] !== "");
      const j = pick(t, ctx.rng, (_r) => true);
      t.records[i][delivered] = "2999-03-01 00:00:00";
      t.records[j === i ? (i + 1) % t.records.length : j][col(t, "order_purchase_timestamp")] =
        "1970-01-01 00:00:00";
      writeTable(ctx.dir, "orders", t);
      return {
        expected: {
          counted: [
            { rule: "delivered_outside_window", added: 1 },
            { rule: "purchase_outside_window", added: 1 },
          ],
        },
      };
    },
  },
  {
    name: "a review created in 1970",
    class: "dates",
    commands: ["segment"],
    copiesData: true,
    build: (ctx) => {
      setField(ctx, "order_reviews", "review_creation_date", "1970-01-01 00:00:00");
      return { expected: { counted: [{ rule: "review_created_outside_window", added: 1 }] } };
    },
  },
  {
    name: "--as-of 2999-01-01",
    class: "dates",
    commands: ALL,
    build: (ctx) => ({
      expected: { error: /--as-of 2999-01-01 is outside the data: purchases run from/ },
      args: (c, out) => [
        "--data",
        ctx.dir,
        "--out",
        c === "features" ? path.join(out, "c.csv") : out,
        "--as-of",
        "2999-01-01",
      ],
    }),
  },

  // ---- model files ------------------------------------------------------------------------------
  modelFault(
    "a model whose features were swapped in both lists",
    (m) => {
      const swap = (a: string[]) => ([a[0], a[1]] = [a[1], a[0]]);
      swap(m.features as string[]);
      swap(transformOf(m).features as string[]);
    },
    /field "checksum" does not match the file's content/,
  ),
  modelFault(
    "a model whose feature list was reordered",
    (m) => void (m.features as string[]).reverse(),
    /field "transform\.features" \(.*\) must list the model's features in the same order/,
  ),
  modelFault(
    "a model with a null centroid value",
    (m) => void ((m.centroids as unknown[][])[0][1] = null),
    /field "centroids\[0\]\[1\]" is null, not a finite number/,
  ),
  modelFault(
    "a model with a zero scale",
    (m) => void ((transformOf(m).scale as number[])[2] = 0),
    /field "transform\.scale\[2\]" is 0: every scale must be positive/,
    true,
  ),
  modelFault(
    "a model without its checksum",
    (m) => void delete m.checksum,
    /field "checksum" is missing/,
  ),
  modelFault(
    "a model with one name too few",
    (m) => void (m.names as string[]).pop(),
    /field "names" must hold k = \d+ segment names/,
    true,
  ),
  {
    name: "a model file that is not JSON",
    class: "model file",
    commands: ["segment", "start"],
    build: (ctx) => {
      const file = path.join(ctx.scratch, "not-json.json");
      writeFileSync(file, "{ nope");
      return {
        expected: { error: /not-json\.json is not valid JSON/ },
        args: (_c, out) => ["--data", ctx.dir, "--out", out, "--model", file],
      };
    },
  },
  {
    name: "a model path that is a folder",
    class: "model file",
    commands: ["segment", "start"],
    build: (ctx) => ({
      expected: { error: /cannot read .* \(it is a folder, not a file\)/ },
      args: (_c, out) => ["--data", ctx.dir, "--out", out, "--model", ctx.scratch],
    }),
  },

  // ---- outputs ----------------------------------------------------------------------------------
  {
    name: '--out ""',
    class: "outputs",
    commands: ALL,
    build: (ctx) => ({
      expected: { error: /--out is empty/ },
      args: () => ["--data", ctx.dir, "--out", ""],
    }),
  },
  {
    name: "--out is a file",
    class: "outputs",
    commands: ["segment", "start"],
    build: (ctx) => {
      const file = path.join(ctx.scratch, "a-file");
      writeFileSync(file, "x");
      return {
        expected: { error: /--out .*a-file is a file; give a folder/ },
        args: () => ["--data", ctx.dir, "--out", file],
      };
    },
  },
  {
    name: "--out under a file",
    class: "outputs",
    commands: ALL,
    build: (ctx) => {
      const file = path.join(ctx.scratch, "b-file");
      writeFileSync(file, "x");
      return {
        expected: {
          error: /--out .*b-file\/sub.* cannot be created: .*b-file is a file, not a folder/,
        },
        args: (c) => [
          "--data",
          ctx.dir,
          "--out",
          path.join(file, "sub", c === "features" ? "c.csv" : ""),
        ],
      };
    },
  },
  {
    name: "--out where nothing can be written (/proc)",
    class: "outputs",
    commands: ALL,
    build: (ctx) => ({
      expected: { error: /--out \/proc\/olist-out.* cannot be written/ },
      args: (c) => [
        "--data",
        ctx.dir,
        "--out",
        c === "features" ? "/proc/olist-out/c.csv" : "/proc/olist-out",
      ],
    }),
  },
  {
    name: "features --out names a folder",
    class: "outputs",
    commands: ["features"],
    build: (ctx) => {
      const dir = path.join(ctx.scratch, "folder.csv");
      mkdirSync(dir, { recursive: true });
      return {
        expected: { error: /--out .*folder\.csv is a folder; give a \.csv file/ },
        args: () => ["--data", ctx.dir, "--out", dir],
      };
    },
  },
  {
    name: "features --out without .csv",
    class: "outputs",
    commands: ["features"],
    build: (ctx) => ({
      expected: { error: /--out ".*table\.txt" must name a \.csv file/ },
      args: () => ["--data", ctx.dir, "--out", path.join(ctx.scratch, "table.txt")],
    }),
  },

  // ---- flags ------------------------------------------------------------------------------------
  {
    name: "--k 1000 (unbounded work)",
    class: "flags",
    commands: ["segment", "start"],
    build: (ctx) => ({
      expected: { error: /--k "1000" must be an integer from 2 to 50/ },
      args: (_c, out) => ["--data", ctx.dir, "--out", out, "--k", "1000"],
    }),
  },
  {
    name: "--workers 100000",
    class: "flags",
    commands: ["start"],
    build: (ctx) => ({
      expected: { error: /--workers "100000" must be an integer from 0 to 64/ },
      args: (_c, out) => ["--data", ctx.dir, "--out", out, "--workers", "100000"],
    }),
  },
  {
    name: "an unknown flag",
    class: "flags",
    commands: ALL,
    build: (ctx) => ({
      expected: { error: /Unknown option '--nope'/ },
      args: () => ["--data", ctx.dir, "--nope"],
    }),
  },
  {
    name: "--statuses with an unknown status",
    class: "flags",
    commands: ["features"],
    build: (ctx) => ({
      expected: { error: /--statuses "delivered,lost": give known order statuses/ },
      args: (_c, out) => [
        "--data",
        ctx.dir,
        "--out",
        path.join(out, "c.csv"),
        "--statuses",
        "delivered,lost",
      ],
    }),
  },
  {
    name: "--data names a missing folder",
    class: "flags",
    commands: ALL,
    build: (ctx) => ({
      expected: { error: /(Olist data folder not found:|--data) .*no-such-folder/ },
      args: (c, out) => [
        "--data",
        path.join(ctx.scratch, "no-such-folder"),
        "--out",
        c === "features" ? path.join(out, "c.csv") : out,
      ],
    }),
  },
];
