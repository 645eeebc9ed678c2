/**
 * The brief's "Acting on the segments" part as data: where each segment's customer list is, how new
 * customers get a segment and how often lists refresh, revenue and mean order value per segment, the
 * current value (baseline) of every KPI the playbook asks to measure, and who retrains when — read
 * from the maintenance recommendation the brief already carries. Every figure comes from the profiles
 * and the marketing table.
 */
import type { MarketingRow } from "../segments/naming.js";
import type { SegmentProfile } from "../segments/profiles.js";
import { SEGMENT_LISTS_DIR, segmentListFile } from "./actLists.js";
import type { BriefInput } from "./input.js";
import { revenueShares } from "./input.js";
import type { BriefHistory } from "./worth.js";
import { MODEL_FILE } from "../maintenance/policy.js";
import { formatCount } from "./format.js";

/** The baseline of one KPI of a segment. */
export interface KpiBaseline {
  /** The KPI as the playbook writes it. */
  kpi: string;
  /** What the baseline measures, in words. */
  measure: string;
  /** The current value (share 0–1, R$, items or stars), or null when the order data cannot give it. */
  value: number | null;
  unit: "share" | "R$" | "items" | "stars" | "orders" | null;
}

/** One segment's row of the action part. */
export interface ActSegment {
  segment: number;
  name: string;
  customers: number;
  /** The list file, relative to the output folder. */
  listFile: string;
  /** Sum of the members' spend (payments of counted orders), R$. */
  revenue: number;
  revenueShare: number;
  /** Revenue / counted orders, R$. */
  meanOrderValue: number;
  kpis: KpiBaseline[];
}

/** The action part of the brief. */
export interface BriefAct {
  segments: ActSegment[];
  /** How to get the lists, new customers, refresh, retraining: one sentence each. */
  text: { lists: string; ids: string; newCustomers: string; refresh: string; retrain: string };
}

const NO_BASELINE = "not in the order data: measure it from the first campaign (CRM)";
const NO_HISTORY =
  "no current value without the value study (npm start measures it on the last year's orders)";

/** Where a forward-looking KPI's current value comes from, in words. */
function historyWords(h: BriefHistory): string {
  const who = `${formatCount(h.customers)} customers`;
  return h.windowDays === null
    ? `the segment's ${who} since their first order, per 90 days`
    : `the segment's ${who} of ${h.windowDays} days ago over those ${h.windowDays} days, per 90 days`;
}

/**
 * The baseline of one KPI phrase of the playbook for a segment (see {@link KpiBaseline}). A KPI
 * about orders or revenue to come ("an order in the next 90 days", "second-order rate", "revenue
 * per contacted customer") takes its current value from `history` — what the segment's customers
 * did over the last period — and never from the segment's own definition (a segment of one-time
 * buyers has 0 repeat buyers by construction); without history it says where to measure it.
 */
export function kpiBaseline(
  kpi: string,
  profile: Pick<SegmentProfile, "mean" | "nameShares">,
  revenueShare: number,
  history: BriefHistory | null = null,
): KpiBaseline {
  const k = kpi.toLowerCase();
  const orders = profile.mean.frequency;
  if (/second-order rate|repeat-purchase|order in the next 90 days|reactivation rate/.test(k)) {
    return history
      ? {
          kpi,
          measure: `orders, ${historyWords(history)}`,
          value: history.ordersPer90Days,
          unit: "orders",
        }
      : { kpi, measure: NO_HISTORY, value: null, unit: null };
  }
  if (/revenue per contacted customer/.test(k)) {
    return history
      ? {
          kpi,
          measure: `R$ per customer, ${historyWords(history)}`,
          value: history.revenuePer90Days,
          unit: "R$",
        }
      : { kpi, measure: NO_HISTORY, value: null, unit: null };
  }
  if (/share of revenue/.test(k))
    return { kpi, measure: "share of revenue", value: revenueShare, unit: "share" };
  if (/average order value/.test(k))
    return { kpi, measure: "R$ per order", value: profile.mean.monetary / orders, unit: "R$" };
  if (/basket size/.test(k)) {
    const items = profile.mean.n_items;
    return {
      kpi,
      measure: "items per order",
      value: Number.isFinite(items) ? items / orders : null,
      unit: Number.isFinite(items) ? "items" : null,
    };
  }
  if (/review score/.test(k))
    return {
      kpi,
      measure: "mean review score",
      value: profile.mean.mean_review_score,
      unit: "stars",
    };
  return { kpi, measure: NO_BASELINE, value: null, unit: null };
}

/** Splits a playbook KPI text ("Second-order rate within 90 days, basket size") into its KPIs. */
export function kpiParts(kpi: string): string[] {
  return kpi
    .split(/,\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s[0].toUpperCase() + s.slice(1));
}

/**
 * The action part of the brief from its input: lists, refresh and retraining sentences, revenue and
 * mean order value per segment, and the baseline of every KPI of the playbook.
 */
export function briefAct(
  input: Pick<BriefInput, "profiles" | "marketing" | "maintenance" | "revenueShare" | "worth">,
): BriefAct {
  const shares = input.revenueShare ?? revenueShares(input.profiles);
  const historyOf = (segment: number) =>
    input.worth?.segments.find((s) => s.segment === segment)?.history ?? null;
  const segments = input.profiles.map((p, i): ActSegment => {
    const row = input.marketing.find((r) => r.segment === p.segment) as MarketingRow;
    const revenue = Number.isFinite(p.mean.monetary) ? p.mean.monetary * p.size : 0;
    const orders = p.mean.frequency * p.size;
    return {
      segment: p.segment,
      name: row.name,
      customers: p.size,
      listFile: `${SEGMENT_LISTS_DIR}/${segmentListFile(p.segment, row.name)}`,
      revenue,
      revenueShare: shares[i],
      meanOrderValue: orders > 0 ? revenue / orders : NaN,
      kpis: kpiParts(row.kpi).map((kpi) => kpiBaseline(kpi, p, shares[i], historyOf(p.segment))),
    };
  });
  const m = input.maintenance;
  const retrain = m
    ? `Retrain every ${m.everyWeeks} weeks (${m.everyDays} days, the maintenance study's recommendation), or earlier when the early-warning trigger fires. ${m.text.who} The steps and the trigger are in "Keeping the segments up to date".`
    : "No retraining interval yet: the maintenance study was not run for this brief (run npm start or npm run maintenance).";
  return {
    segments,
    text: {
      lists:
        `npm start writes one CSV per segment in ${SEGMENT_LISTS_DIR}/ (e.g. ${segments[0]?.listFile ?? `${SEGMENT_LISTS_DIR}/0-….csv`}); ` +
        "the same lists are the rows of customers.csv filtered on its segment column.",
      ids: "The ids are Olist's anonymised customer_unique_id keys, not names or e-mails: join them to the CRM on that key to reach the customers.",
      newCustomers: `A new customer gets a segment when the saved model is applied to the latest data: npm run segment -- --model ${MODEL_FILE} --out reports assigns every customer, new ones included, to the nearest segment centre without refitting, so segment numbers and names stay the same.`,
      refresh:
        "Run it before each campaign (weekly for weekly campaigns): it rewrites customers.csv and the lists from the day's export; a customer changes segment only when their own features change (a new order, or the days since the last order growing).",
      retrain,
    },
  };
}
