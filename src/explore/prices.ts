/**
 * Prices and freight of order items, and order values (the payment total of each order), with the
 * statistics their takeaways state.
 */
import type { Database } from "../data/db.js";
import { ORDER_PAYMENTS_SQL } from "./sql.js";

/** Item prices and freight: see {@link itemPrices}. */
export interface ItemPrices {
  /** Prices of items with a positive price (R$), for the histogram. */
  price: Float64Array;
  /** Freight of items with a positive freight (R$); free shipping cannot be drawn on a log axis. */
  freight: Float64Array;
  /** Item rows with a positive price (the population of every statistic below). */
  items: number;
  median_price: number;
  max_price: number;
  /** Share of items priced under R$ 100. */
  under_100_share: number;
  /** Median of freight / price. */
  median_freight_ratio: number;
  /** Items with freight 0 and their share. */
  free_shipping_items: number;
  free_shipping_share: number;
}

/**
 * Price and freight of every order item with a positive price, and their summary statistics.
 *
 * @example
 * const prices = await itemPrices(db);
 * histogram(prices.price, { title: "Item price", logX: true });
 */
export async function itemPrices(db: Database): Promise<ItemPrices> {
  const cols = await db.numericColumns(
    "SELECT price, freight_value FROM order_items WHERE price > 0 ORDER BY order_id, order_item_id",
  );
  const [s] = await db.rows<Omit<ItemPrices, "price" | "freight">>(`
    SELECT count(*) AS items, coalesce(median(price), 'NaN'::DOUBLE) AS median_price,
           coalesce(max(price), 'NaN'::DOUBLE) AS max_price,
           coalesce(avg((price < 100)::INTEGER), 'NaN'::DOUBLE) AS under_100_share,
           coalesce(median(freight_value / price), 'NaN'::DOUBLE) AS median_freight_ratio,
           count(*) FILTER (WHERE freight_value = 0) AS free_shipping_items,
           coalesce(avg((freight_value = 0)::INTEGER), 'NaN'::DOUBLE) AS free_shipping_share
    FROM order_items WHERE price > 0`);
  const price = cols.price ?? new Float64Array(0);
  const freightAll = cols.freight_value ?? new Float64Array(0);
  return { ...s, price, freight: freightAll.filter((f) => f > 0) };
}

/** Order values: see {@link orderValues}. */
export interface OrderValues {
  /** Payment total of each order with a positive total (R$). */
  values: Float64Array;
  orders: number;
  median: number;
  mean: number;
  /** 99th percentile (linear interpolation). */
  p99: number;
  /** Orders with payments summing to 0 (left out). */
  zero_orders: number;
}

/**
 * Payment total of every order with a positive total, and its median, mean and 99th percentile.
 *
 * @example
 * const { values, median, mean } = await orderValues(db);
 */
export async function orderValues(db: Database): Promise<OrderValues> {
  const cols = await db.numericColumns(
    `SELECT value FROM (${ORDER_PAYMENTS_SQL}) WHERE value > 0 ORDER BY order_id`,
  );
  const [s] = await db.rows<Omit<OrderValues, "values">>(`
    SELECT count(*) FILTER (WHERE value > 0) AS orders,
           coalesce(median(value) FILTER (WHERE value > 0), 'NaN'::DOUBLE) AS median,
           coalesce(avg(value) FILTER (WHERE value > 0), 'NaN'::DOUBLE) AS mean,
           coalesce(quantile_cont(value, 0.99) FILTER (WHERE value > 0), 'NaN'::DOUBLE) AS p99,
           count(*) FILTER (WHERE NOT value > 0) AS zero_orders
    FROM (${ORDER_PAYMENTS_SQL})`);
  return { ...s, values: cols.value ?? new Float64Array(0) };
}
