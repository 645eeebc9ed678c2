/**
 * Geolocation and city quirks of the release [CAL §5, §0]: the full-size table (~52 rows per zip
 * prefix, a heavy tail, ~1,000 prefixes with a single row), exact duplicate rows at the published
 * share, 42 points outside Brazil's bounding box in 21 prefixes, several spellings of a city
 * (accents, capitals) and a long tail of small towns, so customers live in ~4,119 cities.
 */
import type { Rng } from "../../util/random.js";
import { STATES } from "../calibration.js";
import type { TwinData } from "../types.js";
import { BRAZIL_BOX, GEO_QUIRKS, QUIRK_SCALE_BASE, scaledQuirkCount } from "../quirkRates.js";
import { accentedSpelling, capitalised, townName } from "./cityNames.js";
import { shuffleInPlace } from "./pick.js";

/** [MODEL] Share of a non-capital city's prefixes that keep the city's name (the rest: towns). */
const KEEP_CITY_SHARE = 0.25;
/** [MODEL] Towns get 1 + geometric(p) consecutive prefixes. */
const TOWN_MORE_PREFIX_P = 0.47;
/**
 * [MODEL] Share of towns spelt in several ways, share of their prefixes whose rows mix spellings,
 * and the share of those rows spelt otherwise.
 */
const VARIANT_TOWN_SHARE = 0.78;
const VARIANT_PREFIX_SHARE = 0.57;
const VARIANT_ROW_SHARE = 0.25;
/** [MODEL] Share of a mixing prefix's rows with capital initials (besides the accented ones). */
const CAPITALISED_ROW_SHARE = 0.012;
/** Far-away places of the outside points: latitude, longitude (Europe, North America, Asia…). */
const FAR_POINTS: readonly (readonly [number, number])[] = [
  [41.15, -8.61],
  [38.72, -9.14],
  [45.07, 7.69],
  [40.42, -3.7],
  [25.76, -80.19],
  [19.43, -99.13],
  [31.23, 121.1],
  [-22.9, -101.47],
  [14.6, -61.1],
  [-12.05, -77.04],
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The twin's geolocation, people and sellers tables with the geolocation and city quirks. */
export function applyGeolocationQuirks(
  twin: Pick<TwinData, "geolocation" | "people" | "sellers">,
  customers: number,
  rng: Rng,
): Pick<TwinData, "geolocation" | "people" | "sellers"> {
  const g = twin.geolocation;
  // The prefix table, in the tidy generator's order (by state, then city slices).
  const pIndex = new Map<string, number>();
  const pName: string[] = [];
  const pCity: string[] = [];
  const pState: string[] = [];
  const pLat: number[] = [];
  const pLng: number[] = [];
  for (let i = 0; i < g.prefix.length; i++) {
    if (pIndex.has(g.prefix[i])) continue;
    pIndex.set(g.prefix[i], pName.length);
    pName.push(g.prefix[i]);
    pCity.push(g.city[i]);
    pState.push(g.state[i]);
    // Inside Brazil's box (coastal prefixes of the tidy twin can stray into the sea beyond it).
    pLat.push(clamp(g.lat[i], BRAZIL_BOX.latMin + 0.1, BRAZIL_BOX.latMax - 0.1));
    pLng.push(clamp(g.lng[i], BRAZIL_BOX.lngMin + 0.1, BRAZIL_BOX.lngMax - 0.1));
  }
  const nPrefixes = pName.length;
  const capital = new Set(STATES.map((s) => `${s.code}|${s.cities[0][0]}`));

  // Towns: a share of every non-capital city's prefixes keep its name, the rest form towns.
  const realNames = new Set(STATES.flatMap((s) => s.cities.map((c) => c[0])));
  const taken = new Set(realNames);
  const town: string[] = new Array(nPrefixes);
  for (let from = 0; from < nPrefixes;) {
    let to = from + 1;
    while (to < nPrefixes && pCity[to] === pCity[from] && pState[to] === pState[from]) to++;
    const keep = capital.has(`${pState[from]}|${pCity[from]}`)
      ? to - from
      : Math.ceil(KEEP_CITY_SHARE * (to - from));
    for (let k = from; k < from + keep; k++) town[k] = pCity[from];
    for (let k = from + keep; k < to;) {
      const name = townName(rng, taken);
      let size = 1;
      while (rng.next() < TOWN_MORE_PREFIX_P) size++;
      for (let j = 0; j < size && k < to; j++, k++) town[k] = name;
    }
    from = to;
  }
  const townOf = (prefix: string) => town[pIndex.get(prefix) ?? -1] ?? "";
  const people = { ...twin.people, city: twin.people.prefix.map(townOf) };
  const sellers = { ...twin.sellers, city: twin.sellers.prefix.map(townOf) };

  // Rows per prefix: a heavy-tailed count scaled to the release's total, some single rows.
  const scale = customers / QUIRK_SCALE_BASE;
  const totalRows = Math.round(GEO_QUIRKS.rows.count * scale);
  const singleShare = GEO_QUIRKS.singleRowPrefixes.count / GEO_QUIRKS.prefixes.count;
  const weight = new Float64Array(nPrefixes);
  let wSum = 0;
  let singles = 0;
  for (let p = 0; p < nPrefixes; p++) {
    if (rng.next() < singleShare) {
      weight[p] = -1;
      singles++;
    } else {
      weight[p] = Math.exp(1.1 * rng.normal());
      wSum += weight[p];
    }
  }
  const factor = (totalRows - singles) / wSum;
  const distinctShare =
    (GEO_QUIRKS.rows.count - GEO_QUIRKS.exactDuplicates.count) / GEO_QUIRKS.rows.count;

  // Outside points: 2 extra rows in each of a few prefixes.
  const nOutside = scaledQuirkCount(GEO_QUIRKS.outsidePoints, customers);
  const nOutsidePrefixes = Math.min(
    nPrefixes,
    scaledQuirkCount(GEO_QUIRKS.outsidePrefixes, customers),
  );
  const outsideAt = new Int32Array(nPrefixes);
  const chosen = shuffleInPlace(
    Array.from({ length: nPrefixes }, (_, i) => i),
    rng,
  ).slice(0, nOutsidePrefixes);
  for (let j = 0; j < nOutside; j++) outsideAt[chosen[j % chosen.length]]++;

  const mixingTown = new Map<string, boolean>();
  const prefix: string[] = [];
  const lat: number[] = [];
  const lng: number[] = [];
  const city: string[] = [];
  const state: string[] = [];
  for (let p = 0; p < nPrefixes; p++) {
    const rows = weight[p] < 0 ? 1 : Math.max(2, Math.round(weight[p] * factor));
    const distinct = Math.max(1, Math.round(rows * distinctShare));
    const base = town[p];
    const capital = capitalised(base);
    const variant = accentedSpelling(base) ?? capital;
    let townMixes = mixingTown.get(base);
    if (townMixes === undefined) {
      // The real cities' names (big towns) always have variant spellings, as in the release.
      townMixes = realNames.has(base) || rng.next() < VARIANT_TOWN_SHARE;
      mixingTown.set(base, townMixes);
    }
    const mixes = townMixes && rng.next() < VARIANT_PREFIX_SHARE;
    const start = lat.length;
    for (let k = 0; k < distinct; k++) {
      // A mixing prefix spells some rows with accents, or with capitals when the name has none.
      const u = mixes ? rng.next() : 1;
      const name = u < VARIANT_ROW_SHARE ? variant : u > 1 - CAPITALISED_ROW_SHARE ? capital : base;
      prefix.push(pName[p]);
      lat.push(pLat[p] + clamp(0.01 * rng.normal(), -0.05, 0.05));
      lng.push(pLng[p] + clamp(0.01 * rng.normal(), -0.05, 0.05));
      city.push(name);
      state.push(pState[p]);
    }
    // Exact duplicates of the prefix's own rows.
    for (let k = distinct; k < rows; k++) {
      const src = start + rng.int(distinct);
      prefix.push(pName[p]);
      lat.push(lat[src]);
      lng.push(lng[src]);
      city.push(city[src]);
      state.push(pState[p]);
    }
    for (let k = 0; k < outsideAt[p]; k++) {
      const [fLat, fLng] = FAR_POINTS[rng.int(FAR_POINTS.length)];
      prefix.push(pName[p]);
      lat.push(fLat + 0.5 * rng.normal());
      lng.push(fLng + 0.5 * rng.normal());
      city.push(base);
      state.push(pState[p]);
    }
    // Rows of a prefix in random order (the release is only roughly sorted).
    for (let i = lat.length - 1; i > start; i--) {
      const j = start + rng.int(i - start + 1);
      [lat[i], lat[j]] = [lat[j], lat[i]];
      [lng[i], lng[j]] = [lng[j], lng[i]];
      [city[i], city[j]] = [city[j], city[i]];
    }
  }
  return {
    geolocation: { prefix, lat: Float64Array.from(lat), lng: Float64Array.from(lng), city, state },
    people,
    sellers,
  };
}
