/** Maintenance simulation: segment stability over time, drift diagnostics and the retraining decision. */
export * from "./drift.js";
export * from "./simulate.js";
