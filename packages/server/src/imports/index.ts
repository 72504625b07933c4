/** What other features may use of imports: its public surface. */
export { loadExcelJs } from './load-exceljs.ts';
export { prepareDatasetImportInWorker, readIndicatorTableInWorker } from './run-import-worker.ts';
export {
  TabularReadError,
  bindColumns,
  decodeText,
  parseSpreadsheetNumber,
  readCsvTable,
  readTable,
} from './tabular/index.ts';
export type { Table, TableRow, TabularProblem } from './tabular/index.ts';
export { UploadStore, tooLarge } from './upload-store.ts';
export { uploadRoutes } from './upload.routes.ts';
