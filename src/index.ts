/**
 * olist-segmentation toolbox: everything the notebooks and commands use, by concern.
 *
 * @example
 * import { openOlist, showTable } from "../dist/index.js"; // from a notebook in notebooks/
 */
export * from "./data/index.js";
export * from "./display/index.js";
export * from "./util/random.js";
export * from "./util/paths.js";
