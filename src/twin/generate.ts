/**
 * The Olist twin generator: all nine tables of the Kaggle release, drawn from the calibration in
 * `calibration.ts`, in memory as column arrays (typed arrays for numbers, string arrays for ids).
 * `write.ts` turns them into the CSV files. Same seed and size, same tables.
 *
 * Model, in generation order: geography (zip prefixes per state, sliced among real cities) →
 * sellers → products (category, attributes, price, owning seller) → people (state, zip) and their
 * orders (month/day/hour profile, repeat buyers months apart) → status, payment scheme, items
 * (price, distance-based freight) → timestamps (estimate grows with distance, late share by state and
 * month) → payments (sum of items, vouchers, instalments by value) → reviews (score by lateness).
 */
import { createRng } from "../util/random.js";
import { PAYMENT_TYPES, STATUSES } from "./types.js";
import type { TwinData, TwinOptions } from "./types.js";
import type { Rng } from "../util/random.js";
import {
  ATTRIBUTE_PROBS,
  BLACK_FRIDAY,
  CATEGORIES,
  CATEGORY_ITEMS,
  DELAY_BANDS,
  HOUR_BLOCK_COUNTS,
  HOUR_SHAPE,
  INSTALLMENTS_BY_VALUE,
  ITEMS_PER_ORDER,
  KAGGLE_SIZES,
  LATE_PCT_BY_STATE,
  LATE_SHARE,
  MONTH_DELIVERY,
  MULTI_PAYMENT_MIX,
  NO_ITEM_SHARE_BY_STATUS,
  ORDERS_BY_MONTH,
  ORDERS_PER_CUSTOMER,
  PAYMENT_ROWS_PER_ORDER,
  PRODUCT_ATTRIBUTE_QUANTILES,
  REPEAT_SAME_DAY_SHARE,
  REVIEW_GRAIN,
  REVIEW_SCORE_COUNTS,
  REVIEW_TEXT_COUNTS,
  SCORE_SHARES,
  SINGLE_PAYMENT_TYPE_COUNTS,
  STATES,
  TIMESTAMP_COMPLETENESS,
  UNDELIVERED_STATUS_COUNTS,
  VOUCHER_VALUE,
  WEEKDAY_COUNTS_MON_FIRST,
} from "./calibration.js";
import { parseTimestamp } from "./csv.js";
import { applyQuirks } from "./quirks/index.js";
import { reviewMessage, reviewTitle } from "./reviewText.js";
import { cumulative, haversineKm, pickCumulative, quantileAt, uniqueHexIds } from "./sample.js";

/** Seed used when none is given (the first day of Olist's busiest season, 2018-09-01). */
export const DEFAULT_TWIN_SEED = 20_180_901;
/** Unique customers of the Kaggle release: the default twin size. */
export const DEFAULT_TWIN_CUSTOMERS: number = KAGGLE_SIZES.uniqueCustomers;

export { PAYMENT_TYPES, STATUSES } from "./types.js";
export type { TwinData, TwinOptions } from "./types.js";

const DAY = 86_400;
const FIRST_PURCHASE = parseTimestamp("2016-09-04 21:15:19");
const LAST_PURCHASE = parseTimestamp("2018-10-17 17:30:18");
/** Repeat orders are kept before this date (the release's last full month of activity). */
const REPEAT_END = parseTimestamp("2018-08-29");

const sum = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0);
const lognormal = (rng: Rng, median: number, sigma: number): number =>
  median * Math.exp(sigma * rng.normal());

/** Draws from a `[value, count]` table. */
function tableSampler(table: readonly (readonly [number, number])[]): (rng: Rng) => number {
  const cum = cumulative(table.map((r) => r[1]));
  return (rng) => table[pickCumulative(cum, rng)][0];
}

/** Draws a key of a `{ key: count }` record. */
function recordSampler(record: Readonly<Record<string, number>>): (rng: Rng) => string {
  const keys = Object.keys(record);
  const cum = cumulative(keys.map((k) => record[k]));
  return (rng) => keys[pickCumulative(cum, rng)];
}

/** Validates and resolves the options (clear errors for bad sizes or seeds). */
export function resolveTwinOptions(options: TwinOptions = {}): { seed: number; customers: number } {
  const seed = options.seed ?? DEFAULT_TWIN_SEED;
  const customers = options.customers ?? DEFAULT_TWIN_CUSTOMERS;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`Twin seed must be an integer, got ${seed}`);
  }
  if (!Number.isSafeInteger(customers) || customers < 100 || customers > 2_000_000) {
    throw new Error(
      `Twin size --customers must be an integer between 100 and 2,000,000, got ${customers}`,
    );
  }
  return { seed, customers };
}

// ---------------------------------------------------------------------------------------------
// Geography

interface Geography {
  /** Per prefix: text, state index, city name, centre lat/lng. */
  prefix: string[];
  prefixState: Int32Array;
  prefixCity: string[];
  prefixLat: Float64Array;
  prefixLng: Float64Array;
  /** Per state: per city, the [from, to) range of prefix indexes and the cumulative popularity. */
  cityRanges: { from: number; to: number }[][];
  cityCum: Float64Array[];
  popularityCum: Float64Array;
}

function buildGeography(scale: number, rng: Rng): Geography {
  const target = Math.max(400, Math.round(KAGGLE_SIZES.geolocationPrefixes * scale));
  const rangeSize = (s: (typeof STATES)[number]) => sum(s.zipRanges.map(([a, b]) => b - a + 1));
  // [MODEL] prefixes per state ∝ sqrt(customers × range size): big ranges of small states stay sparse.
  const w = STATES.map((s) => Math.sqrt(s.customers * rangeSize(s)));
  const wSum = sum(w);
  const prefix: string[] = [];
  const state: number[] = [];
  const city: string[] = [];
  const lat: number[] = [];
  const lng: number[] = [];
  const cityRanges: { from: number; to: number }[][] = [];
  const cityCum: Float64Array[] = [];
  STATES.forEach((s, si) => {
    const size = rangeSize(s);
    const n = Math.min(size, Math.max(3 * s.cities.length, Math.round((target * w[si]) / wSum)));
    const p = n / size;
    const codes: number[] = [];
    for (const [a, b] of s.zipRanges)
      for (let z = a; z <= b; z++) if (rng.next() < p) codes.push(z);
    if (codes.length < s.cities.length) {
      for (let z = s.zipRanges[0][0]; codes.length < s.cities.length; z++) {
        if (!codes.includes(z)) codes.push(z);
      }
      codes.sort((x, y) => x - y);
    }
    const cityCumW = cumulative(s.cities.map((c) => c[1]));
    const total = cityCumW[cityCumW.length - 1];
    const ranges: { from: number; to: number }[] = [];
    const start = prefix.length;
    let prev = 0;
    s.cities.forEach(([name, , clat, clng], ci) => {
      // Contiguous zip slices per city, sized by the city's weight (capitals own the low codes).
      let end = Math.round((cityCumW[ci] / total) * codes.length);
      end = Math.max(end, prev + 1);
      if (ci === s.cities.length - 1) end = codes.length;
      end = Math.min(end, codes.length - (s.cities.length - 1 - ci));
      ranges.push({ from: start + prev, to: start + end });
      const spread = ci === 0 ? 0.12 : 0.06;
      for (let k = prev; k < end; k++) {
        prefix.push(String(codes[k]).padStart(5, "0"));
        state.push(si);
        city.push(name);
        lat.push(clat + spread * rng.normal());
        lng.push(clng + spread * rng.normal());
      }
      prev = end;
    });
    cityRanges.push(ranges);
    cityCum.push(cityCumW);
  });
  // [MODEL] prefix popularity: log-normal, so that about 3/4 of the prefixes meet a customer.
  const pop = new Float64Array(prefix.length);
  for (let i = 0; i < pop.length; i++) pop[i] = Math.exp(1.1 * rng.normal());
  return {
    prefix,
    prefixState: Int32Array.from(state),
    prefixCity: city,
    prefixLat: Float64Array.from(lat),
    prefixLng: Float64Array.from(lng),
    cityRanges,
    cityCum,
    popularityCum: cumulative(pop),
  };
}

/** A zip prefix index of a state, drawn by city weight then prefix popularity. */
function pickPrefix(geo: Geography, stateIndex: number, rng: Rng): number {
  const ci = pickCumulative(geo.cityCum[stateIndex], rng);
  const r = geo.cityRanges[stateIndex][ci];
  return pickCumulative(geo.popularityCum, rng, r.from, r.to);
}

function buildGeolocationRows(geo: Geography, rng: Rng): TwinData["geolocation"] {
  const prefix: string[] = [];
  const lat: number[] = [];
  const lng: number[] = [];
  const city: string[] = [];
  const state: string[] = [];
  for (let i = 0; i < geo.prefix.length; i++) {
    // [MODEL] 1 + geometric rows per prefix (mean ≈ 2.6); the real file repeats each prefix ~53 times.
    let rows = 1;
    while (rng.next() < 0.62 && rows < 30) rows++;
    for (let k = 0; k < rows; k++) {
      prefix.push(geo.prefix[i]);
      lat.push(geo.prefixLat[i] + 0.01 * rng.normal());
      lng.push(geo.prefixLng[i] + 0.01 * rng.normal());
      city.push(geo.prefixCity[i]);
      state.push(STATES[geo.prefixState[i]].code);
    }
  }
  return { prefix, lat: Float64Array.from(lat), lng: Float64Array.from(lng), city, state };
}

// ---------------------------------------------------------------------------------------------
// Calendar

interface Calendar {
  firstDay: number;
  cum: Float64Array;
}

/** Day weights 2016-09-04..2018-10-17: month totals × weekday profile × Black Friday spike. */
function buildCalendar(): Calendar {
  const firstDay = Math.floor(FIRST_PURCHASE / DAY);
  const lastDay = Math.floor(LAST_PURCHASE / DAY);
  const bf = Math.floor(parseTimestamp(BLACK_FRIDAY.date) / DAY);
  const weekdayMean = sum(WEEKDAY_COUNTS_MON_FIRST) / 7;
  const raw = new Float64Array(lastDay - firstDay + 1);
  const monthOf = (day: number) => new Date(day * DAY * 1000).toISOString().slice(0, 7);
  const monthRaw = new Map<string, number>();
  for (let d = firstDay; d <= lastDay; d++) {
    const weekdayMon0 = (new Date(d * DAY * 1000).getUTCDay() + 6) % 7;
    let w = WEEKDAY_COUNTS_MON_FIRST[weekdayMon0] / weekdayMean;
    if (d === bf) w *= BLACK_FRIDAY.dayWeight;
    else if (d > bf && d <= bf + 3) w *= BLACK_FRIDAY.followingDaysWeight;
    raw[d - firstDay] = w;
    const m = monthOf(d);
    monthRaw.set(m, (monthRaw.get(m) ?? 0) + w);
  }
  const monthOrders = new Map(ORDERS_BY_MONTH.map((m) => [m.month, m.orders]));
  for (let d = firstDay; d <= lastDay; d++) {
    const m = monthOf(d);
    raw[d - firstDay] *= (monthOrders.get(m) ?? 0) / (monthRaw.get(m) ?? 1);
  }
  // Black Friday falls on a Friday: rescale weekdays until the weekday totals match [CAL §1.3].
  const weekdayTotal = sum(WEEKDAY_COUNTS_MON_FIRST);
  for (let iter = 0; iter < 4; iter++) {
    const got = new Float64Array(7);
    for (let d = firstDay; d <= lastDay; d++)
      got[(new Date(d * DAY * 1000).getUTCDay() + 6) % 7] += raw[d - firstDay];
    const all = got.reduce((a, b) => a + b, 0);
    for (let d = firstDay; d <= lastDay; d++) {
      const wd = (new Date(d * DAY * 1000).getUTCDay() + 6) % 7;
      raw[d - firstDay] *= WEEKDAY_COUNTS_MON_FIRST[wd] / weekdayTotal / (got[wd] / all);
    }
  }
  return { firstDay, cum: cumulative(raw) };
}

function buildHourCum(): Float64Array {
  const w = HOUR_SHAPE.map((x, h) => {
    const block = Math.floor(h / 6);
    const blockShape = sum(HOUR_SHAPE.slice(block * 6, block * 6 + 6));
    return (x / blockShape) * HOUR_BLOCK_COUNTS[block];
  });
  return cumulative(w);
}

// ---------------------------------------------------------------------------------------------
// Products

const NO_CATEGORY = "";

function productPriceMedian(category: (typeof CATEGORIES)[number]): number {
  const known = CATEGORY_ITEMS[category.name];
  // Log-normal with sigma 0.9: mean = median × 1.5.
  if (known) return known.revenue / known.items / 1.5;
  // [MODEL] price level grows slowly with the category's typical weight.
  return Math.min(600, Math.max(25, 58 * (category.medianWeightG / 700) ** 0.35));
}

/** Retail-looking cents: x.90, x.99, round reais or free cents. */
function retailCents(reais: number, rng: Rng): number {
  const x = Math.min(6735, Math.max(0.85, reais));
  const r = rng.next();
  let cents: number;
  if (x < 2) cents = Math.round(x * 100);
  else if (r < 0.45) cents = Math.floor(x) * 100 + 90;
  else if (r < 0.7) cents = Math.floor(x) * 100 + 99;
  else if (r < 0.85) cents = Math.round(x) * 100;
  else cents = Math.round(x * 100);
  return Math.max(85, Math.min(673_500, cents));
}

// ---------------------------------------------------------------------------------------------

/**
 * Generates the nine Olist tables in memory.
 *
 * @example
 * const twin = generateOlistTwin({ seed: 1, customers: 2000 });
 * twin.orders.id.length; // ≈ 2,070
 */
export function generateOlistTwin(options: TwinOptions = {}): TwinData {
  const tidy = generateTidyTwin(options);
  return options.tidy === true ? tidy : applyQuirks(tidy);
}

/** The tidy twin (no quirks beyond those the calibration tables draw). */
function generateTidyTwin(options: TwinOptions): TwinData {
  const { seed, customers: nPeople } = resolveTwinOptions(options);
  const root = createRng(seed);
  // One independent stream per part, so that tuning one part does not reshuffle the others.
  const rGeo = root.fork();
  const rSel = root.fork();
  const rProd = root.fork();
  const rPeople = root.fork();
  const rOrd = root.fork();
  const rItem = root.fork();
  const rTime = root.fork();
  const rPay = root.fork();
  const rRev = root.fork();
  const rIds = root.fork();
  const scale = nPeople / KAGGLE_SIZES.uniqueCustomers;
  const taken = new Set<string>();

  // --- Geography ---
  const geo = buildGeography(scale, rGeo);
  const geolocation = buildGeolocationRows(geo, rGeo);

  // --- Sellers ---
  const nSellers = Math.max(20, Math.round(KAGGLE_SIZES.sellers * scale));
  const sellerStateCum = cumulative(STATES.map((s) => s.sellers));
  const sellerPrefix = new Int32Array(nSellers);
  for (let i = 0; i < nSellers; i++) {
    sellerPrefix[i] = pickPrefix(geo, pickCumulative(sellerStateCum, rSel), rSel);
  }
  const sellers: TwinData["sellers"] = {
    id: uniqueHexIds(nSellers, rIds, taken),
    prefix: Array.from(sellerPrefix, (p) => geo.prefix[p]),
    city: Array.from(sellerPrefix, (p) => geo.prefixCity[p]),
    state: Array.from(sellerPrefix, (p) => STATES[geo.prefixState[p]].code),
  };
  // [MODEL] seller size: log-normal popularity (busiest seller ≈ 2 % of item rows, as in [CAL §3.3]).
  const sellerPop = new Float64Array(nSellers);
  for (let i = 0; i < nSellers; i++) sellerPop[i] = Math.exp(1.6 * rSel.normal());
  const sellerCum = cumulative(sellerPop);

  // --- Products ---
  const nProducts = Math.max(60, Math.round(KAGGLE_SIZES.products * scale));
  const categoryCum = cumulative(CATEGORIES.map((c) => c.products));
  const totalProducts = sum(CATEGORIES.map((c) => c.products));
  const totalItemsKnown = KAGGLE_SIZES.items;
  const attrNames = Object.keys(PRODUCT_ATTRIBUTE_QUANTILES);
  const attributes = attrNames.map(() => new Float64Array(nProducts));
  const productCategory: string[] = new Array(nProducts);
  const productSeller = new Int32Array(nProducts);
  const productPriceCents = new Int32Array(nProducts);
  const productWeightKg = new Float64Array(nProducts);
  const productPop = new Float64Array(nProducts);
  const medianWeight = PRODUCT_ATTRIBUTE_QUANTILES.product_weight_g[3];
  const missingDims = [Math.floor(nProducts / 3), Math.floor((2 * nProducts) / 3)];
  for (let i = 0; i < nProducts; i++) {
    const cat = CATEGORIES[pickCumulative(categoryCum, rProd)];
    productCategory[i] = cat.name;
    // Size: one latent rank drives weight and the three dimensions (bigger things weigh more).
    const size = rProd.next();
    const jitter = (u: number) => Math.min(0.999, Math.max(0.001, u + 0.12 * rProd.normal()));
    for (let a = 0; a < attrNames.length; a++) {
      const q = PRODUCT_ATTRIBUTE_QUANTILES[attrNames[a]];
      const u = a >= 3 ? jitter(size) : rProd.next();
      let v = quantileAt(ATTRIBUTE_PROBS, q, u);
      if (attrNames[a] === "product_weight_g") {
        v = (v * cat.medianWeightG) / medianWeight;
        v = v < 100 ? Math.round(v) : Math.round(v / 25) * 25;
        productWeightKg[i] = v / 1000;
      }
      attributes[a][i] = Math.max(a >= 3 ? (a === 3 ? 0 : 2) : 1, Math.round(v));
    }
    if (cat.name === NO_CATEGORY) {
      // The 610 uncategorised products also lack name length, description length and photos.
      for (let a = 0; a < 3; a++) attributes[a][i] = NaN;
    }
    const known = CATEGORY_ITEMS[cat.name];
    const itemFactor = known
      ? known.items / totalItemsKnown / (cat.products / totalProducts)
      : 0.85;
    productPop[i] = itemFactor * Math.exp(1.3 * rProd.normal());
    const median = productPriceMedian(cat) * (0.75 + 0.5 * size);
    productPriceCents[i] = retailCents(lognormal(rProd, median, 0.9), rProd);
  }
  // Two products without dimensions (one of them also without category), as in the release.
  for (const [k, i] of missingDims.entries()) {
    for (let a = 3; a < 7; a++) attributes[a][i] = NaN;
    if (k === 1) {
      productCategory[i] = NO_CATEGORY;
      for (let a = 0; a < 3; a++) attributes[a][i] = NaN;
    }
    productWeightKg[i] = 0.7;
  }
  // Every seller owns at least one product; the rest go by seller popularity.
  const sellerOrder = Array.from({ length: nSellers }, (_, i) => i);
  for (let i = nSellers - 1; i > 0; i--) {
    const j = rProd.int(i + 1);
    [sellerOrder[i], sellerOrder[j]] = [sellerOrder[j], sellerOrder[i]];
  }
  for (let i = 0; i < nProducts; i++) {
    productSeller[i] = i < nSellers ? sellerOrder[i] : pickCumulative(sellerCum, rProd);
  }
  // Products of each seller (CSR), for second items from the same shop.
  const sellerStart = new Int32Array(nSellers + 1);
  for (let i = 0; i < nProducts; i++) sellerStart[productSeller[i] + 1]++;
  for (let s = 0; s < nSellers; s++) sellerStart[s + 1] += sellerStart[s];
  const sellerProducts = new Int32Array(nProducts);
  {
    const fill = sellerStart.slice(0, nSellers);
    for (let i = 0; i < nProducts; i++) sellerProducts[fill[productSeller[i]]++] = i;
  }
  const productCum = cumulative(productPop);
  const products: TwinData["products"] = {
    id: uniqueHexIds(nProducts, rIds, taken),
    category: productCategory,
    attributes,
  };

  // --- People and their orders ---
  const customerStateCum = cumulative(STATES.map((s) => s.customers));
  const ordersPerPerson = tableSampler(ORDERS_PER_CUSTOMER);
  const calendar = buildCalendar();
  const hourCum = buildHourCum();
  const repeatStart = parseTimestamp("2017-01-01");
  const personPrefix = new Int32Array(nPeople);
  const purchaseList: number[] = [];
  const personList: number[] = [];
  const drawTime = (): number => {
    const day = calendar.firstDay + pickCumulative(calendar.cum, rPeople);
    const t = day * DAY + pickCumulative(hourCum, rPeople) * 3600 + rPeople.int(3600);
    return Math.min(LAST_PURCHASE, Math.max(FIRST_PURCHASE, t));
  };
  for (let p = 0; p < nPeople; p++) {
    personPrefix[p] = pickPrefix(geo, pickCumulative(customerStateCum, rPeople), rPeople);
    const k = ordersPerPerson(rPeople);
    let t = drawTime();
    if (k === 1) {
      purchaseList.push(t);
      personList.push(p);
      continue;
    }
    // Repeat buyers: later orders the same day (basket split) or weeks to months later.
    const sameDay = rPeople.next() < REPEAT_SAME_DAY_SHARE;
    const gaps: number[] = [];
    for (let j = 1; j < k; j++) {
      gaps.push(sameDay ? 60 + rPeople.int(3 * 3600) : DAY * (1 + lognormal(rPeople, 70, 0.9)));
    }
    let span = sum(gaps);
    if (span > REPEAT_END - repeatStart) {
      const f = (REPEAT_END - repeatStart) / span;
      for (let j = 0; j < gaps.length; j++) gaps[j] *= f;
      span = sum(gaps);
    }
    // Too late to fit every repeat order before REPEAT_END: start again uniformly between the start of
    // repeat buying and the latest start that still fits (the data end in 2018-10).
    if (t + span > REPEAT_END) t = repeatStart + rPeople.next() * (REPEAT_END - span - repeatStart);
    if (t < FIRST_PURCHASE) t = FIRST_PURCHASE + rPeople.int(DAY);
    for (let j = 0; j < k; j++) {
      purchaseList.push(Math.floor(t));
      personList.push(p);
      const gap = gaps[j] ?? 0;
      // A later day keeps the hour-of-day profile: move to that day, draw a fresh time.
      t =
        gap < DAY
          ? t + gap
          : Math.floor((t + gap) / DAY) * DAY +
            pickCumulative(hourCum, rPeople) * 3600 +
            rPeople.int(3600);
    }
  }
  const people: TwinData["people"] = {
    id: uniqueHexIds(nPeople, rIds, taken),
    prefix: Array.from(personPrefix, (i) => geo.prefix[i]),
    city: Array.from(personPrefix, (i) => geo.prefixCity[i]),
    state: Array.from(personPrefix, (i) => STATES[geo.prefixState[i]].code),
  };
  const nOrders = purchaseList.length;
  const purchase = Float64Array.from(purchaseList);
  const person = Int32Array.from(personList);

  // --- Status, payment scheme, items ---
  const monthDelivered = new Map(
    ORDERS_BY_MONTH.filter((m) => m.orders > 0).map((m) => [m.month, m.delivered / m.orders]),
  );
  const undeliveredStatus = recordSampler(UNDELIVERED_STATUS_COUNTS);
  const status = new Uint8Array(nOrders);
  const monthKey = (t: number) => new Date(t * 1000).toISOString().slice(0, 7);
  const orderMonth: string[] = new Array(nOrders);
  for (let o = 0; o < nOrders; o++) {
    const m = monthKey(purchase[o]);
    orderMonth[o] = m;
    const pDelivered = monthDelivered.get(m) ?? 0.97;
    status[o] =
      rOrd.next() < pDelivered
        ? 0
        : STATUSES.indexOf(undeliveredStatus(rOrd) as (typeof STATUSES)[number]);
  }
  const paymentRows = tableSampler(PAYMENT_ROWS_PER_ORDER);
  const singleType = recordSampler(SINGLE_PAYMENT_TYPE_COUNTS);
  const multiMixCum = cumulative(MULTI_PAYMENT_MIX.map((m) => m[1]));
  const payRows = new Int32Array(nOrders);
  /** 0..3 = single payment of that type; 10 = card + vouchers, 11 = vouchers, 12 = split card. */
  const payScheme = new Uint8Array(nOrders);
  for (let o = 0; o < nOrders; o++) {
    const k = paymentRows(rPay);
    payRows[o] = k;
    if (k === 1) {
      payScheme[o] = PAYMENT_TYPES.indexOf(singleType(rPay) as (typeof PAYMENT_TYPES)[number]);
    } else {
      payScheme[o] = 10 + pickCumulative(multiMixCum, rPay);
    }
  }

  const itemsPerOrder = tableSampler(ITEMS_PER_ORDER);
  const itemOrder: number[] = [];
  const itemNo: number[] = [];
  const itemProduct: number[] = [];
  // Every product is sold at least once (as in the release): the first orders with items take the
  // products in a shuffled order, later ones draw by popularity.
  const productOrder = Array.from({ length: nProducts }, (_, i) => i);
  for (let i = nProducts - 1; i > 0; i--) {
    const j = rItem.int(i + 1);
    [productOrder[i], productOrder[j]] = [productOrder[j], productOrder[i]];
  }
  // Orders visit in a random order so coverage products do not cluster in early months.
  const visit = Array.from({ length: nOrders }, (_, i) => i);
  for (let i = nOrders - 1; i > 0; i--) {
    const j = rItem.int(i + 1);
    [visit[i], visit[j]] = [visit[j], visit[i]];
  }
  let coverage = 0;
  for (const o of visit) {
    const st = STATUSES[status[o]];
    const noItem = NO_ITEM_SHARE_BY_STATUS[st] ?? 0;
    if (rItem.next() < noItem) continue;
    const k = itemsPerOrder(rItem);
    const first =
      coverage < nProducts ? productOrder[coverage++] : pickCumulative(productCum, rItem);
    let current = first;
    for (let j = 1; j <= k; j++) {
      if (j > 1) {
        const r = rItem.next();
        if (r < 0.72) {
          // same product again (quantity > 1 is written as repeated item rows)
        } else {
          const s = productSeller[first];
          const n = sellerStart[s + 1] - sellerStart[s];
          current =
            r < 0.93 && n > 1
              ? sellerProducts[sellerStart[s] + rItem.int(n)]
              : pickCumulative(productCum, rItem);
        }
      }
      itemOrder.push(o);
      itemNo.push(j);
      itemProduct.push(current);
    }
  }
  const nItems = itemOrder.length;

  // --- Timestamps ---
  const approved = new Float64Array(nOrders).fill(NaN);
  const carrier = new Float64Array(nOrders).fill(NaN);
  const delivered = new Float64Array(nOrders).fill(NaN);
  const estimated = new Float64Array(nOrders);
  /** 0 on time, 1 delivered on the promised day, 2 later, 3 not delivered. */
  const outcome = new Uint8Array(nOrders);
  const personLat = (p: number) => geo.prefixLat[personPrefix[p]];
  const personLng = (p: number) => geo.prefixLng[personPrefix[p]];
  // Distance seller → customer of each order's first item (SP for orders without items).
  const orderKm = new Float64Array(nOrders);
  {
    const spLat = -23.55;
    const spLng = -46.63;
    for (let o = 0; o < nOrders; o++) {
      orderKm[o] = haversineKm(spLat, spLng, personLat(person[o]), personLng(person[o])) + 30;
    }
    for (let i = 0; i < nItems; i++) {
      if (itemNo[i] !== 1) continue;
      const s = sellerPrefix[productSeller[itemProduct[i]]];
      const p = person[itemOrder[i]];
      orderKm[itemOrder[i]] =
        haversineKm(geo.prefixLat[s], geo.prefixLng[s], personLat(p), personLng(p)) + 30;
    }
  }
  // Late probability = overall share × state factor × month factor (each normalised to mean 1).
  const stateLate = STATES.map((s) => LATE_PCT_BY_STATE[s.code] ?? 10);
  const stateLateMean =
    sum(STATES.map((s, i) => s.customers * stateLate[i])) / sum(STATES.map((s) => s.customers));
  const monthRows = ORDERS_BY_MONTH.filter((m) => MONTH_DELIVERY[m.month]);
  const monthLateMean =
    sum(monthRows.map((m) => m.delivered * MONTH_DELIVERY[m.month].latePct)) /
    sum(monthRows.map((m) => m.delivered));
  const lateBands = DELAY_BANDS.filter((b) => b.minDays >= 0);
  const lateBandCum = cumulative(lateBands.map((b) => b.percent));
  const completeness = (st: string) => TIMESTAMP_COMPLETENESS[st];
  for (let o = 0; o < nOrders; o++) {
    const st = STATUSES[status[o]];
    const t0 = purchase[o];
    const c = completeness(st);
    const month = MONTH_DELIVERY[orderMonth[o]];
    // Estimate: [MODEL] 19.5 days + 6.5 days per 1,000 km, a little noise (whole days, 00:00:00).
    const estDays = Math.max(3, Math.round(19.5 + 0.0065 * orderKm[o] + 3 * rTime.normal()));
    estimated[o] = (Math.floor(t0 / DAY) + estDays) * DAY;
    // Approval: card payments within minutes to hours, boleto after it is paid (1–3 days).
    const boleto = payScheme[o] === 1;
    const approvalDelay = boleto
      ? DAY * (0.6 + lognormal(rTime, 1, 0.6))
      : rTime.next() < 0.6
        ? 60 + rTime.int(20 * 60)
        : 3600 * lognormal(rTime, 5, 1.2);
    const hasApproved = rTime.next() < c.approved / c.total;
    const hasCarrier = rTime.next() < c.carrier / c.total;
    const hasDelivered = rTime.next() < c.delivered / c.total;
    const tApproved = t0 + Math.round(approvalDelay);
    if (hasApproved) approved[o] = tApproved;
    outcome[o] = 3;
    let tDelivered = NaN;
    if (hasDelivered) {
      const si = geo.prefixState[personPrefix[person[o]]];
      const pLate = Math.min(
        0.8,
        LATE_SHARE *
          (stateLate[si] / stateLateMean) *
          ((month?.latePct ?? monthLateMean) / monthLateMean),
      );
      if (rTime.next() < pLate) {
        const band = lateBands[pickCumulative(lateBandCum, rTime)];
        const delay =
          band.maxDays > 60
            ? band.minDays + Math.floor(lognormal(rTime, 8, 1))
            : band.minDays + rTime.int(band.maxDays - band.minDays + 1);
        tDelivered = estimated[o] + delay * DAY + 8 * 3600 + rTime.int(14 * 3600);
        outcome[o] = band.minDays === 0 ? 1 : 2;
      } else {
        // On time: a share of the estimate, longer in congested months ([CAL §1.4] month means).
        const monthFactor = (month?.meanDays ?? 12.1) / 12.5;
        const r = lognormal(rTime, 0.41, 0.5) * monthFactor;
        const latest = estimated[o] - 600 - t0;
        tDelivered = t0 + Math.min(latest * (0.9 + 0.1 * rTime.next()), r * estDays * DAY);
        tDelivered = Math.max(tDelivered, t0 + DAY * (0.4 + rTime.next()));
        if (tDelivered >= estimated[o]) tDelivered = estimated[o] - 600 - rTime.int(3600);
        outcome[o] = 0;
      }
      // Never before approval plus a minimal handling time (slow boleto payments).
      tDelivered = Math.round(Math.max(tDelivered, tApproved + DAY * (0.5 + rTime.next())));
      if (outcome[o] === 0 && tDelivered > estimated[o]) outcome[o] = 1;
      delivered[o] = tDelivered;
    }
    if (hasCarrier) {
      // Handover to the carrier after approval, before delivery; stored to the minute.
      const from = Math.max(t0, tApproved);
      let handover = DAY * (0.15 + lognormal(rTime, 1.9, 0.8));
      if (!Number.isNaN(tDelivered)) handover = Math.min(handover, 0.6 * (tDelivered - from));
      carrier[o] = Math.floor((from + Math.max(600, handover)) / 60) * 60;
    }
  }

  // --- Items: seller, shipping limit, price, freight ---
  const item: TwinData["items"] = {
    order: Int32Array.from(itemOrder),
    itemNo: Int32Array.from(itemNo),
    product: Int32Array.from(itemProduct),
    seller: new Int32Array(nItems),
    shippingLimit: new Float64Array(nItems),
    priceCents: new Int32Array(nItems),
    freightCents: new Int32Array(nItems),
  };
  const orderItemCents = new Float64Array(nOrders);
  for (let i = 0; i < nItems; i++) {
    const o = itemOrder[i];
    const prod = itemProduct[i];
    const s = productSeller[prod];
    item.seller[i] = s;
    const ref = Number.isNaN(approved[o]) ? purchase[o] : approved[o];
    item.shippingLimit[i] = ref + DAY * (6 + rItem.int(3)) + rItem.int(3600);
    // Price: the product's list price, sometimes a small promotion.
    let price = productPriceCents[prod];
    if (rItem.next() < 0.08) price = Math.max(85, Math.round(price * (0.85 + 0.1 * rItem.next())));
    item.priceCents[i] = price;
    // Freight [MODEL]: base + distance + weight, log-normal noise; zero on a few items.
    const sp = sellerPrefix[s];
    const p = person[o];
    const km = haversineKm(geo.prefixLat[sp], geo.prefixLng[sp], personLat(p), personLng(p)) + 30;
    const kg = productWeightKg[prod];
    let freight =
      (8.6 + 0.2 * Math.sqrt(km) + 2.2 * Math.sqrt(kg) + 0.35 * kg) * lognormal(rItem, 1, 0.24);
    if (itemNo[i] > 1 && rItem.next() < 0.5) freight *= 0.7;
    if (rItem.next() < 0.0034) freight = 0;
    item.freightCents[i] = Math.round(Math.min(409.68, freight) * 100);
    orderItemCents[o] += price + item.freightCents[i];
  }

  // --- Payments ---
  const payOrder: number[] = [];
  const paySeq: number[] = [];
  const payType: number[] = [];
  const payInst: number[] = [];
  const payValue: number[] = [];
  const instCum = INSTALLMENTS_BY_VALUE.map((b) => cumulative(b.counts));
  const installmentsFor = (cents: number): number => {
    const b = INSTALLMENTS_BY_VALUE.findIndex((x) => cents / 100 < x.upTo);
    return Math.max(1, pickCumulative(instCum[b], rPay));
  };
  const noPaymentOrder = nOrders >= 10_000 ? rPay.int(nOrders) : -1;
  for (let o = 0; o < nOrders; o++) {
    if (o === noPaymentOrder) continue;
    let total = orderItemCents[o];
    // Orders without items still carry the payment of the basket that was never fulfilled.
    if (total === 0) total = Math.round(lognormal(rPay, 9000, 0.8));
    const k = payRows[o];
    const scheme = payScheme[o];
    const push = (seq: number, type: number, inst: number, cents: number) => {
      payOrder.push(o);
      paySeq.push(seq);
      payType.push(type);
      payInst.push(inst);
      payValue.push(cents);
    };
    if (k === 1) {
      push(1, scheme, scheme === 0 ? installmentsFor(total) : 1, total);
      continue;
    }
    if (scheme === 10) {
      // Card plus vouchers: vouchers of typical face value, the card pays the rest.
      let left = total;
      const vouchers: number[] = [];
      for (let j = 1; j < k; j++) {
        const v = Math.round(lognormal(rPay, VOUCHER_VALUE.median * 100, 0.9));
        const capped = Math.min(v, Math.floor(left * 0.8));
        vouchers.push(Math.max(1, capped));
        left -= Math.max(1, capped);
      }
      if (left <= 0) left = 1;
      push(1, 0, installmentsFor(left), left);
      vouchers.forEach((v, j) => push(j + 2, 2, 1, v));
    } else {
      // Vouchers only, or a card payment split in parts: random shares of the total.
      const type = scheme === 11 ? 2 : 0;
      const w = Array.from({ length: k }, () => 0.2 + rPay.next());
      const ws = sum(w);
      let left = total;
      for (let j = 0; j < k; j++) {
        const cents = j === k - 1 ? left : Math.max(1, Math.floor((total * w[j]) / ws));
        left -= cents;
        push(j + 1, type, type === 0 ? installmentsFor(cents) : 1, Math.max(0, cents));
      }
    }
  }
  const payments: TwinData["payments"] = {
    order: Int32Array.from(payOrder),
    sequential: Int32Array.from(paySeq),
    type: Uint8Array.from(payType),
    installments: Int32Array.from(payInst),
    valueCents: Int32Array.from(payValue),
  };

  // --- Reviews ---
  const scoreCum = {
    0: cumulative(SCORE_SHARES.onTime),
    1: cumulative(SCORE_SHARES.promisedDay),
    2: cumulative(SCORE_SHARES.late),
    3: cumulative(SCORE_SHARES.undelivered),
  } as Record<number, Float64Array>;
  const revOrder: number[] = [];
  const revScore: number[] = [];
  const revTitle: string[] = [];
  const revMessage: string[] = [];
  const revCreated: number[] = [];
  const revAnswered: number[] = [];
  const lastCreation = parseTimestamp("2018-08-31");
  for (let o = 0; o < nOrders; o++) {
    if (rRev.next() < REVIEW_GRAIN.noReviewShare) continue;
    const copies = rRev.next() < REVIEW_GRAIN.twoReviewShare ? 2 : 1;
    let score = 1 + pickCumulative(scoreCum[outcome[o]], rRev);
    for (let c = 0; c < copies; c++) {
      if (c > 0 && rRev.next() < 0.37) score = 1 + pickCumulative(scoreCum[outcome[o]], rRev);
      const textShare = REVIEW_TEXT_COUNTS[score - 1];
      const n = REVIEW_SCORE_COUNTS[score - 1];
      revOrder.push(o);
      revScore.push(score);
      revTitle.push(rRev.next() < textShare.title / n ? reviewTitle(score, rRev) : "");
      revMessage.push(rRev.next() < textShare.message / n ? reviewMessage(score, rRev) : "");
      // Survey sent the day after delivery (or the estimated date when never delivered).
      const base = Number.isNaN(delivered[o]) ? estimated[o] : delivered[o];
      const created = Math.min(lastCreation, (Math.floor(base / DAY) + 1) * DAY);
      revCreated.push(Math.max(created, (Math.floor(purchase[o] / DAY) + 1) * DAY));
      revAnswered.push(
        revCreated[revCreated.length - 1] + Math.round(DAY * (0.2 + lognormal(rRev, 1.5, 0.9))),
      );
    }
  }
  const reviews: TwinData["reviews"] = {
    id: uniqueHexIds(revOrder.length, rIds, taken),
    order: Int32Array.from(revOrder),
    score: Uint8Array.from(revScore),
    title: revTitle,
    message: revMessage,
    created: Float64Array.from(revCreated),
    answered: Float64Array.from(revAnswered),
  };

  const orders: TwinData["orders"] = {
    id: uniqueHexIds(nOrders, rIds, taken),
    customerId: uniqueHexIds(nOrders, rIds, taken),
    person,
    status,
    purchase,
    approved,
    carrier,
    delivered,
    estimated,
  };
  return {
    seed,
    customers: nPeople,
    geolocation,
    sellers,
    products,
    people,
    orders,
    items: item,
    payments,
    reviews,
  };
}
