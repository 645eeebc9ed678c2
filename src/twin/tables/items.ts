/** The order items: products per order (every product sold once), then seller, price, freight. */
import type { Rng } from "../../util/random.js";
import { ITEMS_PER_ORDER, NO_ITEM_SHARE_BY_STATUS } from "../calibration.js";
import { haversineKm, pickCumulative } from "../sample.js";
import { STATUSES } from "../types.js";
import type { TwinData } from "../types.js";
import type { Geography } from "./geography.js";
import type { PeopleDraw } from "./people.js";
import type { ProductDraw } from "./products.js";
import { DAY, lognormal, tableSampler } from "./shared.js";

/** Item rows: order, item number and product of each. */
export interface ItemRows {
  itemOrder: number[];
  itemNo: number[];
  itemProduct: number[];
  nItems: number;
}

/** Draws the items of each order (none for some statuses, as in the release). */
export function drawItemRows(status: Uint8Array, prod: ProductDraw, rItem: Rng): ItemRows {
  const nOrders = status.length;
  const { nProducts, productCum, productSeller, sellerStart, sellerProducts } = prod;
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

  return { itemOrder, itemNo, itemProduct, nItems };
}

/** Seller, shipping limit, price and distance-based freight of each item, and each order's total. */
export function priceItems(
  rows: ItemRows,
  prod: ProductDraw,
  sellerPrefix: Int32Array,
  geo: Geography,
  peopleDraw: PeopleDraw,
  approved: Float64Array,
  rItem: Rng,
): { item: TwinData["items"]; orderItemCents: Float64Array } {
  const { itemOrder, itemNo, itemProduct, nItems } = rows;
  const { productSeller, productPriceCents, productWeightKg } = prod;
  const { purchase, person, personPrefix } = peopleDraw;
  const nOrders = purchase.length;
  const personLat = (p: number) => geo.prefixLat[personPrefix[p]];
  const personLng = (p: number) => geo.prefixLng[personPrefix[p]];
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

  return { item, orderItemCents };
}
