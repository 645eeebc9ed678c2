/**
 * olist-segmentation toolbox: everything the notebooks and commands use, by concern.
 *
 * @example
 * import { openOlist, customerFeatures, fitSegmentModel } from "../dist/index.js"; // in notebooks/
 */
export * from "./data/index.js";
export * from "./display/index.js";
export * from "./charts/index.js";
export * from "./twin/index.js";
export * from "./features/index.js";
export * from "./explore/index.js";
export * from "./cluster/index.js";
export * from "./metrics/index.js";
export * from "./pca/index.js";
export * from "./segments/index.js";
export * from "./maintenance/index.js";
export * from "./rules/index.js";
export * from "./stability/index.js";
export * from "./revenue/index.js";
export * from "./brief/index.js";
export * from "./slides/index.js";
export * from "./value/index.js";
export * from "./util/random.js";
export * from "./util/paths.js";
export * from "./pipeline/index.js";
export * from "./util/progress.js";
export * from "./util/atomicWrite.js";
export * from "./util/errors.js";
