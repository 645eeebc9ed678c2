/** The main job (`npm start`): the whole pipeline in one call, with its stage timings. */
export * from "./mainJob.js";
export * from "./stages.js";
export { openOlist } from "./openData.js";
export type { OpenOlistOptions } from "./openData.js";
export * from "./segmentWorth.js";
export { metricsFileFields } from "./metricsFields.js";
export type { MetricsFileFields, MetricsFileFieldsOptions } from "./metricsFields.js";
export * from "./segmentRun.js";
