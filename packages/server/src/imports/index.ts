/** What other features may use of imports: its public surface. */
export { loadExcelJs } from './load-exceljs.ts';
export {
  prepareDatasetImportInWorker,
  readIndicatorTableInWorker,
  readRegistryFileInWorker,
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
} from './tabular/index.ts';
export type { Table, TableRow, TableSource, TabularProblem } from './tabular/index.ts';
export { UploadStore, tooLarge } from './upload-store.ts';
export { UPLOAD_CONTENT_TYPE, UPLOAD_LIMIT, uploadRoutes } from './upload.routes.ts';
