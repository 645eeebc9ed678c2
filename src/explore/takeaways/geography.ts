/** Takeaways of the geography section: concentration, the North-East, order value and late share by state. */
import type { StateSummaryRow } from "../geography.js";
import { BRAZIL_REGIONS, stateGroupFacts } from "../geography.js";
import { fmt, largestBy, listAnd, money, percent, times } from "./format.js";

/**
 * Share of orders of the three states with the most orders, of the first one, and of the South-East.
 *
 * @example
 * stateConcentrationTakeaway(await stateSummary(db));
 */
export function stateConcentrationTakeaway(states: readonly StateSummaryRow[]): string {
  const ranked = [...states].sort((a, b) => b.orders - a.orders || a.state.localeCompare(b.state));
  const top = ranked.slice(0, 3);
  const top3 = stateGroupFacts(
    states,
    top.map((s) => s.state),
  );
  const first = stateGroupFacts(states, [top[0].state]);
  const southEast = BRAZIL_REGIONS["South-East"];
  const se = stateGroupFacts(states, southEast);
  const half = se.orderShare > 0.5 ? ", more than half of all orders" : "";
  return (
    `${listAnd(top.map((s) => s.state))}, the ${top.length} states with the most orders, place ` +
    `${percent(top3.orderShare)} of orders (${top[0].state} alone ${percent(first.orderShare)}); ` +
    `the South-East region (${southEast.join(", ")}) places ${percent(se.orderShare)}${half}.`
  );
}

/**
 * The North-East's share of orders against Rio de Janeiro alone, and its late share against the rest.
 *
 * @example
 * northEastTakeaway(await stateSummary(db));
 */
export function northEastTakeaway(states: readonly StateSummaryRow[]): string {
  const region: readonly string[] = BRAZIL_REGIONS["North-East"];
  const ne = stateGroupFacts(states, region);
  const rest = stateGroupFacts(
    states,
    states.map((s) => s.state).filter((s) => !region.includes(s)),
  );
  const rj = states.find((s) => s.state === "RJ")?.orders ?? 0;
  const vsRj =
    rj > 0 ? ` (${times(ne.orders / rj)} the ${fmt(rj)} orders of Rio de Janeiro alone)` : "";
  const late =
    Number.isFinite(ne.lateShare) && Number.isFinite(rest.lateShare)
      ? `, and ${percent(ne.lateShare)} of their delivered orders arrive late against ${percent(rest.lateShare)} elsewhere`
      : "";
  return (
    `The ${region.length} North-East states together place ${percent(ne.orderShare)} of orders${vsRj}${late}. ` +
    "Whether the region is a growth lever is a hypothesis the data cannot test (they hold no market size)."
  );
}

/**
 * Highest and lowest mean order value among states with enough orders, and the largest state's.
 *
 * @example
 * orderValueByStateTakeaway(await stateSummary(db));
 */
export function orderValueByStateTakeaway(
  states: readonly StateSummaryRow[],
  minOrders = 100,
): string {
  const eligible = states.filter(
    (s) => s.orders >= minOrders && Number.isFinite(s.mean_order_value),
  );
  const high = largestBy(eligible, (s) => s.mean_order_value);
  const low = largestBy(eligible, (s) => -s.mean_order_value);
  const largest = largestBy(states, (s) => s.orders);
  if (!high || !low || !largest) return `No state has ${fmt(minOrders)} orders or more.`;
  return (
    `Among the ${eligible.length} states with at least ${fmt(minOrders)} orders, ${high.state} has the highest ` +
    `mean order (${money(high.mean_order_value)}, payments with freight) and ${low.state} the lowest ` +
    `(${money(low.mean_order_value)}); ${largest.state}, the state with the most orders, ` +
    `${money(largest.mean_order_value)}. Whether basket thresholds for offers should differ by region is a hypothesis to test.`
  );
}

/**
 * Highest and lowest late-delivery share among states with enough delivered orders, against the
 * overall share.
 *
 * @example
 * lateByStateTakeaway(await stateSummary(db));
 */
export function lateByStateTakeaway(
  states: readonly StateSummaryRow[],
  minDelivered = 100,
): string {
  const eligible = states.filter((s) => s.delivered_orders >= minDelivered);
  const worst = largestBy(eligible, (s) => s.late_share);
  const best = largestBy(eligible, (s) => -s.late_share);
  if (!worst || !best)
    return `No state has ${fmt(minDelivered)} measurable delivered orders or more.`;
  const overall = stateGroupFacts(
    states,
    states.map((s) => s.state),
  ).lateShare;
  const above = eligible.filter((s) => s.late_share > overall).length;
  return (
    `Late deliveries range from ${percent(worst.late_share)} in ${worst.state} to ${percent(best.late_share)} in ` +
    `${best.state} (the ${eligible.length} states with at least ${fmt(minDelivered)} measurable delivered orders), ` +
    `against ${percent(overall)} overall; ${above} of them ${above === 1 ? "is" : "are"} above it. Whether apology-and-reward campaigns ` +
    "win back customers where delivery fails most is a hypothesis to test."
  );
}
