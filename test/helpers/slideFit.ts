/**
 * A browser-side check of a slide deck (run with `page.evaluate`): for every `section.slide`, the
 * body's content fits its height, no element leaves the slide, no element's text is wider than its
 * box, and no text is smaller than `minPx`. Returns one line per problem (none = fits).
 */
export function slideFitExpression(minPx: number): string {
  return `(() => {
  const min = ${JSON.stringify(minPx)};
  const out = [];
  for (const slide of document.querySelectorAll("section.slide")) {
    const box = slide.getBoundingClientRect();
    const body = slide.querySelector(".body");
    if (body && body.scrollHeight > body.clientHeight + 1)
      out.push(slide.id + ": body " + body.scrollHeight + " > " + body.clientHeight);
    for (const el of slide.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        out.push(slide.id + ": <" + el.tagName + "> outside the slide");
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        out.push(slide.id + ": <" + el.tagName + "> text wider than its box");
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (hasText && size < min - 0.01)
        out.push(slide.id + ": <" + el.tagName + "> " + JSON.stringify(el.textContent.slice(0, 20)) + " " + size + "px");
    }
  }
  return out;
})()`;
}
