import { parse, type Options } from 'csv-parse/sync';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { loadExcelJs } from '../../imports/load-exceljs.ts';
import { decodeText } from '../../imports/decode-text.ts';

/** A file of indicator values as rows of text cells, before validation. */
export interface IndicatorTable {
  /** Column name (canonical, see COLUMN_NAMES) → index in each row. */
  columns: Map<IndicatorColumn, number>;
  /** Data rows with their 1-based line in the file (the header is line 1 of CSV, its row of XLSX). */
  rows: { line: number; cells: string[] }[];
  /** Header problems (unknown, repeated or missing columns). */
  problems: { line: number | null; field: string; value: string | null; message: string }[];
}

export type IndicatorColumn = 'object' | 'indicator' | 'value' | 'year' | 'source' | 'peer_group';

/** Accepted header spellings (case-insensitive), English and Russian. */
const COLUMN_NAMES: Record<string, IndicatorColumn> = {
  object: 'object',
  объект: 'object',
  indicator: 'indicator',
  показатель: 'indicator',
  value: 'value',
  значение: 'value',
  year: 'year',
  год: 'year',
  source: 'source',
  источник: 'source',
  // Accepted so a `ratings compute` values file can be imported as is; the
  // peer group is taken from the registry (SEZ type), not from the file.
  peer_group: 'peer_group',
};
const REQUIRED: IndicatorColumn[] = ['object', 'indicator', 'value'];

/** XLSX files are ZIP archives: they start with «PK\x03\x04». */
export function isXlsx(content: Buffer): boolean {
  return (
    content.length >= 4 &&
    content[0] === 0x50 &&
    content[1] === 0x4b &&
    content[2] === 0x03 &&
    content[3] === 0x04
  );
}

/**
 * Reads CSV (comma or semicolon, UTF-8 or Windows-1251, see decodeText) or
 * the first worksheet of an XLSX workbook. Cells are trimmed text; numbers
 * from XLSX keep full precision.
 */
export async function readIndicatorTable(content: Buffer): Promise<IndicatorTable> {
  const records = isXlsx(content) ? await readXlsx(content) : readCsv(decodeText(content));
  const problems: IndicatorTable['problems'] = [];
  const columns = new Map<IndicatorColumn, number>();
  const [head, ...body] = records;
  if (!head) {
    problems.push({ line: null, field: 'файл', value: null, message: 'файл пуст' });
    return { columns, rows: [], problems };
  }
  head.cells.forEach((name, k) => {
    const column = COLUMN_NAMES[name.trim().toLowerCase()];
    if (!column) {
      if (name.trim() !== '')
        problems.push({
          line: head.line,
          field: name,
          value: name,
          message: `неизвестный столбец «${name}»; допустимы object, indicator, value, year, source (или объект, показатель, значение, год, источник)`,
        });
      return;
    }
    if (columns.has(column))
      problems.push({
        line: head.line,
        field: column,
        value: name,
        message: `столбец «${column}» повторяется`,
      });
    columns.set(column, k);
  });
  for (const column of REQUIRED)
    if (!columns.has(column))
      problems.push({
        line: head.line,
        field: column,
        value: null,
        message: `нет обязательного столбца «${column}»`,
      });
  return { columns, rows: body.filter((r) => r.cells.some((c) => c !== '')), problems };
}

function readCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  // Each record becomes { line, cells } as it is parsed: keeping csv-parse's `info` object per
  // record (its `info: true` option) took about 3 KB a row.
  return parse(text, {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    on_record: (record: string[], context: { lines: number }) => ({
      line: context.lines,
      cells: record,
    }),
  } satisfies Options<
    { line: number; cells: string[] },
    string[]
  > as unknown as Options) as unknown as { line: number; cells: string[] }[];
}

async function readXlsx(content: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const out: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    out.push({ line: rowNumber, cells });
  });
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value)
      return (value as ExcelJS.CellRichTextValue).richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String((value as { text: unknown }).text).trim();
  }
  return String(value).trim();
}
