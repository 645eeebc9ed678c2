/** The sellers table: state by seller counts, zip prefix by city weight, a popularity. */
import type { Rng } from "../../util/random.js";
import { KAGGLE_SIZES, STATES } from "../calibration.js";
import { cumulative, pickCumulative, uniqueHexIds } from "../sample.js";
import type { TwinData } from "../types.js";
import type { Geography } from "./geography.js";
import { pickPrefix } from "./geography.js";

/** Sellers and what later tables need of them. */
export interface SellerDraw {
  sellers: TwinData["sellers"];
  nSellers: number;
  sellerPrefix: Int32Array;
  sellerCum: Float64Array;
}

/** Draws the sellers (ids from `rIds`, distinct from `taken`). */
export function generateSellers(
  geo: Geography,
  scale: number,
  rSel: Rng,
  rIds: Rng,
  taken: Set<string>,
): SellerDraw {
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

  return { sellers, nSellers, sellerPrefix, sellerCum };
}
