/**
 * Geography: customers, orders, order value and late deliveries per customer state, Brazil's five
 * regions, and a sample of zip-code locations that outlines the country on the state map.
 */
import type { Database } from "../data/db.js";
import { BRAZIL_BOUNDING_BOX } from "../features/cleaningRules.js";
import { DELIVERED_ORDERS_SQL, ORDER_PAYMENTS_SQL } from "./sql.js";

/** Brazil's five regions (IBGE) and their federative units. */
export const BRAZIL_REGIONS = {
  North: ["AC", "AM", "AP", "PA", "RO", "RR", "TO"],
  "North-East": ["AL", "BA", "CE", "MA", "PB", "PE", "PI", "RN", "SE"],
  "Centre-West": ["DF", "GO", "MS", "MT"],
  "South-East": ["ES", "MG", "RJ", "SP"],
  South: ["PR", "RS", "SC"],
} as const satisfies Record<string, readonly string[]>;

/** One of Brazil's five regions. */
export type BrazilRegion = keyof typeof BRAZIL_REGIONS;

/** The region of a state code, or null for anything that is not one of the 27 units. */
export function stateRegion(state: string): BrazilRegion | null {
  for (const [region, states] of Object.entries(BRAZIL_REGIONS)) {
    if ((states as readonly string[]).includes(state)) return region as BrazilRegion;
  }
  return null;
}

/** One line of {@link stateSummary}. */
export interface StateSummaryRow {
  /** `customer_state` of the order's customer_id. */
  state: string;
  /** Distinct people (`customer_unique_id`) with an order in the state. */
  customers: number;
  orders: number;
  /** Mean payment total per order (R$, freight included), over orders with a payment. */
  mean_order_value: number;
  /** Delivered orders whose delay can be measured (`DELIVERED_ORDERS_SQL`). */
  delivered_orders: number;
  /** Of those, delivered after the estimated date. */
  late_orders: number;
  /** late_orders / delivered_orders of those delivered after the estimated date; NaN when the state has none. */
  late_share: number;
}

/**
 * Customers, orders, mean order value and late-delivery share per customer state, over all
 * orders, sorted by orders (largest first, ties by state).
 *
 * @example
 * const states = await stateSummary(db);
 * brazilStateMap(states.map((s) => s.state), states.map((s) => s.orders), { title: "Orders" });
 */
export async function stateSummary(db: Database): Promise<StateSummaryRow[]> {
  const rows = await db.rows<StateSummaryRow>(`
    WITH o AS (
      SELECT DISTINCT o.order_id, coalesce(c.customer_state, '(missing)') AS state,
             c.customer_unique_id AS person
      FROM orders o JOIN customers c USING (customer_id)
    )
    SELECT state, count(DISTINCT person) AS customers, count(DISTINCT o.order_id) AS orders,
           avg(pay.value) AS mean_order_value,
           count(d.order_id) AS delivered_orders,
           count(d.order_id) FILTER (WHERE d.is_late) AS late_orders,
           avg(d.is_late::INTEGER) AS late_share
    FROM o
    LEFT JOIN (${ORDER_PAYMENTS_SQL}) pay USING (order_id)
    LEFT JOIN (${DELIVERED_ORDERS_SQL}) d USING (order_id)
    GROUP BY 1 ORDER BY orders DESC, state`);
  return rows.map((r) => ({ ...r, late_share: r.late_share ?? NaN }));
}

/**
 * A deterministic sample of zip-code locations inside Brazil's bounding box (coordinates rounded to
 * 0.01°), for the grey outline under the state map; each rounded point once (the real table repeats
 * rows), points outside Brazil's bounding box (`BRAZIL_BOUNDING_BOX`; the real table has 42) left out.
 *
 * @example
 * const geo = await geolocationSample(db, 3000); // { lat: Float64Array, lng: Float64Array }
 */
export async function geolocationSample(
  db: Database,
  limit = 3000,
): Promise<{ lat: Float64Array; lng: Float64Array }> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  const box = BRAZIL_BOUNDING_BOX;
  const cols = await db.numericColumns(`
    SELECT lat, lng FROM (
      SELECT DISTINCT round(geolocation_lat, 2) AS lat, round(geolocation_lng, 2) AS lng
      FROM geolocation
      WHERE geolocation_lat BETWEEN ${box.latMin} AND ${box.latMax}
        AND geolocation_lng BETWEEN ${box.lngMin} AND ${box.lngMax})
    ORDER BY hash(lat, lng), lat, lng
    LIMIT ${limit}`);
  return { lat: cols.lat ?? new Float64Array(0), lng: cols.lng ?? new Float64Array(0) };
}

/** Orders and late deliveries of a group of states: see {@link stateGroupFacts}. */
export interface StateGroupFacts {
  orders: number;
  /** orders / orders of all states given. */
  orderShare: number;
  /** Late share over the group's measurable delivered orders; NaN when none. */
  lateShare: number;
}

/** Orders, order share and late share of the states in `group` among `states`. */
export function stateGroupFacts(
  states: readonly StateSummaryRow[],
  group: readonly string[],
): StateGroupFacts {
  const all = states.reduce((s, r) => s + r.orders, 0);
  const inGroup = states.filter((r) => group.includes(r.state));
  const orders = inGroup.reduce((s, r) => s + r.orders, 0);
  const delivered = inGroup.reduce((s, r) => s + r.delivered_orders, 0);
  const late = inGroup.reduce((s, r) => s + r.late_orders, 0);
  return {
    orders,
    orderShare: all > 0 ? orders / all : 0,
    lateShare: delivered > 0 ? late / delivered : NaN,
  };
}
