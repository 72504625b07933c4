import type ExcelJS from 'exceljs';

/**
 * exceljs is loaded on first use: it pulls in a few hundred modules, which
 * would otherwise add about half a second to every server start although
 * only XLSX imports and exports need it.
 */
let loaded: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then(
    (m) =>
      (m as unknown as { default: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS),
  );
  return loaded;
}
