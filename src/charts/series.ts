/**
 * Named numeric series shared by the bar and line builders.
 */
import type { NumericArray } from "./figure.js";
import { assertNonEmpty, assertSameLength, toNumbers } from "./figure.js";

/** One named series of values, aligned with the chart's categories or x values. */
export interface Series {
  name: string;
  values: NumericArray;
  /** Colour; default the segment colour of the series' position. */
  color?: string;
}

/**
 * Checks that every series has as many values as there are categories and copies the values,
 * turning NaN (missing) into `null` so Plotly leaves a gap instead of failing.
 */
export function checkedSeries(
  series: Series[],
  categoriesLength: number,
  categoriesName: string,
): { name: string; values: (number | null)[]; color?: string }[] {
  assertNonEmpty(series, "series");
  return series.map((s, i) => {
    if (typeof s.name !== "string") throw new Error(`series[${i}].name must be a string`);
    assertSameLength(
      s.values,
      `series[${i}].values ("${s.name}")`,
      { length: categoriesLength },
      categoriesName,
    );
    const values = toNumbers(s.values, `series[${i}].values`).map((v) =>
      Number.isFinite(v) ? v : null,
    );
    return { name: s.name, values, color: s.color };
  });
}
