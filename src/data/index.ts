/** Data layer: schema of the nine Olist files, locating, loading and querying them in DuckDB. */
export * from "./schema.js";
export * from "./db.js";
export * from "./errors.js";
export * from "./tables.js";
export * from "./locate.js";
export * from "./twinMarker.js";
export * from "./validate.js";
export * from "./load.js";
export * from "./checksums.js";
export * from "./integrity.js";
export * from "./policies.js";
