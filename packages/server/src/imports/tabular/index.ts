// The tabular input layer: every importer and CLI command reads CSV and XLSX through it.
export { decodeText, type DecodedText, type TextEncoding } from './decode-text.ts';
export { DELIMITERS, detectDelimiter, type Delimiter } from './detect-delimiter.ts';
export {
  cellText,
  isXlsx,
  readCsvTable,
  readTable,
  type ReadTableOptions,
  type Table,
  type TableRow,
  type TableSource,
} from './read-table.ts';
export {
  bindColumns,
  cell,
  cellIssue,
  mapRows,
  parseSpreadsheetNumber,
  type BoundColumns,
  type ColumnSpec,
  type ColumnSpecs,
  type RowError,
  type TypedRow,
} from './map-rows.ts';
export {
  streamTable,
  type StreamedTable,
  type StreamTableOptions,
  type TableHead,
} from './stream-table.ts';
export { countByCode, Quarantine, rawRow, type QuarantinedRow } from './quarantine.ts';
export { TabularReadError, type TabularProblem } from './tabular-problem.ts';
export {
  DEFAULT_STRINGS_MEMORY_LIMIT,
  SharedStrings,
  openSharedStringStores,
  type SharedStringsOptions,
} from './shared-strings.ts';
