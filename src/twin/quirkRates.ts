/**
 * The real release's quirks, as published counts with their sources (tags of
 * `../shared/olist/CALIBRATION.md`, "CAL §n"; "REAL payments" = the complete real payments file).
 * The quirky twin (the default) reproduces each one, scaled by `customers / 96,096`; the fidelity
 * report compares each rate with its target. Counts are over the full release.
 */

/** One published quirk: its count in the release and where the count comes from. */
export interface QuirkRate {
  /** Count in the full release (rows, orders or prefixes, see `unit`). */
  readonly count: number;
  /** What is counted. */
  readonly unit: string;
  /** Source tag. */
  readonly source: string;
}

const q = (count: number, unit: string, source: string): QuirkRate => ({ count, unit, source });

/** Contradictory or missing order timestamps. [CAL §1.1] ([OL] A-06..A-09) */
export const ORDER_QUIRKS = {
  /** Delivered orders without a delivery timestamp (already drawn by the completeness table). */
  deliveredWithoutDate: q(8, "delivered orders", "CAL §1.1"),
  /** Canceled orders with a delivery timestamp (completeness table). */
  canceledWithDate: q(6, "canceled orders", "CAL §1.1"),
  /** Delivered orders handed to the carrier before the purchase. */
  carrierBeforePurchase: q(165, "delivered orders", "CAL §1.1"),
  /** Delivered orders approved after the carrier handover (the 165 above included: [MODEL]). */
  approvedAfterCarrier: q(1350, "delivered orders", "CAL §1.1"),
  /** Delivered orders delivered to the customer before the carrier handover. */
  deliveredBeforeCarrier: q(23, "delivered orders", "CAL §1.1"),
  /** Missing approval / carrier / delivery timestamps over all orders. */
  approvedNull: q(160, "orders", "CAL §1.1"),
  carrierNull: q(1783, "orders", "CAL §1.1"),
  deliveredNull: q(2965, "orders", "CAL §1.1"),
} as const;

/** Review grain and dates. [CAL §4.2] ([OL]) */
export const REVIEW_QUIRKS = {
  /** Review ids on 2 orders (identical fields), and on 3 orders. */
  idsOnTwoOrders: q(764, "review ids", "CAL §4.2"),
  idsOnThreeOrders: q(25, "review ids", "CAL §4.2"),
  /** Distinct review ids (99,224 rows). */
  distinctIds: q(98_410, "review ids", "CAL §0"),
  /** Orders with 2 and with 3 review rows. */
  ordersWithTwo: q(543, "orders", "CAL §4.2"),
  ordersWithThree: q(4, "orders", "CAL §4.2"),
  /** Multi-review orders whose scores disagree (of 547). */
  disagreeing: q(202, "orders", "CAL §4.2"),
  /** Reviews of orders never delivered. */
  ofUndelivered: q(2865, "reviews", "CAL §4.2"),
  /** Reviews answered before the order's delivery to the customer. */
  answeredBeforeDelivery: q(4795, "reviews", "CAL §4.2"),
} as const;

/** Payment quirks. [REAL payments], one order without payment [CAL §0] */
export const PAYMENT_QUIRKS = {
  /** Rows of type `not_defined` (all of value 0, one per order, on canceled orders). */
  notDefined: q(3, "payment rows", "REAL payments"),
  /** Voucher rows of value 0. */
  zeroVouchers: q(6, "payment rows", "REAL payments"),
  /** Credit-card rows with 0 instalments. */
  zeroInstallments: q(2, "payment rows", "REAL payments"),
  /** Orders without any payment row. */
  ordersWithoutPayment: q(1, "orders", "CAL §0"),
} as const;

/** Item and product quirks (drawn by the tidy generator too). [CAL §0, §3.2], [REAL products] */
export const ITEM_QUIRKS = {
  zeroFreight: q(383, "item rows", "CAL §3.2"),
  ordersWithoutItems: q(775, "orders", "CAL §0"),
  productsWithoutCategory: q(610, "products", "REAL products"),
  /** Products in the 2 categories absent from the translation file. */
  productsUntranslated: q(13, "products", "REAL products"),
} as const;

/** Geolocation and city quirks. [CAL §5], [CAL §0] */
export const GEO_QUIRKS = {
  rows: q(1_000_163, "rows", "CAL §5"),
  exactDuplicates: q(261_831, "rows", "CAL §5"),
  prefixes: q(19_015, "prefixes", "CAL §5"),
  /** Prefixes with a single row. */
  singleRowPrefixes: q(1043, "prefixes", "CAL §5"),
  outsidePoints: q(42, "rows", "CAL §5"),
  outsidePrefixes: q(21, "prefixes", "CAL §5"),
  /** Distinct `geolocation_city` spellings (accents, case, variants). */
  citySpellings: q(8011, "spellings", "CAL §5"),
  /** Prefixes with several city spellings. */
  prefixesWithSeveralSpellings: q(8556, "prefixes", "CAL §5"),
  /** Distinct `customer_city` values. */
  customerCities: q(4119, "cities", "CAL §0"),
} as const;

/** Brazil's bounding box (its extreme points, degrees), as the cleaning report uses it. */
export const BRAZIL_BOX = { latMin: -33.7512, latMax: 5.2719, lngMin: -73.9828, lngMax: -34.7931 };

/** Kaggle's unique customers: quirk counts scale with `customers / this`. */
export const QUIRK_SCALE_BASE = 96_096;

/**
 * A quirk's count in a twin of `customers` people: the count scaled, rounded, and at least 1 when
 * the release has one (so every twin, even a small one, carries every quirk).
 */
export function scaledQuirkCount(rate: QuirkRate, customers: number): number {
  if (rate.count === 0) return 0;
  return Math.max(1, Math.round((rate.count * customers) / QUIRK_SCALE_BASE));
}
