/**
 * A browser-side check of a printed page (run with `page.evaluate`): every table fits its
 * container (its width and scroll width at most the container's inner width) and nothing makes the
 * page wider than the viewport. Returns one line per problem (none = fits).
 */
export const TABLE_FIT_EXPRESSION = `(() => {
  const out = [];
  const doc = document.scrollingElement || document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    out.push("page: scrollWidth " + doc.scrollWidth + " > clientWidth " + doc.clientWidth);
  document.querySelectorAll("table").forEach((table, i) => {
    const name = "table " + i + (table.className ? " (" + table.className + ")" : "");
    const box = table.parentElement;
    if (table.scrollWidth > table.clientWidth + 1)
      out.push(name + ": scrollWidth " + table.scrollWidth + " > clientWidth " + table.clientWidth);
    if (box && table.offsetWidth > box.clientWidth + 1)
      out.push(name + ": width " + table.offsetWidth + " > its container's " + box.clientWidth);
    if (box && box.scrollWidth > box.clientWidth + 1)
      out.push(name + ": container scrollWidth " + box.scrollWidth + " > clientWidth " + box.clientWidth);
  });
  return out;
})()`;
