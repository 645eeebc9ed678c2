/**
 * Donut (or pie) of segment sizes.
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toFiniteNumbers } from "./figure.js";
import { baseLayout, segmentColor, word } from "./theme.js";

/** Options of `segmentDonut`. */
export interface DonutOptions {
  /** Chart title (required). */
  title: string;
  /** Hole radius as a fraction of the pie (0 = pie); default 0.45. */
  hole?: number;
}

/**
 * Share of each segment, slice i coloured `segmentColor(i)`, in the given order (not re-sorted,
 * so colours match other charts).
 *
 * @example
 * segmentDonut([5200, 3100, 900], ["Loyal", "New", "Lost"], { title: "Customers per segment" });
 */
export function segmentDonut(sizes: NumericArray, names: string[], options: DonutOptions): Figure {
  assertNonEmpty(sizes, "sizes");
  assertSameLength(sizes, "sizes", names, "names");
  const values = toFiniteNumbers(sizes, "sizes");
  const negative = values.findIndex((v) => v < 0);
  if (negative >= 0) throw new Error(`sizes[${negative}] is negative (${values[negative]})`);
  if (values.every((v) => v === 0)) throw new Error("sizes are all zero; nothing to draw");
  const hole = options.hole ?? 0.45;
  if (!(hole >= 0 && hole < 1)) throw new Error(`hole must be in [0, 1), got ${hole}`);
  return {
    data: [
      {
        type: "pie",
        labels: names,
        values,
        hole,
        sort: false,
        direction: "clockwise",
        marker: {
          colors: names.map((_, i) => segmentColor(i)),
          line: { color: "#FFFFFF", width: 1 },
        },
        textinfo: "percent",
        hovertemplate: `%{label}<br>${word("customers")}: %{value:,.0f}<br>${word("share")}: %{percent:.1%}<extra></extra>`,
      },
    ],
    layout: { ...baseLayout(options.title), legend: { title: { text: word("segment") } } },
  };
}
