import { parse, type Options } from 'csv-parse/sync';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { loadExcelJs } from '../../imports/load-exceljs.ts';
import { DatasetImportError } from './source-rows.ts';

/** Rows of a file as text cells, with the line each came from. */
export interface GridRow {
  line: number;
  cells: string[];
}

/**
 * Reads CSV text into rows without trimming (Rosstat's indentation carries the
 * hierarchy). Comma-separated, or semicolon-separated when the first line has
 * semicolons and no commas (Excel in a Russian locale); a BOM is ignored.
 */
export function readCsvGrid(text: string): GridRow[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    // Each record becomes a GridRow as it is parsed: keeping csv-parse's `info` object per
    // record (its `info: true` option) took about 3 KB a row — 0.8 GB for a 50 MB file.
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context: { lines: number }) => ({
        line: context.lines,
        cells: record,
      }),
    } satisfies Options<GridRow, string[]> as unknown as Options) as unknown as GridRow[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const where = typeof lines === 'number' ? `строка ${lines}: ` : '';
    throw new DatasetImportError([
      {
        ru: `${where}файл CSV не читается (${(error as Error).message})`,
        en: `${where}CSV cannot be parsed`,
      },
    ]);
  }
}

/** Reads the first worksheet of an XLSX file; `line` is the worksheet row number. */
export async function readXlsxGrid(buffer: Buffer): Promise<GridRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new DatasetImportError([
      { ru: `файл XLSX не читается (${(error as Error).message})`, en: 'XLSX cannot be read' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new DatasetImportError([
      { ru: 'в файле XLSX нет листов', en: 'the XLSX file has no worksheets' },
    ]);
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text ?? '';
}
