/**
 * Calibration targets of the Olist twin, copied as data with their source tag. Aggregates only: no
 * row of any Olist file is stored here.
 *
 * Source tags:
 * - `[CAL §x]` — `../shared/olist/CALIBRATION.md` (beside the checkout), section x (published statistics of the full
 *   Kaggle release; that file names the original notebook/report behind each figure).
 * - `[REAL payments]`, `[REAL products]`, `[REAL sellers]`, `[REAL translation]` — aggregates computed
 *   once, offline, from the complete original files `olist_order_payments_dataset.csv`,
 *   `olist_products_dataset.csv`, `olist_sellers_dataset.csv`, `product_category_name_translation.csv`
 *   of the Kaggle release `olistbr/brazilian-ecommerce` (CC BY-NC-SA 4.0, Olist).
 * - `[PUBLIC]` — public geographic knowledge (Correios zip ranges, approximate city coordinates).
 * - `[MODEL]` — a modelling choice of the twin, not a measured figure.
 */

/** Kaggle release sizes. [CAL §0] */
export const KAGGLE_SIZES = {
  orders: 99_441,
  uniqueCustomers: 96_096,
  items: 112_650,
  payments: 103_886,
  reviews: 99_224,
  products: 32_951,
  sellers: 3_095,
  geolocationRows: 1_000_163,
  geolocationPrefixes: 19_015,
  customerPrefixes: 14_994,
} as const;

/** Orders per purchase month 2016-09..2018-10, all orders and delivered ones. [CAL §1.2] */
export const ORDERS_BY_MONTH: readonly { month: string; orders: number; delivered: number }[] = [
  { month: "2016-09", orders: 4, delivered: 1 },
  { month: "2016-10", orders: 324, delivered: 265 },
  { month: "2016-11", orders: 0, delivered: 0 },
  { month: "2016-12", orders: 1, delivered: 1 },
  { month: "2017-01", orders: 800, delivered: 750 },
  { month: "2017-02", orders: 1780, delivered: 1653 },
  { month: "2017-03", orders: 2682, delivered: 2546 },
  { month: "2017-04", orders: 2404, delivered: 2303 },
  { month: "2017-05", orders: 3700, delivered: 3546 },
  { month: "2017-06", orders: 3245, delivered: 3135 },
  { month: "2017-07", orders: 4026, delivered: 3872 },
  { month: "2017-08", orders: 4331, delivered: 4193 },
  { month: "2017-09", orders: 4285, delivered: 4150 },
  { month: "2017-10", orders: 4631, delivered: 4478 },
  { month: "2017-11", orders: 7544, delivered: 7289 },
  { month: "2017-12", orders: 5673, delivered: 5513 },
  { month: "2018-01", orders: 7269, delivered: 7069 },
  { month: "2018-02", orders: 6728, delivered: 6555 },
  { month: "2018-03", orders: 7211, delivered: 7003 },
  { month: "2018-04", orders: 6939, delivered: 6798 },
  { month: "2018-05", orders: 6873, delivered: 6749 },
  { month: "2018-06", orders: 6167, delivered: 6099 },
  { month: "2018-07", orders: 6292, delivered: 6159 },
  { month: "2018-08", orders: 6512, delivered: 6351 },
  { month: "2018-09", orders: 16, delivered: 0 },
  { month: "2018-10", orders: 4, delivered: 0 },
];

/** Black Friday 2017 ("single peak day" [CAL §1.2]); the day weights are a [MODEL] choice. */
export const BLACK_FRIDAY = { date: "2017-11-24", dayWeight: 6, followingDaysWeight: 1.6 } as const;

/** Order statuses other than `delivered`, counts over all orders. [CAL §1.1] */
export const UNDELIVERED_STATUS_COUNTS: Readonly<Record<string, number>> = {
  shipped: 1107,
  canceled: 625,
  unavailable: 609,
  invoiced: 314,
  processing: 301,
  created: 5,
  approved: 2,
};

/** All status counts (delivered included). [CAL §1.1] */
export const STATUS_COUNTS: Readonly<Record<string, number>> = {
  delivered: 96_478,
  ...UNDELIVERED_STATUS_COUNTS,
};

/**
 * Timestamp completeness by status: orders with approved / carrier / delivered-to-customer dates
 * present, and the status total. [CAL §1.1]
 */
export const TIMESTAMP_COMPLETENESS: Readonly<
  Record<string, { approved: number; carrier: number; delivered: number; total: number }>
> = {
  delivered: { approved: 96_464, carrier: 96_476, delivered: 96_470, total: 96_478 },
  shipped: { approved: 1107, carrier: 1107, delivered: 0, total: 1107 },
  canceled: { approved: 484, carrier: 75, delivered: 6, total: 625 },
  unavailable: { approved: 609, carrier: 0, delivered: 0, total: 609 },
  invoiced: { approved: 314, carrier: 0, delivered: 0, total: 314 },
  processing: { approved: 301, carrier: 0, delivered: 0, total: 301 },
  created: { approved: 0, carrier: 0, delivered: 0, total: 5 },
  approved: { approved: 2, carrier: 0, delivered: 0, total: 2 },
};

/** Share of orders of each status without any item (775 orders in all). [CAL §0] */
export const NO_ITEM_SHARE_BY_STATUS: Readonly<Record<string, number>> = {
  unavailable: 603 / 609,
  canceled: 164 / 625,
  created: 5 / 5,
  invoiced: 2 / 314,
  shipped: 1 / 1107,
};

/** Orders by weekday of purchase, Monday first. [CAL §1.3] */
export const WEEKDAY_COUNTS_MON_FIRST: readonly number[] = [
  16_196, 15_963, 15_552, 14_761, 14_122, 10_887, 11_960,
];

/** Orders by 6-hour block of purchase (00–06, 06–12, 12–18, 18–24). [CAL §1.3] */
export const HOUR_BLOCK_COUNTS: readonly number[] = [4740, 22_240, 38_361, 34_100];

/**
 * Relative weights of the hours inside each block: peak at 16 h, second peak 20–21 h [CAL §1.3,
 * qualitative]; the exact shape is a [MODEL] choice (hour-by-hour counts were not published).
 */
export const HOUR_SHAPE: readonly number[] = [
  2.4, 1.2, 0.5, 0.3, 0.3, 0.5, 1, 2, 3.6, 5, 6, 6.2, 6.2, 6.4, 6.5, 6.4, 6.8, 6.3, 5.8, 6.2, 6.6,
  6.6, 5.5, 3.6,
];

/** Orders per unique customer: [orders placed, people]. [CAL §2.1] */
export const ORDERS_PER_CUSTOMER: readonly (readonly [number, number])[] = [
  [1, 93_099],
  [2, 2745],
  [3, 203],
  [4, 30],
  [5, 8],
  [6, 6],
  [7, 3],
  [9, 1],
  [17, 1],
];

/** Share of repeat buyers whose orders all fall on one day: 1 − 2,149 / 2,997. [CAL §2] (derived) */
export const REPEAT_SAME_DAY_SHARE = 1 - 2149 / 2997;

/** Items per order among orders with items: [items, orders]; "≥ 10" spread over 10..21. [CAL §3.1] */
export const ITEMS_PER_ORDER: readonly (readonly [number, number])[] = [
  [1, 88_863],
  [2, 7516],
  [3, 1322],
  [4, 505],
  [5, 204],
  [6, 198],
  [7, 22],
  [8, 8],
  [9, 3],
  [10, 10],
  [11, 4],
  [12, 4],
  [14, 2],
  [15, 2],
  [20, 2],
  [21, 1],
];

/** Item price and freight quantiles (R$, 112,650 item rows). [CAL §3.2] */
export const ITEM_VALUE_STATS = {
  price: { mean: 120.653739, q25: 39.9, median: 74.99, q75: 134.9, max: 6735 },
  freight: { mean: 19.99032, q25: 13.08, median: 16.26, q75: 21.15, max: 409.68 },
} as const;

/** Delivery time purchase → customer, whole days, delivered orders. [CAL §1.4] */
export const DELIVERY_DAYS = {
  mean: 12.09,
  q25: 6,
  median: 10,
  q75: 15,
  estimateMean: 23.4,
} as const;

/** Share delivered after the estimated date, timestamp rule. [CAL §1.5] */
export const LATE_SHARE = 7826 / 96_470;

/**
 * Delay bands of delivered orders relative to the estimated date, % of delivered. [CAL §1.5, OLd]
 * `minDays..maxDays` is the delay in calendar days (negative = early).
 */
export const DELAY_BANDS: readonly { minDays: number; maxDays: number; percent: number }[] = [
  { minDays: -40, maxDays: -15, percent: 36.22 },
  { minDays: -14, maxDays: -8, percent: 37.69 },
  { minDays: -7, maxDays: -1, percent: 17.98 },
  { minDays: 0, maxDays: 0, percent: 1.34 },
  { minDays: 1, maxDays: 7, percent: 3.81 },
  { minDays: 8, maxDays: 14, percent: 1.53 },
  { minDays: 15, maxDays: 30, percent: 1.08 },
  { minDays: 31, maxDays: 120, percent: 0.36 },
];

/**
 * % delivered late (calendar-day rule) and mean delivery days by purchase month, delivered orders
 * 2017-01..2018-08. [CAL §1.4, OLd] Used as relative month factors.
 */
export const MONTH_DELIVERY: Readonly<Record<string, { latePct: number; meanDays: number }>> = {
  "2017-01": { latePct: 2.93, meanDays: 12.65 },
  "2017-02": { latePct: 2.96, meanDays: 13.17 },
  "2017-03": { latePct: 4.56, meanDays: 12.95 },
  "2017-04": { latePct: 6.56, meanDays: 14.92 },
  "2017-05": { latePct: 2.99, meanDays: 11.32 },
  "2017-06": { latePct: 3.03, meanDays: 12.01 },
  "2017-07": { latePct: 2.79, meanDays: 11.59 },
  "2017-08": { latePct: 2.91, meanDays: 11.15 },
  "2017-09": { latePct: 4.39, meanDays: 11.85 },
  "2017-10": { latePct: 4.18, meanDays: 11.86 },
  "2017-11": { latePct: 12.4, meanDays: 15.16 },
  "2017-12": { latePct: 7.46, meanDays: 15.39 },
  "2018-01": { latePct: 5.7, meanDays: 14.08 },
  "2018-02": { latePct: 14.13, meanDays: 16.95 },
  "2018-03": { latePct: 18.96, meanDays: 16.3 },
  "2018-04": { latePct: 4.5, meanDays: 11.5 },
  "2018-05": { latePct: 6.56, meanDays: 11.42 },
  "2018-06": { latePct: 1.16, meanDays: 9.24 },
  "2018-07": { latePct: 3.38, meanDays: 8.96 },
  "2018-08": { latePct: 6.19, meanDays: 7.73 },
};

/**
 * % late by customer state, timestamp rule [CAL §1.5, DZ] where published; other states: the
 * calendar-day figure [CAL §1.5, OLd] × 8.11/6.77 (derived); states in neither list: 10 % [MODEL].
 */
export const LATE_PCT_BY_STATE: Readonly<Record<string, number>> = {
  AL: 23.93,
  MA: 19.67,
  PI: 15.97,
  CE: 15.32,
  SE: 15.22,
  BA: 14.04,
  RJ: 13.47,
  TO: 12.77,
  PA: 12.37,
  ES: 12.23,
  SP: 5.38,
  MG: 5.49,
  RS: 7.28,
  PR: 4.84,
  SC: 9.82,
  DF: 6.68,
  GO: 7.77,
  PE: 11.58,
};

/** Review score counts, 1..5. [CAL §4.1] */
export const REVIEW_SCORE_COUNTS: readonly number[] = [11_424, 3151, 8179, 19_142, 57_328];

/** Reviews with a title / a message, by score 1..5. [CAL §4.1] */
export const REVIEW_TEXT_COUNTS: readonly { title: number; message: number }[] = [
  { title: 1873, message: 8745 },
  { title: 478, message: 2145 },
  { title: 824, message: 3557 },
  { title: 1735, message: 5976 },
  { title: 6658, message: 20_554 },
];

/** Mean review score on time vs late (timestamp rule). [CAL §4.3, OL A-11] */
export const SCORE_BY_LATENESS = { onTime: 4.294, late: 2.565 } as const;

/**
 * Score distributions (shares of 1..5) by delivery outcome: [MODEL] mixtures solved by hand so that
 * the band means follow [CAL §1.5] (on-time ≈ 4.3, on the promised day ≈ 4.0, later ≈ 2.3) and the
 * overall shares follow [CAL §4.1].
 */
export const SCORE_SHARES = {
  onTime: [0.064, 0.025, 0.08, 0.207, 0.624],
  promisedDay: [0.15, 0.05, 0.1, 0.2, 0.5],
  late: [0.52, 0.1, 0.11, 0.09, 0.18],
  undelivered: [0.6, 0.08, 0.1, 0.07, 0.15],
} as const;

/** Orders without review / with two reviews (768 of 99,441; 543 + 4 of 98,673). [CAL §0, §4.2] */
export const REVIEW_GRAIN = { noReviewShare: 768 / 99_441, twoReviewShare: 547 / 98_673 } as const;

/** Payment type counts over the 103,886 payment rows. [REAL payments] */
export const PAYMENT_TYPE_COUNTS: Readonly<Record<string, number>> = {
  credit_card: 76_795,
  boleto: 19_784,
  voucher: 5775,
  debit_card: 1529,
  not_defined: 3,
};

/** Type of single-payment orders (96,479 orders). [REAL payments] */
export const SINGLE_PAYMENT_TYPE_COUNTS: Readonly<Record<string, number>> = {
  credit_card: 73_972,
  boleto: 19_784,
  debit_card: 1526,
  voucher: 1194,
};

/** Payment rows per order: [rows, orders]. [REAL payments] */
export const PAYMENT_ROWS_PER_ORDER: readonly (readonly [number, number])[] = [
  [1, 96_479],
  [2, 2382],
  [3, 301],
  [4, 108],
  [5, 52],
  [6, 36],
  [7, 28],
  [8, 11],
  [9, 9],
  [10, 5],
  [11, 8],
  [12, 8],
  [13, 3],
  [14, 2],
  [15, 2],
  [19, 2],
  [21, 1],
  [22, 1],
  [26, 1],
  [29, 1],
];

/** Types present in multi-payment orders: [types, orders]. [REAL payments] */
export const MULTI_PAYMENT_MIX: readonly (readonly [string, number])[] = [
  ["credit_card+voucher", 2245],
  ["voucher", 427],
  ["credit_card", 287],
];

/**
 * Credit-card instalments (index 0..24) of single credit-card payments, by payment value bucket
 * (< 50, 50–100, 100–200, 200–500, 500–1000, ≥ 1000 R$). [REAL payments]
 */
export const INSTALLMENTS_BY_VALUE: readonly { upTo: number; counts: readonly number[] }[] = [
  { upTo: 50, counts: [0, 7016, 1774, 1606, 1216, 1, 0, 0, 1, 0, 1] },
  { upTo: 100, counts: [1, 9472, 3451, 3004, 1665, 1676, 1180, 664, 638, 314] },
  {
    upTo: 200,
    counts: [
      1, 5371, 5359, 3813, 2165, 1980, 1441, 543, 1297, 150, 2035, 23, 67, 15, 10, 19, 3, 8, 5,
    ],
  },
  {
    upTo: 500,
    counts: [
      0, 1625, 1376, 1617, 1689, 1246, 955, 299, 1639, 136, 1879, 0, 41, 1, 2, 38, 1, 0, 12, 0, 11,
      3, 1, 1, 6,
    ],
  },
  {
    upTo: 1000,
    counts: [
      0, 200, 109, 175, 177, 178, 200, 71, 466, 28, 845, 0, 13, 0, 0, 8, 1, 0, 5, 0, 3, 0, 0, 0, 7,
    ],
  },
  {
    upTo: Infinity,
    counts: [0, 73, 30, 27, 43, 53, 61, 19, 148, 5, 439, 0, 8, 0, 0, 7, 0, 0, 4, 0, 3, 0, 0, 0, 3],
  },
];

/** payment_value quantiles over the 103,886 payment rows, and the mean. [REAL payments] */
export const PAYMENT_VALUE_QUANTILES = {
  p01: 6.69,
  p05: 26.11,
  p10: 35.0,
  p25: 56.79,
  p50: 100.0,
  p75: 171.84,
  p90: 297.27,
  p95: 437.63,
  p99: 1039.92,
  mean: 154.1,
} as const;

/** Voucher payment_value quartiles. [REAL payments] */
export const VOUCHER_VALUE = { q25: 18.04, median: 39.28, q75: 80.0 } as const;

/**
 * Product categories: Portuguese name, English name (`null` = absent from the translation file),
 * number of products [REAL products, REAL translation], median weight in grams [REAL products].
 * The empty name is the 610 products without category. The order of the translation file is kept
 * by `translationOrder` (`-1` = not in the file).
 */
export interface CategoryCalibration {
  readonly name: string;
  readonly english: string | null;
  readonly products: number;
  readonly medianWeightG: number;
  readonly translationOrder: number;
}

const CATEGORY_ROWS: readonly (readonly [string, string | null, number, number])[] = [
  ["beleza_saude", "health_beauty", 2444, 523],
  ["informatica_acessorios", "computers_accessories", 1639, 400],
  ["automotivo", "auto", 1900, 900],
  ["cama_mesa_banho", "bed_bath_table", 3029, 1250],
  ["moveis_decoracao", "furniture_decor", 2657, 1200],
  ["esporte_lazer", "sports_leisure", 2867, 750],
  ["perfumaria", "perfumery", 868, 400],
  ["utilidades_domesticas", "housewares", 2335, 1050],
  ["telefonia", "telephony", 1134, 200],
  ["relogios_presentes", "watches_gifts", 1329, 350],
  ["alimentos_bebidas", "food_drink", 104, 600],
  ["bebes", "baby", 919, 850],
  ["papelaria", "stationery", 849, 650],
  ["tablets_impressao_imagem", "tablets_printing_image", 9, 300],
  ["brinquedos", "toys", 1411, 700],
  ["telefonia_fixa", "fixed_telephony", 116, 414],
  ["ferramentas_jardim", "garden_tools", 753, 1130],
  ["fashion_bolsas_e_acessorios", "fashion_bags_accessories", 849, 200],
  ["eletroportateis", "small_appliances", 231, 1700],
  ["consoles_games", "consoles_games", 317, 350],
  ["audio", "audio", 58, 400],
  ["fashion_calcados", "fashion_shoes", 173, 900],
  ["cool_stuff", "cool_stuff", 789, 1100],
  ["malas_acessorios", "luggage_accessories", 349, 950],
  ["climatizacao", "air_conditioning", 124, 3371],
  ["construcao_ferramentas_construcao", "construction_tools_construction", 400, 1450],
  [
    "moveis_cozinha_area_de_servico_jantar_e_jardim",
    "kitchen_dining_laundry_garden_furniture",
    94,
    9950,
  ],
  ["construcao_ferramentas_jardim", "costruction_tools_garden", 88, 1038],
  ["fashion_roupa_masculina", "fashion_male_clothing", 95, 500],
  ["pet_shop", "pet_shop", 719, 850],
  ["moveis_escritorio", "office_furniture", 309, 11_600],
  ["market_place", "market_place", 104, 538],
  ["eletronicos", "electronics", 517, 250],
  ["eletrodomesticos", "home_appliances", 370, 350],
  ["artigos_de_festas", "party_supplies", 26, 1350],
  ["casa_conforto", "home_confort", 111, 2200],
  ["construcao_ferramentas_ferramentas", "costruction_tools_tools", 39, 800],
  ["agro_industria_e_comercio", "agro_industry_and_commerce", 74, 2682],
  ["moveis_colchao_e_estofado", "furniture_mattress_and_upholstery", 10, 8675],
  ["livros_tecnicos", "books_technical", 123, 700],
  ["casa_construcao", "home_construction", 225, 1000],
  ["instrumentos_musicais", "musical_instruments", 289, 1050],
  ["moveis_sala", "furniture_living_room", 156, 6150],
  ["construcao_ferramentas_iluminacao", "construction_tools_lights", 78, 975],
  ["industria_comercio_e_negocios", "industry_commerce_and_business", 68, 4225],
  ["alimentos", "food", 82, 542],
  ["artes", "art", 55, 700],
  ["moveis_quarto", "furniture_bedroom", 45, 10_600],
  ["livros_interesse_geral", "books_general_interest", 216, 500],
  ["construcao_ferramentas_seguranca", "construction_tools_safety", 91, 600],
  ["fashion_underwear_e_moda_praia", "fashion_underwear_beach", 53, 300],
  ["fashion_esporte", "fashion_sport", 19, 250],
  ["sinalizacao_e_seguranca", "signaling_and_security", 93, 575],
  ["pcs", "computers", 30, 7205],
  ["artigos_de_natal", "christmas_supplies", 65, 550],
  ["fashion_roupa_feminina", "fashio_female_clothing", 27, 500],
  ["eletrodomesticos_2", "home_appliances_2", 90, 9050],
  ["livros_importados", "books_imported", 31, 650],
  ["bebidas", "drinks", 81, 1300],
  ["cine_foto", "cine_photo", 28, 375],
  ["la_cuisine", "la_cuisine", 10, 2575],
  ["musica", "music", 27, 250],
  ["casa_conforto_2", "home_comfort_2", 5, 700],
  ["portateis_casa_forno_e_cafe", "small_appliances_home_oven_and_coffee", 31, 1600],
  ["cds_dvds_musicais", "cds_dvds_musicals", 1, 550],
  ["dvds_blu_ray", "dvds_blu_ray", 48, 200],
  ["flores", "flowers", 14, 600],
  ["artes_e_artesanato", "arts_and_craftmanship", 19, 500],
  ["fraldas_higiene", "diapers_and_hygiene", 12, 575],
  ["fashion_roupa_infanto_juvenil", "fashion_childrens_clothes", 5, 300],
  ["seguros_e_servicos", "security_and_services", 2, 812],
  // Two categories of the products file that the translation file lacks. [CAL §3.3]
  ["pc_gamer", null, 3, 800],
  ["portateis_cozinha_e_preparadores_de_alimentos", null, 10, 1025],
  // Products without category. [REAL products]
  ["", null, 610, 700],
];

/** The 74 product category values of the products file (73 names + empty). */
export const CATEGORIES: readonly CategoryCalibration[] = CATEGORY_ROWS.map(
  ([name, english, products, medianWeightG], i) => ({
    name,
    english,
    products,
    medianWeightG,
    translationOrder: english === null ? -1 : i,
  }),
);

/**
 * Item rows and revenue of the top-10 categories by revenue [CAL §3.3, DZ]; `office_furniture`,
 * `computers` revenue per order [CAL §3.3, OLd] and [MODEL] medians elsewhere drive the price level.
 */
export const CATEGORY_ITEMS: Readonly<Record<string, { items: number; revenue: number }>> = {
  beleza_saude: { items: 9670, revenue: 1_441_248.07 },
  relogios_presentes: { items: 5991, revenue: 1_305_541.61 },
  cama_mesa_banho: { items: 11_115, revenue: 1_241_681.72 },
  esporte_lazer: { items: 8641, revenue: 1_156_656.48 },
  informatica_acessorios: { items: 7827, revenue: 1_059_272.4 },
  moveis_decoracao: { items: 8334, revenue: 902_511.79 },
  utilidades_domesticas: { items: 6964, revenue: 778_397.77 },
  cool_stuff: { items: 3796, revenue: 719_329.95 },
  automotivo: { items: 4235, revenue: 685_384.32 },
  ferramentas_jardim: { items: 4347, revenue: 584_219.21 },
};

/** Product attribute quantiles p0, p5, p25, p50, p75, p95, p100. [REAL products] */
export const PRODUCT_ATTRIBUTE_QUANTILES: Readonly<Record<string, readonly number[]>> = {
  product_name_lenght: [5, 29, 42, 51, 57, 60, 76],
  product_description_lenght: [4, 150, 339, 595, 972, 2063, 3992],
  product_photos_qty: [1, 1, 1, 1, 3, 6, 20],
  product_weight_g: [0, 105, 300, 700, 1900, 10_850, 40_425],
  product_length_cm: [7, 16, 18, 25, 38, 65, 105],
  product_height_cm: [2, 3, 8, 13, 21, 44, 105],
  product_width_cm: [6, 11, 15, 20, 30, 47, 118],
};

/** Probabilities of the quantile table above. */
export const ATTRIBUTE_PROBS: readonly number[] = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

/**
 * One Brazilian state: customers [CAL §2.2], sellers [REAL sellers], zip prefix ranges [PUBLIC]
 * and a few real cities (name as in the Olist files: lower case, no accents) with approximate
 * coordinates and a [MODEL] weight (capital share from [CAL §2.2] top cities where published).
 */
export interface StateCalibration {
  readonly code: string;
  readonly customers: number;
  readonly sellers: number;
  readonly zipRanges: readonly (readonly [number, number])[];
  readonly cities: readonly (readonly [name: string, weight: number, lat: number, lng: number])[];
}

export const STATES: readonly StateCalibration[] = [
  {
    code: "SP",
    customers: 41_746,
    sellers: 1849,
    zipRanges: [[1000, 19999]],
    cities: [
      ["sao paulo", 37, -23.55, -46.63],
      ["guarulhos", 5, -23.46, -46.53],
      ["sao bernardo do campo", 3.5, -23.69, -46.56],
      ["santo andre", 3.5, -23.66, -46.53],
      ["osasco", 3.5, -23.53, -46.79],
      ["mogi das cruzes", 2.5, -23.52, -46.19],
      ["santos", 3.5, -23.96, -46.33],
      ["sao jose dos campos", 3.5, -23.18, -45.88],
      ["sorocaba", 3.5, -23.5, -47.46],
      ["jundiai", 3, -23.19, -46.88],
      ["campinas", 6, -22.91, -47.06],
      ["piracicaba", 2.5, -22.73, -47.65],
      ["ribeirao preto", 4, -21.18, -47.81],
      ["franca", 2, -20.54, -47.4],
      ["sao jose do rio preto", 3, -20.82, -49.38],
      ["bauru", 2.5, -22.31, -49.06],
      ["ibitinga", 0.5, -21.76, -48.83],
      ["presidente prudente", 2, -22.12, -51.39],
    ],
  },
  {
    code: "RJ",
    customers: 12_852,
    sellers: 171,
    zipRanges: [[20000, 28999]],
    cities: [
      ["rio de janeiro", 54, -22.91, -43.2],
      ["niteroi", 7, -22.88, -43.1],
      ["sao goncalo", 6, -22.83, -43.05],
      ["duque de caxias", 6, -22.79, -43.31],
      ["nova iguacu", 6, -22.76, -43.45],
      ["petropolis", 5, -22.51, -43.18],
      ["volta redonda", 5, -22.52, -44.1],
      ["campos dos goytacazes", 5, -21.75, -41.32],
      ["macae", 6, -22.37, -41.79],
    ],
  },
  {
    code: "MG",
    customers: 11_635,
    sellers: 244,
    zipRanges: [[30000, 39999]],
    cities: [
      ["belo horizonte", 24, -19.92, -43.94],
      ["contagem", 6, -19.93, -44.05],
      ["betim", 5, -19.97, -44.2],
      ["juiz de fora", 9, -21.76, -43.35],
      ["divinopolis", 6, -20.14, -44.89],
      ["pocos de caldas", 6, -21.79, -46.56],
      ["uberlandia", 9, -18.92, -48.28],
      ["uberaba", 6, -19.75, -47.93],
      ["ipatinga", 7, -19.47, -42.54],
      ["governador valadares", 7, -18.85, -41.95],
      ["montes claros", 8, -16.73, -43.86],
      ["teofilo otoni", 7, -17.86, -41.5],
    ],
  },
  {
    code: "BA",
    customers: 3380,
    sellers: 19,
    zipRanges: [[40000, 48999]],
    cities: [
      ["salvador", 35, -12.97, -38.5],
      ["lauro de freitas", 8, -12.9, -38.33],
      ["feira de santana", 15, -12.27, -38.97],
      ["vitoria da conquista", 12, -14.86, -40.84],
      ["ilheus", 10, -14.79, -39.05],
      ["juazeiro", 10, -9.41, -40.5],
      ["barreiras", 10, -12.15, -45.0],
    ],
  },
  {
    code: "SE",
    customers: 350,
    sellers: 2,
    zipRanges: [[49000, 49999]],
    cities: [
      ["aracaju", 60, -10.91, -37.07],
      ["lagarto", 20, -10.92, -37.65],
      ["itabaiana", 20, -10.69, -37.43],
    ],
  },
  {
    code: "PE",
    customers: 1652,
    sellers: 9,
    zipRanges: [[50000, 56999]],
    cities: [
      ["recife", 40, -8.05, -34.88],
      ["jaboatao dos guararapes", 15, -8.11, -35.01],
      ["olinda", 10, -8.01, -34.86],
      ["caruaru", 15, -8.28, -35.98],
      ["petrolina", 20, -9.39, -40.5],
    ],
  },
  {
    code: "AL",
    customers: 413,
    sellers: 0,
    zipRanges: [[57000, 57999]],
    cities: [
      ["maceio", 65, -9.67, -35.74],
      ["arapiraca", 35, -9.75, -36.66],
    ],
  },
  {
    code: "PB",
    customers: 536,
    sellers: 6,
    zipRanges: [[58000, 58999]],
    cities: [
      ["joao pessoa", 55, -7.12, -34.86],
      ["campina grande", 30, -7.23, -35.88],
      ["patos", 15, -7.02, -37.28],
    ],
  },
  {
    code: "RN",
    customers: 485,
    sellers: 5,
    zipRanges: [[59000, 59999]],
    cities: [
      ["natal", 60, -5.79, -35.21],
      ["parnamirim", 15, -5.92, -35.26],
      ["mossoro", 25, -5.19, -37.34],
    ],
  },
  {
    code: "CE",
    customers: 1336,
    sellers: 13,
    zipRanges: [[60000, 63999]],
    cities: [
      ["fortaleza", 55, -3.73, -38.53],
      ["caucaia", 10, -3.74, -38.65],
      ["sobral", 15, -3.69, -40.35],
      ["juazeiro do norte", 20, -7.21, -39.31],
    ],
  },
  {
    code: "PI",
    customers: 495,
    sellers: 1,
    zipRanges: [[64000, 64999]],
    cities: [
      ["teresina", 70, -5.09, -42.8],
      ["parnaiba", 30, -2.9, -41.78],
    ],
  },
  {
    code: "MA",
    customers: 747,
    sellers: 1,
    zipRanges: [[65000, 65999]],
    cities: [
      ["sao luis", 60, -2.53, -44.3],
      ["imperatriz", 25, -5.53, -47.49],
      ["caxias", 15, -4.86, -43.36],
    ],
  },
  {
    code: "PA",
    customers: 975,
    sellers: 1,
    zipRanges: [[66000, 68899]],
    cities: [
      ["belem", 55, -1.46, -48.5],
      ["ananindeua", 15, -1.37, -48.37],
      ["santarem", 15, -2.44, -54.71],
      ["maraba", 15, -5.37, -49.12],
    ],
  },
  {
    code: "AP",
    customers: 68,
    sellers: 0,
    zipRanges: [[68900, 68999]],
    cities: [
      ["macapa", 80, 0.03, -51.07],
      ["santana", 20, -0.06, -51.17],
    ],
  },
  {
    code: "AM",
    customers: 148,
    sellers: 1,
    zipRanges: [
      [69000, 69299],
      [69400, 69899],
    ],
    cities: [
      ["manaus", 85, -3.12, -60.02],
      ["parintins", 15, -2.63, -56.74],
    ],
  },
  {
    code: "RR",
    customers: 46,
    sellers: 0,
    zipRanges: [[69300, 69399]],
    cities: [["boa vista", 100, 2.82, -60.67]],
  },
  {
    code: "AC",
    customers: 81,
    sellers: 1,
    zipRanges: [[69900, 69999]],
    cities: [
      ["rio branco", 80, -9.97, -67.81],
      ["cruzeiro do sul", 20, -7.63, -72.67],
    ],
  },
  {
    code: "DF",
    customers: 2140,
    sellers: 30,
    zipRanges: [
      [70000, 72799],
      [73000, 73699],
    ],
    cities: [["brasilia", 100, -15.79, -47.88]],
  },
  {
    code: "GO",
    customers: 2020,
    sellers: 40,
    zipRanges: [
      [72800, 72999],
      [73700, 76799],
    ],
    cities: [
      ["valparaiso de goias", 6, -16.07, -47.98],
      ["formosa", 4, -15.54, -47.33],
      ["goiania", 50, -16.69, -49.26],
      ["aparecida de goiania", 15, -16.82, -49.24],
      ["anapolis", 15, -16.33, -48.95],
      ["rio verde", 10, -17.79, -50.92],
    ],
  },
  {
    code: "RO",
    customers: 253,
    sellers: 2,
    zipRanges: [[76800, 76999]],
    cities: [
      ["porto velho", 60, -8.76, -63.9],
      ["ji-parana", 40, -10.88, -61.95],
    ],
  },
  {
    code: "TO",
    customers: 280,
    sellers: 0,
    zipRanges: [[77000, 77999]],
    cities: [
      ["palmas", 60, -10.18, -48.33],
      ["araguaina", 40, -7.19, -48.21],
    ],
  },
  {
    code: "MT",
    customers: 907,
    sellers: 4,
    zipRanges: [[78000, 78899]],
    cities: [
      ["cuiaba", 50, -15.6, -56.1],
      ["varzea grande", 15, -15.65, -56.13],
      ["rondonopolis", 20, -16.47, -54.64],
      ["sinop", 15, -11.86, -55.5],
    ],
  },
  {
    code: "MS",
    customers: 715,
    sellers: 5,
    zipRanges: [[79000, 79999]],
    cities: [
      ["campo grande", 65, -20.47, -54.62],
      ["dourados", 35, -22.22, -54.81],
    ],
  },
  {
    code: "PR",
    customers: 5045,
    sellers: 349,
    zipRanges: [[80000, 87999]],
    cities: [
      ["curitiba", 30, -25.43, -49.27],
      ["sao jose dos pinhais", 6, -25.53, -49.2],
      ["ponta grossa", 9, -25.09, -50.16],
      ["guarapuava", 7, -25.39, -51.46],
      ["londrina", 14, -23.31, -51.16],
      ["maringa", 12, -23.42, -51.94],
      ["cascavel", 11, -24.96, -53.46],
      ["foz do iguacu", 11, -25.55, -54.59],
    ],
  },
  {
    code: "SC",
    customers: 3637,
    sellers: 190,
    zipRanges: [[88000, 89999]],
    cities: [
      ["florianopolis", 22, -27.6, -48.55],
      ["sao jose", 8, -27.6, -48.63],
      ["itajai", 10, -26.91, -48.66],
      ["balneario camboriu", 8, -26.99, -48.63],
      ["criciuma", 10, -28.68, -49.37],
      ["joinville", 16, -26.3, -48.85],
      ["blumenau", 14, -26.92, -49.07],
      ["chapeco", 12, -27.1, -52.62],
    ],
  },
  {
    code: "RS",
    customers: 5466,
    sellers: 129,
    zipRanges: [[90000, 99999]],
    cities: [
      ["porto alegre", 30, -30.03, -51.23],
      ["canoas", 8, -29.92, -51.18],
      ["novo hamburgo", 8, -29.68, -51.13],
      ["caxias do sul", 14, -29.17, -51.18],
      ["pelotas", 12, -31.77, -52.34],
      ["santa maria", 14, -29.69, -53.81],
      ["passo fundo", 14, -28.26, -52.41],
    ],
  },
  {
    code: "ES",
    customers: 2033,
    sellers: 23,
    zipRanges: [[29000, 29999]],
    cities: [
      ["vitoria", 28, -20.32, -40.34],
      ["vila velha", 25, -20.33, -40.29],
      ["serra", 22, -20.13, -40.31],
      ["cachoeiro de itapemirim", 25, -20.85, -41.11],
    ],
  },
];
