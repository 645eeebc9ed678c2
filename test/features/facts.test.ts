import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { Database } from "../../src/data/db.js";
import { OlistDataError } from "../../src/data/errors.js";
import { createOlistTables } from "../../src/data/tables.js";
import { prepareFeatureFacts } from "../../src/features/facts.js";

test("a missing source table is named with its file, and the message points to functions that exist", async () => {
  const db = await Database.open();
  try {
    await createOlistTables(db);
    await db.run("DROP TABLE products");
    await db.run("DROP TABLE order_reviews");
    const error = await prepareFeatureFacts(db).then(
      () => assert.fail("expected an error"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof OlistDataError, String(error));
    const message = error.message;
    assert.ok(!message.includes("\n"), "one line");
    assert.match(
      message,
      /the Olist tables order_reviews \(olist_order_reviews_dataset\.csv\), products \(olist_products_dataset\.csv\), missing/,
    );
    // Every "name() (src/…ts" the message points to is exported by that file, so it cannot go stale.
    const pointers = [...message.matchAll(/(\w+)\([^)]*\) \((src\/[\w/]+\.ts)/g)];
    assert.deepEqual(
      pointers.map((m) => m[1]),
      ["openOlist", "loadOlist", "createOlistTables"],
    );
    for (const [, name, file] of pointers) {
      assert.ok(existsSync(file), file);
      assert.match(
        readFileSync(file, "utf8"),
        new RegExp(`export async function ${name}\\(`),
        `${name} in ${file}`,
      );
    }
  } finally {
    db.close();
  }
});
