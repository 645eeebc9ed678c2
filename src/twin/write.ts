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
import { TWIN_MARKER_FILE } from "../data/twinMarker.js";
import type { TwinMarker } from "../data/twinMarker.js";

/** Options of `writeOlistTwin`. */
export interface WriteTwinOptions extends TwinOptions {
  /** Output folder, created if missing; existing Olist files in it are overwritten. */
  outDir: string;
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

/**
 * Writes the nine CSV files of an already generated twin and `TWIN.json` into `outDir`.
 * Returns records and bytes per file.
 */
export function writeTwinFiles(
  twin: TwinData,
  outDir: string,
): Pick<TwinSummary, "records" | "bytes"> {
  mkdirSync(outDir, { recursive: true });
  const records: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  // Row order: the originals are in no meaningful order, except items (sorted by order id) and
  // geolocation (roughly by zip prefix); a seeded shuffle keeps the output reproducible.
  const rng = createRng(twin.seed ^ 0x5eed);
  const open = (table: TableName, sep = "\n", head = header(table)) =>
    new BlockWriter(join(outDir, fileName(table)), head, sep);
  const done = (table: TableName, w: BlockWriter) => {
    bytes[fileName(table)] = w.close();
    records[fileName(table)] = w.records;
  };
  const { orders, people, items, payments, reviews, products, sellers, geolocation } = twin;
  const nOrders = orders.id.length;

  {
    const w = open("orders");
    for (const o of permutation(nOrders, rng)) {
      w.add(
        `${quoteText(orders.id[o])},${quoteText(orders.customerId[o])},${STATUSES[orders.status[o]]},` +
          `${formatTimestamp(orders.purchase[o])},${formatTimestamp(orders.approved[o])},` +
          `${formatTimestamp(orders.carrier[o])},${formatTimestamp(orders.delivered[o])},` +
          formatTimestamp(orders.estimated[o]),
      );
    }
    done("orders", w);
  }
  {
    const w = open("customers");
    for (const o of permutation(nOrders, rng)) {
      const p = orders.person[o];
      w.add(
        `${quoteText(orders.customerId[o])},${quoteText(people.id[p])},${quoteText(people.prefix[p])},` +
          `${quoteText(people.city[p])},${people.state[p]}`,
      );
    }
    done("customers", w);
  }
  {
    const w = open("order_items");
    const byId = Array.from({ length: items.order.length }, (_, i) => i);
    // Items are sorted by order id then item number (stable sort keeps the item numbers in order).
    byId.sort((a, b) => {
      const x = orders.id[items.order[a]];
      const y = orders.id[items.order[b]];
      return x < y ? -1 : x > y ? 1 : items.itemNo[a] - items.itemNo[b];
    });
    for (const i of byId) {
      w.add(
        `${quoteText(orders.id[items.order[i]])},${items.itemNo[i]},` +
          `${quoteText(products.id[items.product[i]])},${quoteText(sellers.id[items.seller[i]])},` +
          `${formatTimestamp(items.shippingLimit[i])},${formatCents(items.priceCents[i])},` +
          formatCents(items.freightCents[i]),
      );
    }
    done("order_items", w);
  }
  {
    const w = open("order_payments");
    for (const i of permutation(payments.order.length, rng)) {
      w.add(
        `${quoteText(orders.id[payments.order[i]])},${payments.sequential[i]},` +
          `${PAYMENT_TYPES[payments.type[i]]},${payments.installments[i]},` +
          formatCents(payments.valueCents[i]),
      );
    }
    done("order_payments", w);
  }
  {
    // The reviews file uses CR LF everywhere, also inside quoted multi-line messages.
    const w = open("order_reviews", "\r\n");
    for (const i of permutation(reviews.order.length, rng)) {
      w.add(
        `${quoteText(reviews.id[i])},${quoteText(orders.id[reviews.order[i]])},${reviews.score[i]},` +
          `${quoteText(reviews.title[i])},${quoteText(reviews.message[i])},` +
          `${formatTimestamp(reviews.created[i])},${formatTimestamp(reviews.answered[i])}`,
      );
    }
    done("order_reviews", w);
  }
  {
    const w = open("products");
    const a = products.attributes;
    for (let i = 0; i < products.id.length; i++) {
      w.add(
        `${quoteText(products.id[i])},${quoteText(products.category[i])},${int(a[0][i])},` +
          `${int(a[1][i])},${int(a[2][i])},${int(a[3][i])},${int(a[4][i])},${int(a[5][i])},` +
          int(a[6][i]),
      );
    }
    done("products", w);
  }
  {
    const w = open("sellers");
    for (let i = 0; i < sellers.id.length; i++) {
      w.add(
        `${quoteText(sellers.id[i])},${quoteText(sellers.prefix[i])},${quoteText(sellers.city[i])},` +
          sellers.state[i],
      );
    }
    done("sellers", w);
  }
  {
    const w = open("geolocation");
    for (let i = 0; i < geolocation.prefix.length; i++) {
      w.add(
        `${quoteText(geolocation.prefix[i])},${geolocation.lat[i]},${geolocation.lng[i]},` +
          `${quoteText(geolocation.city[i])},${geolocation.state[i]}`,
      );
    }
    done("geolocation", w);
  }
  {
    // The translation file: UTF-8 BOM, unquoted header, the 71 translated categories.
    const cols = tableSpec("category_translation").columns.map((c) => c.name);
    const w = open("category_translation", "\n", `\uFEFF${headerLine(cols, false)}`);
    const translated = CATEGORIES.filter((c) => c.english !== null).sort(
      (x, y) => x.translationOrder - y.translationOrder,
    );
    for (const c of translated) w.add(`${c.name},${c.english}`);
    done("category_translation", w);
  }
  const marker: TwinMarker = {
    synthetic: true,
    generator: "olist-twin",
    version: 1,
    seed: twin.seed,
    customers: twin.customers,
    createdBy: "npm run data:twin",
    ...(twin.quirks === true ? { quirks: true as const } : {}),
  };
  const fd = openSync(join(outDir, TWIN_MARKER_FILE), "w");
  writeSync(fd, `${JSON.stringify(marker, null, 2)}\n`);
  closeSync(fd);
  return { records, bytes };
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
  const t0 = performance.now();
  const twin = generateOlistTwin({ seed, customers, tidy: options.tidy === true });
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

/** The nine file names the twin writes, in schema order. */
export const TWIN_FILES: readonly string[] = OLIST_TABLES.map((t) => `${t.file}.csv`);
