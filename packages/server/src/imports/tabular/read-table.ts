import fs from 'node:fs/promises';
import { parse, type Options } from 'csv-parse/sync';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { csvParseProblem } from './csv-problem.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { detectDelimiter, type Delimiter } from './detect-delimiter.ts';
import { TabularReadError, type TabularProblem } from './tabular-problem.ts';
import { spansColumns, surveyXlsx, xlsxRows } from './xlsx-stream.ts';

/** One row of a table as text cells, with the file's line (CSV) or the worksheet's row number (XLSX). */
export interface TableRow {
  line: number;
  cells: string[];
}

export type TableSource = { path: string } | { bytes: Uint8Array } | { text: string };

export interface ReadTableOptions {
  /** `detect`: XLSX when the bytes are a ZIP archive, else CSV. */
  format?: 'detect' | 'csv' | 'xlsx';
  encoding?: 'detect' | TextEncoding;
  delimiter?: 'detect' | string;
  /** The separator of a file with one column (nothing to detect from); `,` unless given. */
  defaultDelimiter?: Delimiter;
  /** Worksheet name or 1-based position; the first worksheet unless given. */
  sheet?: string | number;
  /**
   * `detect` (default): the first non-empty row is the header, and in XLSX the
   * header goes on below a row with horizontally merged cells (a group title
   * over sub-headers); a number: the header's line / row number; `none`: no
   * header, every row is data.
   */
  header?: 'detect' | 'none' | number;
  /** Repeated header names (ignoring case and spaces) refuse the table unless `allow`. */
  duplicateHeaders?: 'error' | 'allow';
  /** Trim every cell (off by default: Rosstat's indentation carries the hierarchy). */
  trim?: boolean;
  /** Drop rows whose cells are all blank (default true). */
  skipEmptyRows?: boolean;
  /** Accept a quote inside an unquoted field, as Rosstat's classifier files have. */
  relaxQuotes?: boolean;
  /** XLSX: bytes of packed shared strings kept in memory before they go to a temporary file. */
  stringsMemoryLimit?: number;
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were decoded. */
  encoding: TextEncoding | null;
  /** CSV only: the field separator used. */
  delimiter: string | null;
  /** XLSX only: the worksheet read. */
  sheet: string | null;
  /** Header names (trimmed, inner white space collapsed, merged header rows joined); null without a header. */
  headers: string[] | null;
  /** Line of the header's first row; null without a header. */
  headerLine: number | null;
  /** The rows after the header. */
  rows: TableRow[];
}

/** XLSX files are ZIP archives: they start with «PK\x03\x04». */
export function isXlsx(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/** The one reader of tabular input: CSV (any encoding and separator a Russian user saves) or XLSX. */
export async function readTable(
  source: TableSource,
  options: ReadTableOptions = {},
): Promise<Table> {
  if ('path' in source) {
    // An XLSX file is streamed from disk; only a CSV is read into memory.
    const handle = await fs.open(source.path, 'r');
    const first = Buffer.alloc(4);
    try {
      await handle.read(first, 0, 4, 0);
    } finally {
      await handle.close();
    }
    if (options.format === 'xlsx' || (options.format !== 'csv' && isXlsx(first)))
      return readXlsxTable(source, options);
    return readCsvTable({ bytes: await fs.readFile(source.path) }, options);
  }
  const xlsx =
    options.format === 'xlsx' ||
    (options.format !== 'csv' && 'bytes' in source && isXlsx(source.bytes));
  if (!xlsx) return readCsvTable(source, options);
  if (!('bytes' in source))
    throw new TabularReadError([
      problem(
        null,
        'xlsx_unreadable',
        'книга XLSX передана как текст',
        'an XLSX workbook was given as text',
      ),
    ]);
  return readXlsxTable(source, options);
}

/** CSV only, synchronously: for the commands that take text in and give text out. */
export function readCsvTable(
  source: { bytes: Uint8Array } | { text: string },
  options: ReadTableOptions = {},
): Table {
  let text: string;
  let encoding: TextEncoding | null = null;
  if ('text' in source) text = source.text;
  else {
    refuseOldExcel(source.bytes);
    ({ text, encoding } = decodeText(source.bytes, options.encoding ?? 'detect'));
  }
  const delimiter =
    options.delimiter === undefined || options.delimiter === 'detect'
      ? detectDelimiter(text, options.defaultDelimiter ?? ',')
      : options.delimiter;
  let records: TableRow[];
  // A record starts on the line after the previous one ends (empty lines are records too
  // here), so a quoted field with line breaks is reported at its first line.
  let previousEnd = 0;
  try {
    // Each record becomes a TableRow as it is parsed: keeping csv-parse's `info` object per
    // record (its `info: true` option) took about 3 KB a row — 0.8 GB for a 50 MB file.
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: options.relaxQuotes ?? false,
      skip_empty_lines: false,
      trim: options.trim ?? false,
      on_record: (record: string[], context: { lines: number }) => {
        const line = previousEnd + 1;
        previousEnd = context.lines;
        return { line, cells: record };
      },
    } satisfies Options<TableRow, string[]> as unknown as Options) as unknown as TableRow[];
  } catch (error) {
    throw new TabularReadError([csvParseProblem(error, previousEnd + 1, null, delimiter)]);
  }
  const { headers, headerLine, rows } = splitHeader(records, options, () => 1);
  return { format: 'csv', encoding, delimiter, sheet: null, headers, headerLine, rows };
}

/**
 * An XLSX table read through the streamed reader (xlsx-stream.ts) and kept
 * as rows of text: the workbook's cell objects, styles and XML are never
 * held whole (loading a 36 MB workbook whole took about 3 GB), only the
 * rows this function returns, for callers that need the whole table at once.
 */
async function readXlsxTable(
  source: { path: string } | { bytes: Uint8Array },
  options: ReadTableOptions,
): Promise<Table> {
  const survey = await surveyXlsx(source, options.sheet, {
    memoryLimit: options.stringsMemoryLimit,
  });
  const trim = options.trim ?? false;
  const records: TableRow[] = [];
  // Rows the file writes without a single value are not rows of the table (whole-workbook
  // readers skip them too); rows of blank text are, unless skipEmptyRows drops them.
  for await (const row of xlsxRows(source, survey, { trim }, { bytesRead: 0 }))
    if (row.cells.some((c) => c !== '')) records.push(row);
  const { headers, headerLine, rows } = splitHeader(records, options, (first) => {
    let depth = 1;
    while (depth < 5 && spansColumns(survey, first + depth - 1)) depth++;
    return depth;
  });
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: survey.sheet,
    headers,
    headerLine,
    rows,
  };
}

/** Finds the header among rows as read (in order) and splits them; the streaming reader uses it too. */
export function splitHeader(
  records: TableRow[],
  options: Pick<ReadTableOptions, 'header' | 'duplicateHeaders' | 'skipEmptyRows'>,
  depthAt: (firstLine: number) => number,
): { headers: string[] | null; headerLine: number | null; rows: TableRow[] } {
  const blank = (row: TableRow) => row.cells.every((cell) => cell.trim() === '');
  const kept = (options.skipEmptyRows ?? true) ? records.filter((row) => !blank(row)) : records;
  const mode = options.header ?? 'detect';
  if (mode === 'none') return { headers: null, headerLine: null, rows: kept };
  const start =
    mode === 'detect'
      ? kept.findIndex((row) => !blank(row))
      : kept.findIndex((row) => row.line === mode);
  if (start < 0) {
    if (mode !== 'detect')
      throw new TabularReadError([
        problem(
          mode,
          'no_header',
          `нет строки заголовка ${mode}`,
          `there is no header line ${mode}`,
        ),
      ]);
    return { headers: null, headerLine: null, rows: [] };
  }
  const first = kept[start]!;
  const depth = depthAt(first.line);
  const headerRows = kept
    .slice(start, start + depth)
    .filter((row) => row.line < first.line + depth);
  const width = Math.max(...headerRows.map((row) => row.cells.length));
  const headers = Array.from({ length: width }, (_, k) => {
    const parts: string[] = [];
    for (const row of headerRows) {
      const part = normaliseHeader(row.cells[k] ?? '');
      if (part !== '' && parts[parts.length - 1] !== part) parts.push(part);
    }
    return parts.join(' ');
  });
  if ((options.duplicateHeaders ?? 'error') === 'error') refuseDuplicates(headers, first.line);
  return {
    headers,
    headerLine: first.line,
    rows: kept.slice(start + headerRows.length),
  };
}

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function refuseDuplicates(headers: string[], line: number): void {
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  for (const name of headers) {
    if (name === '') continue;
    const key = name.toLowerCase();
    if (seen.has(key) && !repeated.includes(seen.get(key)!)) repeated.push(seen.get(key)!);
    else seen.set(key, name);
  }
  if (repeated.length > 0)
    throw new TabularReadError(
      repeated.map((name) =>
        problem(
          line,
          'duplicate_header',
          `столбец «${name}» повторяется в заголовке`,
          `column "${name}" is repeated in the header`,
          name,
        ),
      ),
    );
}

/** Excel 97–2003 workbooks (OLE compound files) are not read: the user saves them as XLSX or CSV. */
function refuseOldExcel(bytes: Uint8Array): void {
  const compound =
    bytes.length >= 4 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0;
  // A password-protected XLSX is an encrypted package inside the same compound-file
  // container as XLS; its directory names the stream «EncryptedPackage».
  if (
    compound &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(
      Buffer.from('EncryptedPackage', 'utf16le'),
    )
  )
    throw new TabularReadError([
      problem(
        null,
        'xlsx_encrypted',
        'книга XLSX защищена паролем: снимите пароль (Файл → Сведения → Защита книги) и загрузите снова',
        'the XLSX workbook is password-protected: remove the password and upload it again',
      ),
    ]);
  if (compound)
    throw new TabularReadError([
      problem(
        null,
        'xls_unsupported',
        'файл XLS (Excel 97–2003) не поддерживается: сохраните его как XLSX или CSV',
        'XLS (Excel 97–2003) is not supported: save the file as XLSX or CSV',
      ),
    ]);
}

/** A cell as text: numbers in full precision, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value)
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value)
      return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

function problem(
  line: number | null,
  code: string,
  message: string,
  messageEn: string,
  column: string | null = null,
): TabularProblem {
  return { line, column, code, message, messageEn };
}
