/**
 * Writes the Olist twin as the nine CSV files of the Kaggle release (same names, headers, column
 * order, quoting, number and timestamp formats, line endings) plus the marker `TWIN.json`.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "../util/random.js";
import { OLIST_TABLES, tableSpec } from "../data/schema.js";
import type { TableName } from "../data/schema.js";
import { CATEGORIES } from "./calibration.js";
import { formatCents, formatTimestamp, headerLine, quoteText } from "./csv.js";
import { generateOlistTwin, PAYMENT_TYPES, resolveTwinOptions, STATUSES } from "./generate.js";
import type { TwinData, TwinOptions } from "./generate.js";
import { permutation } from "./sample.js";
import { planTwinShards } from "./shards.js";
import type { TwinShard } from "./shards.js";
import { TWIN_MARKER_FILE } from "../data/twinMarker.js";
import type { TwinMarker } from "../data/twinMarker.js";

/** Options of `writeOlistTwin`. */
export interface WriteTwinOptions extends TwinOptions {
  /** Output folder, created if missing; existing Olist files in it are overwritten. */
  outDir: string;
  /**
   * Customers per shard (default `TWIN_SHARD_CUSTOMERS`, at least 200): a larger twin is generated
   * shard by shard (`shards.ts`).
   */
  shardCustomers?: number;
  /** Called after each shard of a sharded twin (index, count, seconds), e.g. for progress lines. */
  onShard?: (index: number, count: number, seconds: number) => void;
}

/** What `writeOlistTwin` wrote. */
export interface TwinSummary {
  outDir: string;
  seed: number;
  customers: number;
  /** Data records (header excluded) per file name, e.g. `olist_orders_dataset.csv`. */
  records: Record<string, number>;
  /** Bytes per file name. */
  bytes: Record<string, number>;
  /** Seconds spent generating (in memory) and writing. */
  seconds: { generate: number; write: number; total: number };
  /** Number of shards of a sharded twin (absent when generated in one piece). */
  shards?: number;
}

/** Writes records to a file in large blocks: header, then `sep` + record, no final newline. */
class BlockWriter {
  private readonly fd: number;
  private block: string[] = [];
  private bytes = 0;
  records = 0;

  constructor(
    path: string,
    header: string,
    private readonly sep: string,
  ) {
    this.fd = openSync(path, "w");
    this.emit(header);
  }

  private emit(text: string): void {
    this.bytes += writeSync(this.fd, text, null, "utf8");
  }

  add(record: string): void {
    this.block.push(record);
    this.records++;
    if (this.block.length >= 8192) this.flush();
  }

  private flush(): void {
    if (this.block.length === 0) return;
    this.emit(this.sep + this.block.join(this.sep));
    this.block = [];
  }

  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

const fileName = (table: TableName) => `${tableSpec(table).file}.csv`;
const header = (table: TableName) => headerLine(tableSpec(table).columns.map((c) => c.name));
const int = (x: number) => (Number.isNaN(x) ? "" : String(x));

/** The nine open files of a twin being written (one shard after the other). */
interface TwinFiles {
  outDir: string;
  writers: Map<TableName, BlockWriter>;
}

/** Opens the nine CSV files of a twin in `outDir` (created if missing) and writes their headers. */
function openTwinFiles(outDir: string): TwinFiles {
  mkdirSync(outDir, { recursive: true });
  const writers = new Map<TableName, BlockWriter>();
  const open = (table: TableName, sep = "\n", head = header(table)) =>
    writers.set(table, new BlockWriter(join(outDir, fileName(table)), head, sep));
  for (const spec of OLIST_TABLES) {
    if (spec.table === "order_reviews") {
      // The reviews file uses CR LF everywhere, also inside quoted multi-line messages.
      open(spec.table, "\r\n");
    } else if (spec.table === "category_translation") {
      // The translation file: UTF-8 BOM, unquoted header.
      const cols = spec.columns.map((c) => c.name);
      open(spec.table, "\n", `\uFEFF${headerLine(cols, false)}`);
    } else {
      open(spec.table);
    }
  }
  return { outDir, writers };
}

/**
 * Appends the rows of one generated twin (or shard) to the open files; the geolocation rows only
 * when `geolocation` is `true` (a sharded twin writes its one shared geolocation table once).
 */
function appendTwinRows(files: TwinFiles, twin: TwinData, geolocationRows: boolean): void {
  const w = (table: TableName) => files.writers.get(table) as BlockWriter;
  // Row order: the originals are in no meaningful order, except items (sorted by order id) and
  // geolocation (roughly by zip prefix); a seeded shuffle keeps the output reproducible.
  const rng = createRng(twin.seed ^ 0x5eed);
  const { orders, people, items, payments, reviews, products, sellers, geolocation } = twin;
  const nOrders = orders.id.length;

  {
    const out = w("orders");
    for (const o of permutation(nOrders, rng)) {
      out.add(
        `${quoteText(orders.id[o])},${quoteText(orders.customerId[o])},${STATUSES[orders.status[o]]},` +
          `${formatTimestamp(orders.purchase[o])},${formatTimestamp(orders.approved[o])},` +
          `${formatTimestamp(orders.carrier[o])},${formatTimestamp(orders.delivered[o])},` +
          formatTimestamp(orders.estimated[o]),
      );
    }
  }
  {
    const out = w("customers");
    for (const o of permutation(nOrders, rng)) {
      const p = orders.person[o];
      out.add(
        `${quoteText(orders.customerId[o])},${quoteText(people.id[p])},${quoteText(people.prefix[p])},` +
          `${quoteText(people.city[p])},${people.state[p]}`,
      );
    }
  }
  {
    const out = w("order_items");
    const byId = Int32Array.from({ length: items.order.length }, (_, i) => i);
    // Items are sorted by order id then item number (a tie on the order compares item numbers).
    byId.sort((a, b) => {
      const x = orders.id[items.order[a]];
      const y = orders.id[items.order[b]];
      return x < y ? -1 : x > y ? 1 : items.itemNo[a] - items.itemNo[b];
    });
    for (const i of byId) {
      out.add(
        `${quoteText(orders.id[items.order[i]])},${items.itemNo[i]},` +
          `${quoteText(products.id[items.product[i]])},${quoteText(sellers.id[items.seller[i]])},` +
          `${formatTimestamp(items.shippingLimit[i])},${formatCents(items.priceCents[i])},` +
          formatCents(items.freightCents[i]),
      );
    }
  }
  {
    const out = w("order_payments");
    for (const i of permutation(payments.order.length, rng)) {
      out.add(
        `${quoteText(orders.id[payments.order[i]])},${payments.sequential[i]},` +
          `${PAYMENT_TYPES[payments.type[i]]},${payments.installments[i]},` +
          formatCents(payments.valueCents[i]),
      );
    }
  }
  {
    const out = w("order_reviews");
    for (const i of permutation(reviews.order.length, rng)) {
      out.add(
        `${quoteText(reviews.id[i])},${quoteText(orders.id[reviews.order[i]])},${reviews.score[i]},` +
          `${quoteText(reviews.title[i])},${quoteText(reviews.message[i])},` +
          `${formatTimestamp(reviews.created[i])},${formatTimestamp(reviews.answered[i])}`,
      );
    }
  }
  {
    const out = w("products");
    const a = products.attributes;
    for (let i = 0; i < products.id.length; i++) {
      out.add(
        `${quoteText(products.id[i])},${quoteText(products.category[i])},${int(a[0][i])},` +
          `${int(a[1][i])},${int(a[2][i])},${int(a[3][i])},${int(a[4][i])},${int(a[5][i])},` +
          int(a[6][i]),
      );
    }
  }
  {
    const out = w("sellers");
    for (let i = 0; i < sellers.id.length; i++) {
      out.add(
        `${quoteText(sellers.id[i])},${quoteText(sellers.prefix[i])},${quoteText(sellers.city[i])},` +
          sellers.state[i],
      );
    }
  }
  if (geolocationRows) {
    const out = w("geolocation");
    for (let i = 0; i < geolocation.prefix.length; i++) {
      out.add(
        `${quoteText(geolocation.prefix[i])},${geolocation.lat[i]},${geolocation.lng[i]},` +
          `${quoteText(geolocation.city[i])},${geolocation.state[i]}`,
      );
    }
  }
}

/** Where a twin's rows came from, for its marker: the seed, size, quirks and shards. */
interface TwinOrigin {
  seed: number;
  customers: number;
  quirks: boolean;
  /** The shard plan of a sharded twin (absent for a twin generated in one piece). */
  shards?: readonly TwinShard[];
}

/**
 * Writes the category translation (the 71 translated categories), closes the nine files and writes
 * `TWIN.json`. Returns records and bytes per file, in the order the files were always written.
 */
function closeTwinFiles(
  files: TwinFiles,
  origin: TwinOrigin,
): Pick<TwinSummary, "records" | "bytes"> {
  const translation = files.writers.get("category_translation") as BlockWriter;
  const translated = CATEGORIES.filter((c) => c.english !== null).sort(
    (x, y) => x.translationOrder - y.translationOrder,
  );
  for (const c of translated) translation.add(`${c.name},${c.english}`);
  const records: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  for (const table of WRITE_ORDER) {
    const w = files.writers.get(table) as BlockWriter;
    bytes[fileName(table)] = w.close();
    records[fileName(table)] = w.records;
  }
  const marker: TwinMarker = {
    synthetic: true,
    generator: "olist-twin",
    version: 1,
    seed: origin.seed,
    customers: origin.customers,
    createdBy: "npm run data:twin",
    ...(origin.quirks ? { quirks: true as const } : {}),
    ...(origin.shards === undefined
      ? {}
      : {
          shards: {
            count: origin.shards.length,
            customers: origin.shards.map((s) => s.customers),
            seeds: origin.shards.map((s) => s.seed),
            rule: SHARD_RULE,
          },
        }),
  };
  const fd = openSync(join(files.outDir, TWIN_MARKER_FILE), "w");
  writeSync(fd, `${JSON.stringify(marker, null, 2)}\n`);
  closeSync(fd);
  return { records, bytes };
}

/** The order in which the files are closed and listed (the order they were written before shards). */
const WRITE_ORDER: readonly TableName[] = [
  "orders",
  "customers",
  "order_items",
  "order_payments",
  "order_reviews",
  "products",
  "sellers",
  "geolocation",
  "category_translation",
];

/** How a sharded twin was made, in its marker (`shards.ts` says it in full). */
const SHARD_RULE =
  "shard i is the twin of seeds[i] and customers[i], rows appended in shard order; seeds[i] is the " +
  "i-th 32-bit draw of the master seed's shard stream; shard 0's geography and geolocation table are shared";

/**
 * Writes the nine CSV files of an already generated twin and `TWIN.json` into `outDir`.
 * Returns records and bytes per file.
 *
 * @example
 * writeTwinFiles(generateOlistTwin({ seed: 1, customers: 2000 }), "/tmp/twin").records;
 */
export function writeTwinFiles(
  twin: TwinData,
  outDir: string,
): Pick<TwinSummary, "records" | "bytes"> {
  const files = openTwinFiles(outDir);
  appendTwinRows(files, twin, true);
  return closeTwinFiles(files, {
    seed: twin.seed,
    customers: twin.customers,
    quirks: twin.quirks === true,
  });
}

/**
 * Generates the Olist twin and writes its nine CSV files and `TWIN.json` into `outDir`.
 *
 * @example
 * const summary = await writeOlistTwin({ outDir: "data/twin", seed: DEFAULT_TWIN_SEED });
 * summary.records["olist_orders_dataset.csv"]; // ≈ 99,400
 */
export async function writeOlistTwin(options: WriteTwinOptions): Promise<TwinSummary> {
  if (!options.outDir) throw new Error("writeOlistTwin needs an output folder (outDir)");
  const { seed, customers } = resolveTwinOptions(options);
  const tidy = options.tidy === true;
  const t0 = performance.now();
  const shards = planTwinShards(seed, customers, options.shardCustomers);
  if (shards.length === 1) {
    const twin = generateOlistTwin({ seed, customers, tidy });
    const t1 = performance.now();
    const { records, bytes } = writeTwinFiles(twin, options.outDir);
    const t2 = performance.now();
    return {
      outDir: options.outDir,
      seed,
      customers,
      records,
      bytes,
      seconds: { generate: (t1 - t0) / 1000, write: (t2 - t1) / 1000, total: (t2 - t0) / 1000 },
    };
  }
  // Shard by shard: generate, append, drop (peak memory is one shard's).
  const files = openTwinFiles(options.outDir);
  let generate = 0;
  let write = 0;
  for (const [i, shard] of shards.entries()) {
    const g0 = performance.now();
    const twin = generateOlistTwin({ ...shard, tidy, sharedGeography: shards[0] });
    const g1 = performance.now();
    appendTwinRows(files, twin, i === 0);
    const g2 = performance.now();
    generate += g1 - g0;
    write += g2 - g1;
    options.onShard?.(i, shards.length, (g2 - g0) / 1000);
  }
  const w0 = performance.now();
  const { records, bytes } = closeTwinFiles(files, { seed, customers, quirks: !tidy, shards });
  const t2 = performance.now();
  write += t2 - w0;
  return {
    outDir: options.outDir,
    seed,
    customers,
    records,
    bytes,
    seconds: { generate: generate / 1000, write: write / 1000, total: (t2 - t0) / 1000 },
    shards: shards.length,
  };
}

/** The nine file names the twin writes, in schema order. */
export const TWIN_FILES: readonly string[] = OLIST_TABLES.map((t) => `${t.file}.csv`);
