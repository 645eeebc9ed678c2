/**
 * File integrity: a gzip file is read to its end with its trailer checked; NUL bytes, UTF-16 text,
 * other delimiters, empty files and header-only files are errors that name the file and the cause.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { sha256File } from "../../src/data/checksums.js";
import { Database } from "../../src/data/db.js";
import { OlistDataError } from "../../src/data/errors.js";
import { scanDataFile } from "../../src/data/integrity.js";
import { loadTable } from "../../src/data/load.js";
import { tableSpec } from "../../src/data/schema.js";
import { cannotRead, fsReason } from "../../src/util/errors.js";
import { SHARED_OLIST, sharedSkipReason } from "../helpers/shared.js";

const dir = mkdtempSync(path.join(tmpdir(), "olist-integrity-"));
const sellers = tableSpec("sellers");
const HEADER = '"seller_id","seller_zip_code_prefix","seller_city","seller_state"';
const ROWS = Array.from({ length: 2000 }, (_, i) => `s${i},"0${1000 + i}",sao paulo,SP`);
const CSV = [HEADER, ...ROWS].join("\n");

/** Writes `bytes` as a sellers file named `name`; returns its path. */
function file(name: string, bytes: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

/** Loads a file as the sellers table; returns its record count or the error message. */
async function load(f: string): Promise<number | string> {
  const db = await Database.open();
  try {
    return await loadTable(db, sellers, f);
  } catch (e) {
    assert.ok(e instanceof OlistDataError, String(e));
    assert.equal(e.file, f);
    return e.message;
  } finally {
    db.close();
  }
}

describe("file integrity", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));
  const gz = gzipSync(CSV);

  test("a complete gzip file loads every record, and its checksum is the CSV's", async () => {
    const f = file("ok.csv.gz", gz);
    assert.equal(await load(f), 2000);
    assert.equal(await sha256File(f), await sha256File(file("ok.csv", CSV)));
    const scan = await scanDataFile(f);
    assert.equal(scan.contentBytes, Buffer.byteLength(CSV));
    assert.equal(scan.bytes, gz.length);
  });

  test("a gzip stream cut short, or with a wrong CRC or length, is refused", async () => {
    const cases: [string, Buffer, RegExp][] = [
      [
        "cut.csv.gz",
        gz.subarray(0, gz.length - 20),
        /cut\.csv\.gz is not a complete gzip file: .*truncated/,
      ],
      [
        "no-trailer.csv.gz",
        gz.subarray(0, gz.length - 8),
        /no-trailer\.csv\.gz is not a complete gzip file: .*truncated/,
      ],
      [
        "crc.csv.gz",
        Buffer.concat([
          gz.subarray(0, gz.length - 8),
          Buffer.alloc(4, 7),
          gz.subarray(gz.length - 4),
        ]),
        /its CRC-32 does not match the content/,
      ],
      [
        "length.csv.gz",
        Buffer.concat([gz.subarray(0, gz.length - 4), Buffer.alloc(4, 7)]),
        /its recorded length does not match/,
      ],
      ["plain.csv.gz", Buffer.from(CSV), /it is not gzip data/],
    ];
    for (const [name, bytes, message] of cases) {
      const result = await load(file(name, bytes));
      assert.equal(typeof result, "string", name);
      assert.match(result as string, message);
      assert.match(result as string, /Re-download it/);
    }
  });

  test("a NUL byte is an error with its line", async () => {
    const rows = [...ROWS];
    rows[41] = 's41,"01041",sao\u0000paulo,SP';
    assert.match(
      String(await load(file("nul.csv", [HEADER, ...rows].join("\n")))),
      /^nul\.csv line 43: NUL byte in the text/,
    );
  });

  test("UTF-16 text and Latin-1 bytes name the encoding", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")]);
    assert.match(
      String(await load(file("utf16.csv", utf16))),
      /utf16\.csv is UTF-16 text.*save it as UTF-8/,
    );
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\ns1,"01001",S`),
      Buffer.from([0xe3]),
      Buffer.from('o paulo,SP\ns2,"01002",x,SP'),
    ]);
    assert.match(
      String(await load(file("latin1.csv", latin1))),
      /latin1\.csv line 2: not UTF-8 text \(the file is probably Latin-1/,
    );
  });

  test("another delimiter names the delimiter, in the header or in the rows", async () => {
    const semicolons = CSV.replaceAll(",", ";");
    assert.match(
      String(await load(file("semi.csv", semicolons))),
      /^semi\.csv: the header is separated by semicolons \(;\), not commas/,
    );
    assert.match(
      String(await load(file("tabs.csv", CSV.replaceAll(",", "\t")))),
      /separated by tabs/,
    );
    const rowsOnly = [HEADER, ...ROWS.map((r) => r.replaceAll(",", ";"))].join("\n");
    const message = String(await load(file("semi-rows.csv", rowsOnly)));
    assert.match(message, /^2000 record\(s\) of semi-rows\.csv could not be read:/);
    assert.match(
      message,
      /semi-rows\.csv line 2: malformed record, expected 4 fields, found 1 .*separated by semicolons/,
    );
  });

  test("an empty file, and a header without records, are errors that say so", async () => {
    assert.match(String(await load(file("empty.csv", ""))), /^empty\.csv is empty \(0 bytes\)/);
    assert.match(
      String(await load(file("empty.csv.gz", gzipSync("")))),
      /^empty\.csv\.gz is empty \(0 bytes once decompressed\)/,
    );
    assert.match(
      String(await load(file("header.csv", `${HEADER}\n`))),
      /^header\.csv holds a header but no record/,
    );
  });

  test("a header repeated inside a typed file is named as such, with its line", async () => {
    const items = tableSpec("order_items");
    const header = items.columns.map((c) => `"${c.name}"`).join(",");
    const row = "o1,1,p1,s1,2018-01-01 00:00:00,10.00,2.00";
    const f = file("items.csv", [header, row, header, row.replace("o1", "o2")].join("\n"));
    const db = await Database.open();
    await assert.rejects(
      loadTable(db, items, f),
      /^OlistDataError: 1 record\(s\) of items\.csv could not be read:\sitems\.csv line 3: the header line is repeated/,
    );
    db.close();
  });

  test("permission errors read as words, not errno codes", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'x'"), {
      code: "EACCES",
    });
    assert.equal(fsReason(denied), "permission denied");
    assert.equal(
      cannotRead("olist_orders_dataset.csv", denied, "check the path"),
      "cannot read olist_orders_dataset.csv (permission denied); make it readable (chmod a+r) or copy it elsewhere",
    );
    assert.equal(
      fsReason(Object.assign(new Error("x"), { code: "EISDIR" })),
      "it is a folder, not a file",
    );
  });

  test(
    "the real .csv.gz files pass the integrity pass with their published checksums",
    { skip: sharedSkipReason() },
    async () => {
      const source = readFileSync(path.join(SHARED_OLIST, "SOURCE.md"), "utf8");
      const m = /\| olist_order_payments_dataset\.csv \|[^\n]*?([0-9a-f]{64})/.exec(source);
      const scan = await scanDataFile(
        path.join(SHARED_OLIST, "olist_order_payments_dataset.csv.gz"),
      );
      assert.equal(scan.sha256, m?.[1]);
      assert.equal(scan.contentBytes, 5_777_138); // SOURCE.md: uncompressed bytes
    },
  );
});
