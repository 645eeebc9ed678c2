/**
 * The single chart theme: fonts, margins, background, one colour per segment and the language of
 * the generic words the builders write themselves ("count", "share", "segment", weekday names…).
 * Titles given by callers are always used as-is; only the builders' own words are translated.
 */
import type { Layout } from "plotly.js";

/** Languages the builders can write their generic labels in. */
export type ChartLanguage = "en" | "fr";

/**
 * Colour-blind-aware qualitative palette: the seven Okabe–Ito colours (black dropped) followed by
 * three of Paul Tol's "muted" colours that stay distinct from them under deuteranopia/protanopia.
 * Yellow comes last because it has the least contrast on white.
 */
export const SEGMENT_PALETTE: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#56B4E9", // sky blue
  "#CC79A7", // reddish purple
  "#332288", // indigo
  "#999933", // olive
  "#882255", // wine
  "#F0E442", // yellow
]);

/**
 * Colours of groups that are not the segments (e.g. the clusters of a dendrogram cut), so that no
 * chart suggests a group is a segment by sharing its colour: Paul Tol's "muted" and "medium
 * contrast" colours that {@link SEGMENT_PALETTE} does not use, dark enough for thin lines on white,
 * in an order that keeps neighbours distinct.
 */
export const CLUSTER_PALETTE: readonly string[] = Object.freeze([
  "#CC6677", // rose
  "#117733", // green
  "#AA4499", // purple
  "#44AA99", // teal
  "#997700", // ochre
  "#5D6D7E", // slate
]);

/** The colour of non-segment group `i` (0-based, wrapping around {@link CLUSTER_PALETTE}). */
export function clusterColor(i: number): string {
  if (!Number.isInteger(i) || i < 0) {
    throw new Error(`clusterColor: index must be a non-negative integer, got ${i}`);
  }
  return CLUSTER_PALETTE[i % CLUSTER_PALETTE.length];
}

/** Neutral colour for context elements (thresholds, links above a dendrogram cut, point clouds). */
export const NEUTRAL_COLOR = "#6E6E6E";

/** Sequential colour scale (perceptually uniform, colour-blind safe) for counts and amounts. */
export const SEQUENTIAL_COLORSCALE = "Viridis";

/** Diverging colour scale for signed values such as correlations (blue = negative, red = positive). */
export const DIVERGING_COLORSCALE = "RdBu";

/** Font stack: DejaVu Sans is what Debian's Chromium has for static renders; browsers fall back. */
export const FONT_FAMILY = '"Open Sans", "DejaVu Sans", Verdana, Arial, sans-serif';

/**
 * The colour of segment `i` (0-based), the same in every chart. Indices beyond the palette wrap
 * around, so segment 10 reuses segment 0's colour.
 *
 * @example
 * segmentColor(0); // "#0072B2"
 */
export function segmentColor(i: number): string {
  if (!Number.isInteger(i) || i < 0) {
    throw new Error(`segmentColor: index must be a non-negative integer, got ${i}`);
  }
  return SEGMENT_PALETTE[i % SEGMENT_PALETTE.length];
}

/**
 * `#RRGGBB` → `rgba(r, g, b, alpha)`, used for translucent fills (bands, Sankey links, radar areas).
 *
 * @example
 * withAlpha("#0072B2", 0.3); // "rgba(0, 114, 178, 0.3)"
 */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`withAlpha: expected a colour like "#0072B2", got "${hex}"`);
  if (!(alpha >= 0 && alpha <= 1))
    throw new Error(`withAlpha: alpha must be in [0, 1], got ${alpha}`);
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const DICTIONARY = {
  en: {
    count: "Count",
    share: "Share",
    segment: "Segment",
    value: "Value",
    customers: "Customers",
    hour: "Hour of day",
    weekday: "Day of week",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    correlation: "Correlation",
    distance: "Distance",
    state: "State",
    longitude: "Longitude",
    latitude: "Latitude",
    period: "Period",
    threshold: "Threshold",
    mean: "Mean",
    range: "Range",
    belowThreshold: "Below threshold",
    sample: "sample of",
    of: "of",
    points: "points",
    cut: "Cut",
  },
  fr: {
    count: "Effectif",
    share: "Part",
    segment: "Segment",
    value: "Valeur",
    customers: "Clients",
    hour: "Heure de la journée",
    weekday: "Jour de la semaine",
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    correlation: "Corrélation",
    distance: "Distance",
    state: "État",
    longitude: "Longitude",
    latitude: "Latitude",
    period: "Période",
    threshold: "Seuil",
    mean: "Moyenne",
    range: "Étendue",
    belowThreshold: "Sous le seuil",
    sample: "échantillon de",
    of: "sur",
    points: "points",
    cut: "Coupe",
  },
} as const;

/** A key of the builders' word list. */
export type ChartWord = Exclude<keyof (typeof DICTIONARY)["en"], "weekdays">;

function languageFromEnv(): ChartLanguage {
  const raw = process.env.OLIST_LANG;
  if (raw == null || raw === "") return "en";
  const lang = raw.trim().toLowerCase().slice(0, 2);
  if (lang !== "en" && lang !== "fr") {
    throw new Error(`OLIST_LANG must be "en" or "fr", got "${raw}"`);
  }
  return lang;
}

let currentLanguage: ChartLanguage | undefined;

/**
 * Chooses the language of the builders' generic labels for the whole process (default: the
 * `OLIST_LANG` environment variable, else English). Call it once at the top of a notebook.
 *
 * @example
 * setChartLanguage("fr");
 */
export function setChartLanguage(lang: ChartLanguage): void {
  if (lang !== "en" && lang !== "fr") {
    throw new Error(`setChartLanguage: language must be "en" or "fr", got "${String(lang)}"`);
  }
  currentLanguage = lang;
}

/** The language currently used for generic labels. */
export function getChartLanguage(): ChartLanguage {
  currentLanguage ??= languageFromEnv();
  return currentLanguage;
}

/** A generic word in the current language, e.g. `word("count")` → "Count" or "Effectif". */
export function word(key: ChartWord): string {
  return DICTIONARY[getChartLanguage()][key];
}

/** Short weekday names, Monday first, in the current language. */
export function weekdayNames(): string[] {
  return [...DICTIONARY[getChartLanguage()].weekdays];
}

/** Default static size of a notebook figure (pixels); slides use `EXPORT_SIZE`. */
export const NOTEBOOK_SIZE = { width: 900, height: 500 } as const;

/** Default size of exported images for slides (16:9). */
export const EXPORT_SIZE = { width: 1600, height: 900 } as const;

/**
 * The base layout every builder starts from: fonts, margins, white background, light grid,
 * the segment palette as colourway, and the title.
 */
export function baseLayout(title: string): Partial<Layout> {
  if (typeof title !== "string" || title.trim() === "") {
    throw new Error("Chart title must be a non-empty string");
  }
  return {
    title: { text: title, x: 0.02, xanchor: "left", font: { size: 18 } },
    font: { family: FONT_FAMILY, size: 13, color: "#222222" },
    margin: { l: 70, r: 30, t: 70, b: 60 },
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    colorway: [...SEGMENT_PALETTE],
    // namelength -1: trace names are never cut in tooltips (Plotly's default stops at 15 characters).
    hoverlabel: { font: { family: FONT_FAMILY }, namelength: -1 },
    legend: { bgcolor: "rgba(255, 255, 255, 0.8)" },
  };
}

/** Axis style shared by all cartesian charts. */
export function axisStyle(title?: string): Partial<Layout["xaxis"]> {
  return {
    ...(title ? { title: { text: title } } : {}),
    gridcolor: "#E5E5E5",
    zerolinecolor: "#BDBDBD",
    linecolor: "#BDBDBD",
    automargin: true,
  };
}
