/**
 * How a population splits into groups, as sorted horizontal bars labelled with share and count:
 * the readable replacement of a donut with many slices (where small slices share colours and
 * read as "0.0075 %").
 */
import type { Figure, NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toFiniteNumbers } from "./figure.js";
import { plotlyText } from "./hover.js";
import { axisStyle, baseLayout, NEUTRAL_COLOR, word } from "./theme.js";

/** Options of `shareBars`. */
export interface ShareBarsOptions {
  /** Chart title (required). */
  title: string;
  /** What is counted, in the labels and tooltips; default the generic word "Customers". */
  countTitle?: string;
  /** Bar colour; default the neutral grey (the groups are not the project's segments). */
  color?: string;
  /** Largest group on top (default true); false keeps the given order. */
  sort?: boolean;
}

/**
 * A share as bar text: one decimal, "< 0.1 %" below that (never "0.0 %" for a non-empty group).
 *
 * @example
 * shareText(0.313); // "31.3 %"
 * shareText(0.000075); // "< 0.1 %"
 */
export function shareText(share: number): string {
  if (share > 0 && share < 0.0005) return "< 0.1 %";
  return `${(100 * share).toFixed(1)} %`;
}

/**
 * One bar per group, length = its share of the total, sorted from the largest; each bar is
 * labelled "31.3 % · 29,214" and its tooltip gives the group, the count and the share.
 *
 * @example
 * shareBars(["Lost", "Champions"], [12000, 400], { title: "RFM segments" });
 */
export function shareBars(
  labels: string[],
  counts: NumericArray,
  options: ShareBarsOptions,
): Figure {
  assertNonEmpty(labels, "labels");
  assertSameLength(labels, "labels", counts, "counts");
  const values = toFiniteNumbers(counts, "counts");
  const negative = values.findIndex((v) => v < 0);
  if (negative >= 0) throw new Error(`counts[${negative}] is negative (${values[negative]})`);
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) throw new Error("counts are all zero; nothing to draw");
  const order = labels.map((_, i) => i);
  // Stable: equal counts keep their given order.
  if (options.sort ?? true) order.sort((a, b) => values[b] - values[a]);
  const countTitle = options.countTitle ?? word("customers");
  const shares = order.map((i) => values[i] / total);
  const text = order.map(
    (i, k) => `${shareText(shares[k])} · ${values[i].toLocaleString("en-US")}`,
  );
  const top = shares.reduce((m, s) => Math.max(m, s), 0);
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        y: order.map((i) => labels[i]),
        x: shares,
        text,
        textposition: "outside",
        cliponaxis: false,
        // Plotly shrinks outside labels to the bar's thickness; keep them readable instead.
        constraintext: "none",
        marker: { color: options.color ?? NEUTRAL_COLOR },
        customdata: order.map((i) => values[i]),
        hovertemplate:
          `%{y}<br>${plotlyText(countTitle)}: %{customdata:,.0f}<br>` +
          `${word("share")}: %{x:.2%}<extra></extra>`,
        showlegend: false,
      },
    ],
    layout: {
      ...baseLayout(options.title),
      xaxis: {
        ...axisStyle(`${word("share")} (${countTitle.toLowerCase()})`),
        tickformat: ".0%",
        // Room on the right of the longest bar for its label.
        range: [0, top * 1.3],
      },
      yaxis: { ...axisStyle(), type: "category", autorange: "reversed" },
      showlegend: false,
      bargap: 0.25,
    },
  };
}
