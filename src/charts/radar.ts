/**
 * Radar (polar) chart comparing segment profiles over the same axes.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toFiniteNumbers } from "./figure.js";
import { baseLayout, segmentColor, withAlpha, word } from "./theme.js";
import { maxOf, minOf } from "../util/arrayStats.js";

/** One profile of a radar chart, e.g. a segment's mean feature values. */
export interface RadarProfile {
  name: string;
  values: NumericArray;
  /** Segment index for the colour; default the profile's position. */
  segment?: number;
}

/** Options of `segmentRadar`. */
export interface RadarOptions {
  /** Chart title (required). */
  title: string;
  /**
   * "minmax" (default): rescale each axis to [0, 1] across profiles so axes with different units
   * are comparable; "none": plot the values as given.
   */
  normalize?: "minmax" | "none";
}

/**
 * One closed, translucent polygon per profile over `axes`. Hover shows the original values.
 *
 * @example
 * segmentRadar(["Recency", "Frequency", "Monetary"], profiles, { title: "Segment profiles" });
 */
export function segmentRadar(
  axes: string[],
  profiles: RadarProfile[],
  options: RadarOptions,
): Figure {
  if (axes.length < 3) throw new Error(`a radar needs at least 3 axes, got ${axes.length}`);
  assertNonEmpty(profiles, "profiles");
  const raw = profiles.map((p, i) => {
    assertSameLength(p.values, `profiles[${i}].values ("${p.name}")`, axes, "axes");
    return toFiniteNumbers(p.values, `profiles[${i}].values`);
  });
  const normalize = options.normalize ?? "minmax";
  const scaled =
    normalize === "none"
      ? raw
      : raw.map((vals) =>
          vals.map((v, a) => {
            const column = raw.map((r) => r[a]);
            const lo = minOf(column);
            const hi = maxOf(column);
            // A constant axis sits in the middle rather than at 0, which would read as "lowest".
            return hi > lo ? (v - lo) / (hi - lo) : 0.5;
          }),
        );
  const closedAxes = [...axes, axes[0]];
  return {
    data: profiles.map((p, i) => {
      const color = segmentColor(p.segment ?? i);
      return {
        type: "scatterpolar" as const,
        name: p.name,
        r: [...scaled[i], scaled[i][0]],
        theta: closedAxes,
        customdata: [...raw[i], raw[i][0]],
        fill: "toself" as const,
        fillcolor: withAlpha(color, 0.15),
        line: { color, width: 2 },
        hovertemplate: `${p.name}<br>%{theta}: %{customdata:.4g}<extra></extra>`,
      };
    }),
    layout: {
      ...baseLayout(options.title),
      polar: {
        radialaxis: {
          visible: true,
          ...(normalize === "minmax" ? { range: [0, 1], showticklabels: false } : {}),
        },
      },
      legend: { title: { text: word("segment") } },
    },
  };
}
