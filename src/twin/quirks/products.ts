/**
 * Product quirks topped up to their scaled count (the category draw of a small twin may miss
 * them): products without a category (and without name, description and photo counts), and
 * products in the categories absent from the translation file.
 */
import type { Rng } from "../../util/random.js";
import { CATEGORIES } from "../calibration.js";
import type { TwinData } from "../types.js";
import { ITEM_QUIRKS, scaledQuirkCount } from "../quirkRates.js";
import { shuffledWhere } from "./pick.js";

const UNTRANSLATED = new Set(
  CATEGORIES.filter((c) => c.english === null && c.name !== "").map((c) => c.name),
);

/** The products with the category quirks topped up (a new table). */
export function applyProductQuirks(
  products: TwinData["products"],
  customers: number,
  rng: Rng,
): TwinData["products"] {
  const category = [...products.category];
  const attributes = products.attributes.map((a) => Float64Array.from(a));
  const n = category.length;
  const normal = shuffledWhere(n, (i) => category[i] !== "" && !UNTRANSLATED.has(category[i]), rng);
  let k = 0;
  const untranslated = [...UNTRANSLATED];
  const haveU = category.filter((c) => UNTRANSLATED.has(c)).length;
  const wantU = scaledQuirkCount(ITEM_QUIRKS.productsUntranslated, customers);
  for (let j = haveU; j < wantU && k < normal.length; j++) {
    category[normal[k++]] = untranslated[j % untranslated.length];
  }
  const haveNone = category.filter((c) => c === "").length;
  const wantNone = scaledQuirkCount(ITEM_QUIRKS.productsWithoutCategory, customers);
  for (let j = haveNone; j < wantNone && k < normal.length; j++) {
    const i = normal[k++];
    category[i] = "";
    for (let a = 0; a < 3; a++) attributes[a][i] = NaN;
  }
  return { id: products.id, category, attributes };
}
