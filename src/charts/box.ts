/**
 * Box plots by group from precomputed quartiles, so a 100 000-row column costs five numbers in
 * the notebook instead of every value.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, toNumbers } from "./figure.js";
import { numberStyle } from "./hover.js";
import { axisStyle, baseLayout, segmentColor } from "./theme.js";
import { mean, quantileSorted } from "../util/stats.js";

/** Tukey box statistics of one group. */
export interface BoxStats {
  q1: number;
  median: number;
  q3: number;
  /** Smallest value >= q1 - 1.5 IQR. */
  lowerWhisker: number;
  /** Largest value <= q3 + 1.5 IQR. */
  upperWhisker: number;
  mean: number;
  /** Number of finite values. */
  n: number;
}

/**
 * Quartiles (type-7 interpolation), Tukey whiskers and mean of the finite values.
 *
 * @example
 * boxStats([1, 2, 3, 4, 100]).upperWhisker; // 4 (100 is an outlier)
 */
export function boxStats(values: NumericArray): BoxStats {
  const sorted = toNumbers(values, "values")
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("boxStats: values contains no finite number");
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lowerWhisker = sorted.find((v) => v >= q1 - 1.5 * iqr) ?? sorted[0];
  const upperWhisker =
    [...sorted].reverse().find((v) => v <= q3 + 1.5 * iqr) ?? sorted[sorted.length - 1];
  return { q1, median, q3, lowerWhisker, upperWhisker, mean: mean(sorted), n: sorted.length };
}

/** One group of a box chart. */
export interface BoxGroup {
  name: string;
  values: NumericArray;
}

/** Options of `boxChart`. */
export interface BoxOptions {
  /** Chart title (required). */
  title: string;
  /** Title of the value axis. */
  valueTitle?: string;
  /** Title of the group axis; default none. */
  groupTitle?: string;
  /** Logarithmic value axis (values must then be > 0); default false. */
  logY?: boolean;
}

/**
 * One box per group (e.g. per segment), coloured `segmentColor(i)`, with the mean drawn dashed.
 * Outliers are not drawn (only whiskers), which keeps figures small; say so in the notebook text.
 *
 * @example
 * boxChart([{ name: "Seg 0", values: a }, { name: "Seg 1", values: b }], { title: "Basket" });
 */
export function boxChart(groups: BoxGroup[], options: BoxOptions): Figure {
  assertNonEmpty(groups, "groups");
  const stats = groups.map((g, i) => {
    try {
      return boxStats(g.values);
    } catch (e) {
      throw new Error(`groups[${i}] ("${g.name}"): ${(e as Error).message}`);
    }
  });
  const style = numberStyle(
    stats.flatMap((s) => [s.q1, s.median, s.q3, s.mean]),
    { title: options.valueTitle },
  );
  const data = groups.map((g, i) => {
    const s: BoxStats = stats[i];
    if (options.logY && s.lowerWhisker <= 0) {
      throw new Error(`groups[${i}] ("${g.name}") has values <= 0, which a log axis cannot show`);
    }
    return {
      type: "box" as const,
      // The name only shows in the tooltip (the axis shows x, the legend is off): give n there.
      name: `${g.name} (n = ${s.n.toLocaleString("en-US")})`,
      x: [g.name],
      q1: [s.q1],
      median: [s.median],
      q3: [s.q3],
      lowerfence: [s.lowerWhisker],
      upperfence: [s.upperWhisker],
      mean: [s.mean],
      boxmean: true,
      marker: { color: segmentColor(i) },
      // Plotly labels each statistic itself (a box ignores hovertemplate); format its numbers.
      yhoverformat: style.format,
    };
  });
  return {
    // The precomputed-statistics box attributes are missing from @types/plotly.js.
    data: data as unknown as Figure["data"],
    layout: {
      ...baseLayout(options.title),
      xaxis: { ...axisStyle(options.groupTitle), type: "category" },
      yaxis: {
        ...axisStyle(options.valueTitle),
        // "D2" labels 1, 2 and 5 of each decade: every minor tick labelled is unreadable.
        ...(options.logY ? { type: "log" as const, dtick: "D2" } : {}),
      },
      showlegend: false,
    },
  };
}
