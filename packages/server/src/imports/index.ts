/** What other features may use of imports: its public surface. */
export { loadExcelJs } from './load-exceljs.ts';
export {
  prepareDatasetImportInWorker,
  readIndicatorTableInWorker,
  readRegistryFileInWorker,
  streamRegistryFileInWorker,
  type RegistryStreamEvent,
} from './run-import-worker.ts';
export {
  TabularReadError,
  bindColumns,
  cell,
  cellIssue,
  decodeText,
  mapRows,
  parseSpreadsheetNumber,
  readCsvTable,
  readTable,
  streamTable,
} from './tabular/index.ts';
export type {
  StreamedTable,
  Table,
  TableRow,
  TableSource,
  TabularProblem,
} from './tabular/index.ts';
export { UploadStore, tooLarge } from './upload-store.ts';
export { UPLOAD_CONTENT_TYPE, UPLOAD_LIMIT, uploadRoutes } from './upload.routes.ts';
