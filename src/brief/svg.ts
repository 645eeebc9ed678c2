/**
 * The brief's charts as inline SVG. Plotly stamps every SVG with a random id (clip paths,
 * gradients, trace classes) and, depending on the page's history, writes some attributes in a
 * different order; the SVG is normalised here so the same input gives byte-identical HTML, and the
 * ids stay unique when several charts share one page.
 */
import type { Figure } from "../charts/figure.js";
import { renderSvg } from "../charts/render.js";

/** Width of the brief's charts in CSS pixels: the text width of an A4 page with 14 mm margins. */
export const BRIEF_CHART_WIDTH = 690;

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Makes a Plotly SVG deterministic and embeddable: the figure's random id becomes `prefix` (unique
 * per chart in a page), attributes are written in name order, and the XML namespace declarations are dropped
 * (HTML gives inline SVG its namespace, and the brief then holds no URL at all). Give the traces fixed `uid`s
 * before rendering (see {@link renderBriefSvg}) or their random ones stay in class names.
 *
 * @example
 * deterministicSvg(await renderSvg(fig), "brief-shares");
 */
export function deterministicSvg(svg: string, prefix: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`Invalid SVG id prefix "${prefix}"`);
  const uid = /id="defs-([\w]+)"/.exec(svg)?.[1];
  let out = uid ? svg.replace(new RegExp(`((?:id="|#)[A-Za-z-]*)${uid}`, "g"), `$1${prefix}`) : svg;
  // Serialised SVG: attribute values in double quotes, `"` inside them escaped, so this is exact.
  out = out.replace(
    /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g,
    (_m, tag: string, attrs: string, selfClose: string) => {
      const list = [...attrs.matchAll(/\s+([\w:.-]+)="([^"]*)"/g)]
        .filter(
          ([, name, value]) => !(name === "xmlns:xlink" || (name === "xmlns" && value === SVG_NS)),
        )
        .map(([, name, value]) => [name, value] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `<${tag}${list.map(([n, v]) => ` ${n}="${v}"`).join("")}${selfClose}>`;
    },
  );
  return out;
}

/**
 * Renders a brief chart to deterministic inline SVG (fixed trace uids, then
 * {@link deterministicSvg}) at the brief's width.
 *
 * @example
 * const svg = await renderBriefSvg(sharesFigure(segments), "brief-shares", 320);
 */
export async function renderBriefSvg(
  fig: Figure,
  prefix: string,
  height: number,
  width = BRIEF_CHART_WIDTH,
): Promise<string> {
  const fixed: Figure = {
    data: fig.data.map((trace, i) => ({ ...trace, uid: `${prefix}-${i}` })),
    layout: fig.layout,
  };
  return deterministicSvg(await renderSvg(fixed, { width, height }), prefix);
}
