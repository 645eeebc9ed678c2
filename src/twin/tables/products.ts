/** The products table: category, attributes, list price, owning seller, popularity. */
import type { Rng } from "../../util/random.js";
import {
  ATTRIBUTE_PROBS,
  CATEGORIES,
  CATEGORY_ITEMS,
  KAGGLE_SIZES,
  PRODUCT_ATTRIBUTE_QUANTILES,
} from "../calibration.js";
import { cumulative, pickCumulative, quantileAt, uniqueHexIds } from "../sample.js";
import type { TwinData } from "../types.js";
import { sum, lognormal } from "./shared.js";

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

/** Products and what later tables need of them. */
export interface ProductDraw {
  products: TwinData["products"];
  nProducts: number;
  productSeller: Int32Array;
  productPriceCents: Int32Array;
  productWeightKg: Float64Array;
  productCum: Float64Array;
  /** Products of each seller (CSR): `sellerProducts[sellerStart[s] .. sellerStart[s + 1])`. */
  sellerStart: Int32Array;
  sellerProducts: Int32Array;
}

/** Draws the products (every seller owns at least one). */
export function generateProducts(
  nSellers: number,
  sellerCum: Float64Array,
  scale: number,
  rProd: Rng,
  rIds: Rng,
  taken: Set<string>,
): ProductDraw {
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

  return {
    products,
    nProducts,
    productSeller,
    productPriceCents,
    productWeightKg,
    productCum,
    sellerStart,
    sellerProducts,
  };
}
