/**
 * Segment profiles on one stated scale: each axis is a feature, each polygon a segment, the radius
 * the segment's mean in standard deviations from the average customer (z-score). Every axis has
 * the same unit, so a gap on one axis means as much as on another (a min–max scale per axis makes
 * 4.61 against 4.63 look as large as any other difference).
 */
import type { SegmentProfile } from "../segments/profiles.js";
import { featureLabel, formatFeatureValue } from "./featureLabels.js";
import type { Figure } from "./figure.js";
import { assertNonEmpty } from "./figure.js";
import { plotlyText } from "./hover.js";
import { baseLayout, NEUTRAL_COLOR, segmentColor, withAlpha, word } from "./theme.js";

/** What the radar needs of a profile (see `segmentProfiles`). */
export type RadarSegmentProfile = Pick<SegmentProfile, "segment" | "name" | "mean" | "z">;

/** Options of `segmentProfileRadar`. */
export interface ProfileRadarOptions {
  /** Chart title (required); the scale is stated in the radial axis title. */
  title: string;
  /** Features on the axes, in order (at least 3). */
  features: readonly string[];
  /**
   * The features the segmentation model uses. Axes of other features are marked "(not in model)":
   * they describe the segments but did not form them. Default: every axis is a model feature.
   */
  modelFeatures?: readonly string[];
  /** Means beyond ±clip sd are drawn at ±clip (hollow marker; true value on hover); default 3. */
  clip?: number;
}

/** Text of the radial axis and of the legend entry for the average customer. */
export const RADAR_SCALE_TITLE = "Mean in standard deviations from the average customer (z-score)";

function signedSd(z: number): string {
  const r = Math.round(z * 100) / 100;
  return `${r > 0 ? "+" : r < 0 ? "\u2212" : ""}${Math.abs(r).toFixed(2)} sd`;
}

/**
 * One polygon per segment over `features`, radius = z-score of the segment mean, a dashed ring at
 * 0 for the average customer. Tooltips give the mean in its unit and the z-score.
 *
 * @example
 * segmentProfileRadar(profiles, { title: "Segment profiles", features: ["recency_days", "frequency", "monetary"] });
 */
export function segmentProfileRadar(
  profiles: readonly RadarSegmentProfile[],
  options: ProfileRadarOptions,
): Figure {
  const { features } = options;
  if (features.length < 3)
    throw new Error(`a radar needs at least 3 features, got ${features.length}`);
  assertNonEmpty(profiles, "profiles");
  const clip = options.clip ?? 3;
  if (!(clip > 0)) throw new Error(`clip must be positive, got ${clip}`);
  for (const p of profiles) {
    for (const f of features) {
      if (!Number.isFinite(p.z[f]) || !Number.isFinite(p.mean[f])) {
        throw new Error(`profile "${p.name}" has no finite mean and z-score for feature "${f}"`);
      }
    }
  }
  const model = options.modelFeatures ? new Set(options.modelFeatures) : undefined;
  const labels = features.map((f) => {
    const words = plotlyText(featureLabel(f).label);
    return model && !model.has(f) ? `${words}<br><i>(not in model)</i>` : words;
  });
  const theta = [...labels, labels[0]];
  const ring = {
    type: "scatterpolar" as const,
    name: "Average customer (0 sd)",
    r: theta.map(() => 0),
    theta,
    mode: "lines" as const,
    line: { color: NEUTRAL_COLOR, dash: "dash" as const, width: 1.5 },
    hoverinfo: "skip" as const,
  };
  const traces = profiles.map((p, i) => {
    const color = segmentColor(p.segment ?? i);
    const z = features.map((f) => p.z[f]);
    const r = z.map((v) => Math.max(-clip, Math.min(clip, v)));
    const text = features.map(
      (f, a) =>
        `${plotlyText(p.name)}<br>${plotlyText(featureLabel(f).label)}: ` +
        `${formatFeatureValue(f, p.mean[f])} (${signedSd(z[a])})` +
        (r[a] !== z[a] ? `, drawn at ${signedSd(r[a])}` : ""),
    );
    const clipped = r.map((v, a) => v !== z[a]);
    return {
      type: "scatterpolar" as const,
      name: p.name,
      r: [...r, r[0]],
      theta,
      text: [...text, text[0]],
      mode: "lines+markers" as const,
      fill: "toself" as const,
      fillcolor: withAlpha(color, 0.1),
      line: { color, width: 2 },
      marker: {
        color,
        size: 7,
        symbol: [...clipped, clipped[0]].map((c) => (c ? "circle-open" : "circle")),
      },
      hovertemplate: "%{text}<extra></extra>",
    };
  });
  const ticks = [];
  for (let t = -Math.floor(clip); t <= Math.floor(clip); t++) ticks.push(t);
  return {
    data: [ring, ...traces] as unknown as Figure["data"],
    layout: {
      ...baseLayout(options.title),
      polar: {
        radialaxis: {
          range: [-clip, clip],
          tickvals: ticks,
          ticktext: ticks.map((t) =>
            t === 0 ? "0 sd" : `${t > 0 ? "+" : "\u2212"}${Math.abs(t)}`,
          ),
          angle: 90,
          tickangle: 90,
          gridcolor: "#E5E5E5",
        },
        angularaxis: { direction: "clockwise", gridcolor: "#E5E5E5" },
      },
      legend: { title: { text: word("segment") } },
      annotations: [
        {
          xref: "paper",
          yref: "paper",
          x: 0,
          y: -0.08,
          xanchor: "left",
          showarrow: false,
          font: { size: 11, color: NEUTRAL_COLOR },
          text:
            `${RADAR_SCALE_TITLE}; beyond ±${clip} drawn at the edge (hollow marker)` +
            (model && features.some((f) => !model.has(f))
              ? "; <i>(not in model)</i>: describes the segments, did not form them"
              : ""),
        },
      ],
    },
  };
}
