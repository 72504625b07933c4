// What other features may use of the exports: the streamed writers and the list export use case.
export { exportRoutes } from './exports.routes.ts';
export { csvChunks } from './csv-writer.ts';
export { xlsxStream } from './xlsx-writer.ts';
export { geojsonChunks, pointOf, type ExportGeometry } from './geojson-writer.ts';
export { exportList, type ExportFile } from './exports.service.ts';
export { ExportOptionsSchema, type ExportColumn, type ExportOptions } from './export-format.ts';
