/**
 * Map of Brazil by state without a base map: Plotly's geo traces fetch their topojson from a CDN,
 * which notebooks must not do, so states are bubbles at their approximate geographic centroid on
 * plain longitude/latitude axes with equal scale. A point cloud of customer locations, if given,
 * draws the country's outline by itself. Each map encodes its value once: by bubble area (counts,
 * sums), with a size key, or by colour on equal bubbles (means, rates), with a colour bar.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, strideIndices, toFiniteNumbers } from "./figure.js";
import { formatNumber, hoverValue, numberStyle } from "./hover.js";
import { axisStyle, baseLayout, NEUTRAL_COLOR, SEQUENTIAL_COLORSCALE, word } from "./theme.js";

/** Colour of the bubbles of an area-encoded map (a dark blue of the sequential scale). */
export const MAP_BUBBLE_COLOR = "#31688E";

/**
 * Approximate geographic centroid `[latitude, longitude]` of each of the 27 federative units
 * (±0.5°, enough to place a labelled bubble; not for geodesy).
 */
export const BRAZIL_STATE_CENTROIDS: Readonly<Record<string, readonly [number, number]>> =
  Object.freeze({
    AC: [-9.0, -70.5],
    AL: [-9.6, -36.6],
    AP: [1.4, -51.8],
    AM: [-4.2, -64.6],
    BA: [-12.5, -41.7],
    CE: [-5.1, -39.6],
    DF: [-15.8, -47.8],
    ES: [-19.6, -40.7],
    GO: [-15.9, -49.6],
    MA: [-5.1, -45.3],
    MT: [-12.9, -55.9],
    MS: [-20.5, -54.8],
    MG: [-18.5, -44.6],
    PA: [-3.8, -52.5],
    PB: [-7.1, -36.8],
    PR: [-24.6, -51.6],
    PE: [-8.4, -37.9],
    PI: [-7.4, -42.7],
    RJ: [-22.2, -42.7],
    RN: [-5.8, -36.6],
    RS: [-29.7, -53.3],
    RO: [-10.9, -62.8],
    RR: [2.0, -61.4],
    SC: [-27.3, -50.5],
    SP: [-22.2, -48.7],
    SE: [-10.6, -37.4],
    TO: [-10.2, -48.3],
  });

/** Optional point cloud (e.g. customer zip-code locations) drawn under the state bubbles. */
export interface LatLngPoints {
  lat: NumericArray;
  lng: NumericArray;
}

/** Options of `brazilStateMap`. */
export interface BrazilMapOptions {
  /** Chart title (required). */
  title: string;
  /** What the value is, e.g. "Orders" or "R$ per order": colour-bar or size-key title, tooltips; default "Value". */
  valueTitle?: string;
  /**
   * "color" (default): equal bubbles coloured on the sequential scale, for means and rates;
   * "area": bubble area proportional to the value, one colour, for counts and sums.
   */
  encoding?: "color" | "area";
  /** Largest bubble diameter in pixels (area), or every bubble's (color); default 60 / 24. */
  maxBubble?: number;
  /** Point cloud drawn in grey behind the bubbles. */
  points?: LatLngPoints;
  /** At most this many points of the cloud are drawn (evenly spaced); default 5000. */
  maxPoints?: number;
}

/** `x > 0` rounded down to one significant digit (41,466 → 40,000). */
function niceFloor(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return Math.floor(x / p) * p;
}

/**
 * One bubble per state with its code written on it, the value encoded once (see `encoding`).
 * States must be two-letter codes (case-insensitive), each at most once.
 *
 * @example
 * brazilStateMap(["SP", "RJ", "MG"], [41746, 12852, 11635], { title: "Orders by state", encoding: "area" });
 */
export function brazilStateMap(
  states: string[],
  values: NumericArray,
  options: BrazilMapOptions,
): Figure {
  assertNonEmpty(states, "states");
  assertSameLength(states, "states", values, "values");
  const vals = toFiniteNumbers(values, "values");
  const codes = states.map((s, i) => {
    const code = String(s).trim().toUpperCase();
    if (!(code in BRAZIL_STATE_CENTROIDS)) {
      throw new Error(`states[${i}] = "${s}" is not a Brazilian state code (e.g. "SP", "RJ")`);
    }
    return code;
  });
  const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
  if (duplicate) throw new Error(`state "${duplicate}" appears more than once in states`);
  const encoding = options.encoding ?? "color";
  if (encoding !== "color" && encoding !== "area") {
    throw new Error(`encoding must be "color" or "area", got "${String(encoding)}"`);
  }
  const negative = vals.findIndex((v) => v < 0);
  if (encoding === "area" && negative >= 0)
    throw new Error(`values[${negative}] is negative; bubble areas need values >= 0`);
  const maxValue = vals.reduce((m, v) => Math.max(m, v), 0);
  const maxBubble = options.maxBubble ?? (encoding === "area" ? 60 : 24);
  const data: Figure["data"] = [];
  if (options.points) {
    assertSameLength(options.points.lat, "points.lat", options.points.lng, "points.lng");
    const lat = toFiniteNumbers(options.points.lat, "points.lat");
    const lng = toFiniteNumbers(options.points.lng, "points.lng");
    const keep = strideIndices(lat.length, options.maxPoints ?? 5000);
    data.push({
      type: "scatter",
      mode: "markers",
      x: keep.map((i) => lng[i]),
      y: keep.map((i) => lat[i]),
      marker: { color: NEUTRAL_COLOR, size: 2, opacity: 0.25 },
      hoverinfo: "skip",
      showlegend: false,
    });
  }
  const valueTitle = options.valueTitle ?? word("value");
  const style = numberStyle(vals, { title: valueTitle });
  // Area (not diameter) proportional to the value, so big states do not look quadratically bigger.
  const diameter = (v: number) =>
    maxValue > 0 ? Math.max(6, maxBubble * Math.sqrt(v / maxValue)) : 6;
  const sizes = vals.map((v) => (encoding === "area" ? diameter(v) : maxBubble));
  // Codes fit inside bubbles of 24 px or more; smaller bubbles get their code above, in dark text.
  const inside = sizes.map((d) => d >= 24);
  const lo = vals.reduce((m, v) => Math.min(m, v), Infinity);
  const hi = vals.reduce((m, v) => Math.max(m, v), -Infinity);
  // Inside: white on the dark (low) end of Viridis and on the dark blue bubbles, dark elsewhere.
  const light = (v: number) => encoding === "area" || (hi > lo ? (v - lo) / (hi - lo) : 0) <= 0.5;
  data.push({
    type: "scatter",
    mode: "text+markers",
    x: codes.map((c) => BRAZIL_STATE_CENTROIDS[c][1]),
    y: codes.map((c) => BRAZIL_STATE_CENTROIDS[c][0]),
    text: codes,
    customdata: vals,
    // Plotly takes one position per point; @types/plotly.js only knows the single-value form.
    textposition: inside.map((i) =>
      i ? "middle center" : "top center",
    ) as unknown as "top center",
    textfont: {
      size: 10,
      color: vals.map((v, i) => (inside[i] && light(v) ? "#FFFFFF" : "#111111")),
    },
    marker:
      encoding === "area"
        ? {
            size: sizes,
            color: MAP_BUBBLE_COLOR,
            opacity: 0.8,
            line: { color: "#FFFFFF", width: 1 },
          }
        : {
            size: sizes,
            color: vals,
            colorscale: SEQUENTIAL_COLORSCALE,
            showscale: true,
            colorbar: { title: { text: valueTitle } },
            opacity: 0.9,
            line: { color: "#FFFFFF", width: 1 },
          },
    hovertemplate: `%{text}<br>${valueTitle}: ${hoverValue("customdata", style)}<extra></extra>`,
    showlegend: false,
  });
  if (encoding === "area" && maxValue > 0) {
    // Size key in the empty south-west corner: three round values, largest first.
    const top = niceFloor(maxValue);
    const keys = [top, niceFloor(top / 4), niceFloor(top / 40)].filter(
      (v, i, all) => all.indexOf(v) === i,
    );
    const keyStyle = { ...style, format: ",.0f" };
    data.push({
      type: "scatter",
      mode: "text+markers",
      x: keys.map(() => -71),
      y: keys.map((_, i) => -22 - 4.5 * i),
      text: keys.map((v) => formatNumber(v, keyStyle)),
      textposition: "middle right",
      textfont: { size: 10, color: "#111111" },
      marker: {
        size: keys.map(diameter),
        color: "rgba(0, 0, 0, 0)",
        line: { color: MAP_BUBBLE_COLOR, width: 1.5 },
      },
      hoverinfo: "skip",
      showlegend: false,
    });
  }
  const keyTitle =
    encoding === "area"
      ? [
          {
            x: -73,
            y: -18.5,
            xanchor: "left" as const,
            text: `<b>${valueTitle}</b> (bubble area)`,
            showarrow: false,
            font: { size: 11 },
          },
        ]
      : [];
  return {
    data,
    layout: {
      ...baseLayout(options.title),
      xaxis: {
        ...axisStyle(word("longitude")),
        range: [-75, -33],
        zeroline: false,
        constrain: "domain",
      },
      // Equal degrees on both axes keep the country's shape.
      yaxis: {
        ...axisStyle(word("latitude")),
        range: [-35, 7],
        scaleanchor: "x",
        scaleratio: 1,
        zeroline: false,
      },
      annotations: keyTitle,
    },
  };
}
