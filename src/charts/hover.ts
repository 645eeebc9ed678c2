/**
 * How numbers read in tooltips and on bars: thousands separators, R$ for money, % for shares, a
 * number of decimals that suits the values. Plotly's default hover writes "4.147e+4" and cuts
 * trace names after 15 characters; every builder uses these instead.
 */

/** A d3 number format with the text around it, e.g. `{ prefix: "R$ ", format: ",.2f" }`. */
export interface NumberStyle {
  /** d3-format specifier, as in Plotly's `%{y:,.0f}`. */
  format: string;
  prefix: string;
  suffix: string;
}

/** What the values are, as far as the chart says it. */
export interface NumberStyleHint {
  /** Axis or value title: "R$" (or "BRL") makes the values money; a "%" word, percentages. */
  title?: string;
  /** The chart's tick or bar-text format: a "%" in it means the values are shares (0–1). */
  format?: string;
}

const MONEY = /R\$|\bBRL\b/;
const PERCENT_WORD = /(^|[\s(])%/;

/**
 * The style of a set of values: shares (0–1) as percentages with one decimal (two when some share
 * is below 0.1 %); money with "R$ " and two decimals unless all are whole; whole numbers with
 * thousands separators; other numbers with 0–3 decimals by magnitude (≥ 1,000: 0; ≥ 1: 2; else 3).
 *
 * @example
 * numberStyle([41466, 12852]); // { prefix: "", format: ",.0f", suffix: "" }
 * numberStyle([157.3], { title: "Mean order (R$)" }); // { prefix: "R$ ", format: ",.2f", suffix: "" }
 */
export function numberStyle(
  values: ArrayLike<number | null>,
  hint: NumberStyleHint = {},
): NumberStyle {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) finite.push(v);
  }
  let maxAbs = 0;
  let minPositive = Infinity;
  let whole = true;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minPositive) minPositive = a;
    if (!Number.isInteger(v)) whole = false;
  }
  if (hint.format?.includes("%")) {
    return { prefix: "", format: minPositive < 0.001 ? ".2%" : ".1%", suffix: "" };
  }
  const money = hint.title !== undefined && MONEY.test(hint.title);
  const suffix = hint.title !== undefined && PERCENT_WORD.test(hint.title) ? " %" : "";
  const decimals = whole ? 0 : money ? 2 : maxAbs >= 1000 ? 0 : maxAbs >= 1 ? 2 : 3;
  return { prefix: money ? "R$ " : "", format: `,.${decimals}f`, suffix };
}

/**
 * A Plotly template field in a style, e.g. `hoverValue("y", style)` → `"R$ %{y:,.2f}"`.
 *
 * @example
 * hoverValue("x", { prefix: "", format: ".1%", suffix: "" }); // "%{x:.1%}"
 */
export function hoverValue(field: string, style: NumberStyle): string {
  return `${style.prefix}%{${field}:${style.format}}${style.suffix}`;
}

/**
 * Writes a number in a style, as Plotly would in a tooltip (en-US separators); for text computed
 * in TypeScript, such as box-plot statistics. Supports the formats `numberStyle` returns.
 *
 * @example
 * formatNumber(0.1234, { prefix: "", format: ".1%", suffix: "" }); // "12.3%"
 * formatNumber(1234.5, { prefix: "R$ ", format: ",.2f", suffix: "" }); // "R$ 1,234.50"
 */
export function formatNumber(value: number, style: NumberStyle): string {
  if (!Number.isFinite(value)) return String(value);
  const m = /^(,?)\.(\d+)([f%])$/.exec(style.format);
  if (!m) throw new Error(`formatNumber: unsupported format "${style.format}"`);
  const decimals = Number(m[2]);
  const x = m[3] === "%" ? 100 * value : value;
  const text = x.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: m[1] === ",",
  });
  return `${style.prefix}${text}${m[3] === "%" ? "%" : ""}${style.suffix}`;
}

/**
 * Text for Plotly labels and templates: Plotly reads them as pseudo-HTML, so `<`, `>` and `&` are
 * escaped, and `%{` is broken so a name cannot read as a template field.
 *
 * @example
 * plotlyText("Big <spenders> & co"); // "Big &lt;spenders&gt; &amp; co"
 */
export function plotlyText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/%\{/g, "%&#123;");
}
