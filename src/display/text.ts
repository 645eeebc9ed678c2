/**
 * Text that every notebook front end shows as written: HTML escaping, Markdown escaping, and the
 * class that tells MathJax to leave an element alone. Classic Notebook, JupyterLab and nbconvert's
 * HTML pages run MathJax over outputs, which reads the text between two `$` as TeX: without this,
 * "(R$ 185) against R$ 157" turns into italic math.
 */

/**
 * Classes MathJax skips: `tex2jax_ignore` (MathJax 2: classic Notebook, JupyterLab 3, nbconvert 6)
 * and `mathjax_ignore` (MathJax 3's default `ignoreHtmlClass`). Put them on every container whose
 * text may hold a `$`.
 */
export const NO_MATH_CLASS = "tex2jax_ignore mathjax_ignore";

/**
 * Escapes text for an HTML element or a double- or single-quoted attribute.
 *
 * @example
 * escapeHtml(`<b class="x">R$ 5 & 'co'</b>`); // "&lt;b class=&quot;x&quot;&gt;R$ 5 &amp; &#39;co&#39;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Characters that Markdown renderers read as markup, and how each is written literally. */
const MARKDOWN_LITERALS: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  // An entity rather than a backslash escape: MathJax-based renderers either keep the backslash
  // (old marked) or drop it before typesetting (new marked); KaTeX (VS Code) reads only "$" as math.
  $: "&#36;",
  "~": "&#126;",
  "|": "&#124;",
  "\\": "\\\\",
  "`": "\\`",
  "*": "\\*",
  _: "\\_",
  "[": "\\[",
  "]": "\\]",
  "#": "\\#",
};

/**
 * Escapes text for inline Markdown so that it renders literally in every Markdown renderer
 * (classic Notebook's old marked, JupyterLab, VS Code's markdown-it + KaTeX, nbconvert's mistune):
 * no emphasis, code, link, heading, table, strike-through, HTML or math. Wrap the result in an
 * element with {@link NO_MATH_CLASS}, since MathJax typesets the rendered text again.
 *
 * @example
 * escapeMarkdown("R$ 185 vs R$ 157 by credit_card"); // "R&#36; 185 vs R&#36; 157 by credit\\_card"
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>$~|\\`*_[\]#]/g, (c) => MARKDOWN_LITERALS[c]);
}
