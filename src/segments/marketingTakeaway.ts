/**
 * The takeaway under the marketing table: which segment brings the most revenue for its share of
 * customers, and — only when a segment is named for it — that the disappointed segment needs service
 * recovery first. Every figure is computed from the profiles and the marketing table it describes.
 */
import type { MarketingRow } from "./naming.js";
import type { SegmentProfile } from "./profiles.js";

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/**
 * The revenue takeaway of the marketing table: the segment with the largest revenue (mean monetary ×
 * size), its revenue and customer shares, and the disappointed segment's share meeting its condition.
 */
export function marketingTakeaway(
  profiles: readonly SegmentProfile[],
  marketing: readonly MarketingRow[],
): string {
  const revenue = profiles.map((p) =>
    Number.isFinite(p.mean.monetary) ? p.mean.monetary * p.size : 0,
  );
  const total = revenue.reduce((a, b) => a + b, 0);
  let top = 0;
  for (let s = 1; s < revenue.length; s++) if (revenue[s] > revenue[top]) top = s;
  const name =
    marketing.find((r) => r.segment === profiles[top].segment)?.name ?? profiles[top].name;
  const lead = `"${name}" brings ${pct(total > 0 ? revenue[top] / total : 0)} of revenue with ${pct(profiles[top].share)} of customers`;
  const sad = marketing.filter((r) => r.kind === "disappointed");
  if (sad.length === 0) return `${lead}.`;
  const parts = sad.map((r) => `"${r.name}" (${r.definition})`).join(" and ");
  return `${lead}; ${parts} ${sad.length === 1 ? "needs" : "need"} service recovery before any promotion.`;
}
