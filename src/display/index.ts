/** Notebook display: tables, banners and raw MIME bundles. */
export * from "./notebook.js";
export * from "./table.js";
export * from "./banner.js";
export * from "./takeaway.js";
export { NO_MATH_CLASS, escapeMarkdown } from "./text.js";
