/** Geography of the twin: zip prefixes by state and city, and the geolocation table. */
import type { Rng } from "../../util/random.js";
import { KAGGLE_SIZES, STATES } from "../calibration.js";
import { cumulative, pickCumulative } from "../sample.js";
import type { TwinData } from "../types.js";
import { sum } from "./shared.js";

// ---------------------------------------------------------------------------------------------
// Geography

export interface Geography {
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

/** Zip prefixes per state, sliced among the state's real cities, with centres and popularity. */
export function buildGeography(scale: number, rng: Rng): Geography {
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
export function pickPrefix(geo: Geography, stateIndex: number, rng: Rng): number {
  const ci = pickCumulative(geo.cityCum[stateIndex], rng);
  const r = geo.cityRanges[stateIndex][ci];
  return pickCumulative(geo.popularityCum, rng, r.from, r.to);
}

/** The tidy geolocation rows: a few jittered readings per prefix. */
export function buildGeolocationRows(geo: Geography, rng: Rng): TwinData["geolocation"] {
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
