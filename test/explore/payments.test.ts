import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { InstallmentBand } from "../../src/explore/index.js";
import {
  installmentsTakeaway,
  orderValueByInstallments,
  paymentTypes,
  paymentTypesTakeaway,
} from "../../src/explore/index.js";
import { handDatabase } from "./handData.js";

describe("payments", () => {
  it("paymentTypes counts rows, value and single instalments per type", async () => {
    const db = await handDatabase();
    try {
      const rows = await paymentTypes(db);
      assert.deepEqual(rows, [
        // o1 8 × 150, o3 0 × 20, o4 3 × 0, o5 2 × 33: one of four in a single instalment.
        {
          type: "credit_card",
          payments: 4,
          value: 203,
          payment_share: 4 / 6,
          value_share: 203 / 328,
          single_installment_share: 0.25,
        },
        {
          type: "boleto",
          payments: 1,
          value: 110,
          payment_share: 1 / 6,
          value_share: 110 / 328,
          single_installment_share: 1,
        },
        {
          type: "voucher",
          payments: 1,
          value: 15,
          payment_share: 1 / 6,
          value_share: 15 / 328,
          single_installment_share: 1,
        },
      ]);
      assert.equal(
        paymentTypesTakeaway(rows),
        "Credit cards carry 61.9 % of the payment value, boleto (bank slip) 33.5 %; every boleto payment is a " +
          "single instalment, against 25.0 % of card payments: instalment offers can only address card payers.",
      );
      assert.equal(
        paymentTypesTakeaway([{ ...rows[1], single_installment_share: 0.9 }, rows[0]]),
        "Credit cards carry 61.9 % of the payment value, boleto (bank slip) 33.5 %; 90.0 % of boleto payments " +
          "are a single instalment, against 25.0 % of card payments.",
      );
    } finally {
      db.close();
    }
  });

  it("paymentTypes keeps not_defined payments (real-data quirk)", async () => {
    const db = await handDatabase({ quirks: true });
    try {
      const notDefined = (await paymentTypes(db)).find((r) => r.type === "not_defined");
      assert.deepEqual(notDefined, {
        type: "not_defined",
        payments: 1,
        value: 0,
        payment_share: 1 / 8,
        value_share: 0,
        single_installment_share: 1,
      });
    } finally {
      db.close();
    }
  });

  it("orderValueByInstallments gives each band's median; installmentsTakeaway reads the bands", async () => {
    const db = await handDatabase();
    try {
      const bands = await orderValueByInstallments(db);
      assert.deepEqual(
        bands.map((b) => [b.name, b.values.length, b.median]),
        [
          ["1", 2, 65], // o2 110, o3 20 (0 → 1)
          ["2–3", 1, 33], // o5
          ["7–9", 1, 165], // o1
        ],
      );
      assert.equal(
        installmentsTakeaway(bands),
        "50.0 % of orders are paid in 2 or more instalments; the median order is R$ 65 paid at once against " +
          "R$ 165 with 7–9 instalments. Whether offering instalments enlarges baskets is a hypothesis to test: " +
          "the data show the association, not its direction.",
      );
    } finally {
      db.close();
    }
    const band = (name: string, values: number[], median: number): InstallmentBand => ({
      name,
      values: Float64Array.from(values),
      median,
    });
    assert.match(
      installmentsTakeaway([
        band("1", [10, 20, 30], 20),
        band("2–3", [40], 40),
        band("10+", [90], 90),
      ]),
      /^40\.0 % of orders .*; the median order rises with every band, from R\$ 20 paid at once to R\$ 90 with 10\+ instalments\./,
    );
    assert.match(
      installmentsTakeaway([band("2–3", [40], 40)]),
      /^100\.0 % of orders .*; the median order is R\$ 40 with 2–3 instalments\./,
    );
  });
});
