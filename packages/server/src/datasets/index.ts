/** What other features may use of datasets: its public surface. */
export {
  findDatasetByName,
  insertDataset,
  loadCategories,
  loadCategoryMapping,
  loadOkvedNames,
  loadValues,
  removeInterruptedImports,
  updateProvenance,
  upsertValues,
} from './dataset.repository.ts';
export { datasetRoutes } from './dataset.routes.ts';
export { createDataset, getDataset, importIntoDataset } from './dataset.service.ts';
export { importDatasetFile, prepareDatasetImport } from './import-dataset-file.ts';
export type { DatasetFile, ImportReference, PreparedImport } from './import-dataset-file.ts';
export type { LongTableMapping } from './import/parse-long-table.ts';
export { DatasetImportError } from './import/source-rows.ts';
