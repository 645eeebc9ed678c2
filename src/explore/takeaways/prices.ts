/** Takeaways of item prices, freight and order values. */
import type { ItemPrices, OrderValues } from "../prices.js";
import { fmt, money, percent, times } from "./format.js";

/**
 * Median item price, share under R$ 100 and the dearest item.
 *
 * @example
 * itemPriceTakeaway(await itemPrices(db));
 */
export function itemPriceTakeaway(p: ItemPrices): string {
  return (
    `The median item costs ${money(p.median_price, 2)}; ${percent(p.under_100_share)} of the ${fmt(p.items)} ` +
    `items cost under R$ 100, the dearest ${money(p.max_price, 2)}.`
  );
}

/**
 * Median freight-to-price ratio and how many items ship free; the effect of free shipping is a
 * hypothesis the data cannot show.
 *
 * @example
 * freightTakeaway(await itemPrices(db));
 */
export function freightTakeaway(p: ItemPrices): string {
  return (
    `Freight is a median ${percent(p.median_freight_ratio)} of the item price, and ${percent(p.free_shipping_share, 2)} ` +
    `of items (${fmt(p.free_shipping_items)}) ship free. The data cannot show whether free shipping would lift ` +
    "sales: a hypothesis to test with an experiment."
  );
}

/**
 * Median, mean and 99th percentile of the order value, and whether the tail pulls the mean up.
 *
 * @example
 * orderValueTakeaway(await orderValues(db));
 */
export function orderValueTakeaway(v: OrderValues): string {
  const tail =
    v.mean > v.median
      ? ": a long right tail pulls the mean above the median, hence the log scale."
      : ".";
  return (
    `Median order ${money(v.median, 2)}, mean ${money(v.mean, 2)} (${times(v.mean / v.median)} the median); ` +
    `the top 1 % of the ${fmt(v.orders)} orders exceed ${money(v.p99)}${tail}`
  );
}
