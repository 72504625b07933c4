import type * as ExcelJS from '@cj-tech-master/excelts';

/**
 * The XLSX library (excelts, a maintained, dependency-free TypeScript fork of
 * exceljs with the same API) is loaded on first use: it is large, and would
 * otherwise add to every server start although only XLSX imports and exports
 * need it.
 */
let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('@cj-tech-master/excelts');
  return loaded;
}
