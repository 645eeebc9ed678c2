/** Maintenance simulation: segment stability over time, drift diagnostics and the retraining decision. */
export * from "./drift.js";
export * from "./refit.js";
export * from "./snapshot.js";
export * from "./simulate.js";
export * from "./report.js";
export * from "./cadence.js";
export * from "./run.js";
