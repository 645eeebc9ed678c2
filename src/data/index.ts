/** Data layer: schema of the nine Olist files, locating, loading and querying them in DuckDB. */
export {
  KAGGLE_DATASET,
  KNOWN_PAYMENT_TYPES,
  OLIST_TABLES,
  ORDER_STATUSES,
  tableSpec,
} from "./schema.js";
export type {
  ColumnSpec,
  ColumnType,
  TableName,
  TableSpec,
  ValueDomain,
  ValuePolicy,
} from "./schema.js";
export { Database, toPlainValue } from "./db.js";
export type { Params, Row, Value } from "./db.js";
export { OlistDataError } from "./errors.js";
export { createOlistTables, createTableSql, SQL_TYPES } from "./tables.js";
export {
  checkReadableDir,
  chooseDataDir,
  dataSourceOf,
  describeSource,
  displayPath,
  findTableFile,
  GET_REAL_DATA,
  hasAnyOlistFile,
  resolveTableFiles,
} from "./locate.js";
export type { DataSource, LocateOptions } from "./locate.js";
export { isTwinDir, readTwinMarker, TWIN_MARKER_FILE } from "./twinMarker.js";
export type { TwinMarker } from "./twinMarker.js";
export {
  checkDelimiter,
  checkHeader,
  isHeaderLine,
  parseHeader,
  physicalLine,
  readHeaderLine,
  rejectsError,
} from "./validate.js";
export type { RejectedRecord } from "./validate.js";
export { loadOlist, loadTable, readCsvSql } from "./load.js";
export type { LoadedTable, LoadOlistOptions, OlistData } from "./load.js";
export { dataChecksums, sha256File } from "./checksums.js";
export type { FileChecksum } from "./checksums.js";
export { cachedScan, scanDataFile } from "./integrity.js";
export type { FileScan } from "./integrity.js";
export {
  applyValuePolicies,
  ensureValuePolicies,
  LOAD_CLEANING_TABLE,
  LOAD_RECORDS_TABLE,
  loadRuleCounts,
  valuePoliciesApplied,
} from "./policies.js";
export { checkValueErrors } from "./valueErrors.js";
export { applyWindowRules } from "./windowRules.js";
export type { LoadRuleCount } from "./windowRules.js";
export { plausibleWindow, WINDOW_FENCE_IQR, WINDOW_MIN_IQR_DAYS } from "./plausibleWindow.js";
export type { PlausibleWindow } from "./plausibleWindow.js";
