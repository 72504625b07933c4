import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { loadExcelJs } from '../load-exceljs.ts';
import { cellText, type TableRow } from './read-table.ts';
import { SharedStrings, type SharedStringsOptions } from './shared-strings.ts';
import { TabularReadError, type TabularProblem } from './tabular-problem.ts';

/**
 * XLSX read as a stream, in two passes over the file (excelts' streaming
 * WorkbookReader, which unzips and parses as the bytes arrive):
 *
 * 1. the survey: the workbook's sheets, its shared strings and styles, and
 *    the chosen sheet's merged ranges. A sheet stores its <mergeCells> after
 *    its <sheetData>, and the streaming reader does not report them at all,
 *    so the sheet's XML is scanned as raw bytes for them (no cell is parsed);
 * 2. the rows: the same file read again, the chosen sheet's rows parsed one
 *    at a time with the survey's strings and styles, merged cells filled with
 *    their master's value as the whole-workbook reader fills them.
 *
 * Memory holds the styles and the merged ranges, never the rows: the second
 * pass reads the file only as fast as rows are taken. The strings table is
 * packed, and past a few tens of megabytes kept in a temporary file
 * (shared-strings.ts), so memory stays bounded whatever the file's size; the
 * survey's `close` releases it (the rows' pass does at its end).
 */

export type XlsxSource = { path: string } | { bytes: Uint8Array };

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSurvey {
  /** The chosen worksheet's name and its part number (xl/worksheets/sheet<N>.xml). */
  sheet: string;
  sheetNo: number;
  /** Its merged ranges, by first row. */
  merges: Merge[];
  /**
   * Formula cells whose cached result the streaming reader cannot type
   * (it reads every non-text result as a number): errors such as #REF! and
   * booleans, by address.
   */
  formulaResults: Map<string, ExcelJS.CellValue>;
  sharedStrings: SharedStrings;
  styles: unknown;
  workbookRels: unknown;
  properties: unknown;
  /** Releases the strings table (its temporary file); safe to call more than once. */
  close: () => void;
}

const problem = (code: string, message: string, messageEn: string): TabularProblem => ({
  line: null,
  column: null,
  code,
  message,
  messageEn,
});

const unreadable = (detail: string) =>
  new TabularReadError([
    problem(
      'xlsx_unreadable',
      `файл XLSX не читается (${detail})`,
      `XLSX cannot be read (${detail})`,
    ),
  ]);

/**
 * A ZIP archive ends with its central directory's end record: a file cut
 * short has none. Checked first because the streaming unzip, given a file
 * cut inside an entry, waits for bytes that never come instead of failing.
 */
async function refuseTruncated(source: XlsxSource): Promise<void> {
  const tailSize = 22 + 65535;
  let tail: Buffer;
  if ('bytes' in source) {
    const b = source.bytes;
    tail = Buffer.from(b.buffer, b.byteOffset, b.length).subarray(Math.max(0, b.length - tailSize));
  } else {
    const handle = await fs.promises.open(source.path, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - tailSize);
      tail = Buffer.alloc(size - start);
      await handle.read(tail, 0, tail.length, start);
    } finally {
      await handle.close();
    }
  }
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tail.length)
    throw unreadable('файл обрезан: нет оглавления архива — загрузите файл целиком');
}

/** A number format that shows a date: the test excelts applies to plain cells (not exported). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let first = '';
  let quoted = false;
  let bracket = false;
  for (const ch of format) {
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    else if (ch === ';' && !quoted && !bracket) break;
    first += ch;
  }
  const clean = first.replace(/\[[^\]]*\]|"[^"]*"/g, '');
  return !clean.includes('@') && /[ymdhMsb]/.test(clean);
}

function formatCode(format: string | { formatCode?: string } | undefined): string | undefined {
  return typeof format === 'string' ? format : format?.formatCode;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?\bref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g;
const TYPED_FORMULA =
  /<(?:\w+:)?c\s([^>]*?\bt="([eb])"[^>]*)>(?:(?!<\/(?:\w+:)?c>)[\s\S])*?<(?:\w+:)?f[\s>/](?:(?!<\/(?:\w+:)?c>)[\s\S])*?<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/g;

/** Column letters and row number of an A1 address. */
function decodeAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Scans a sheet's raw XML for its merged ranges and its typed formula
 * results, chunk by chunk: a chunk is searched as text only when it holds
 * one of them, with the end of the previous chunk carried over so that an
 * element cut between two chunks is found whole in the next.
 */
async function scanSheet(
  chunks: AsyncIterable<unknown>,
): Promise<{ merges: Merge[]; formulaResults: Map<string, ExcelJS.CellValue>; closed: boolean }> {
  const CARRY = 16384;
  const mergeTag = Buffer.from('mergeCell');
  const errorType = Buffer.from('t="e"');
  const booleanType = Buffer.from('t="b"');
  const merges = new Map<string, Merge>();
  const formulaResults = new Map<string, ExcelJS.CellValue>();
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    const buffer = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
    const hasMerge = buffer.includes(mergeTag);
    const hasTyped = buffer.includes(errorType) || buffer.includes(booleanType);
    if (hasMerge || hasTyped) {
      // Addresses and cached results are ASCII: latin1 keeps the bytes' positions.
      const text = buffer.toString('latin1');
      if (hasMerge)
        for (const m of text.matchAll(MERGE)) {
          const a = decodeAddress(m[1]!);
          const b = decodeAddress(m[2] ?? m[1]!);
          merges.set(m[0], {
            top: Math.min(a.row, b.row),
            left: Math.min(a.col, b.col),
            bottom: Math.max(a.row, b.row),
            right: Math.max(a.col, b.col),
          });
        }
      if (hasTyped)
        for (const m of text.matchAll(TYPED_FORMULA)) {
          const ref = /\br="([A-Z]+\d+)"/.exec(m[1]!)?.[1];
          if (!ref) continue;
          const cached = Buffer.from(m[3]!, 'latin1').toString('utf8');
          formulaResults.set(
            ref,
            m[2] === 'e' ? ({ error: cached } as ExcelJS.CellErrorValue) : Number(cached) !== 0,
          );
        }
    }
    carry = buffer.subarray(Math.max(0, buffer.length - CARRY));
  }
  const closed = /<\/(?:\w+:)?worksheet>\s*$/.test(carry.toString('latin1'));
  const byTop = [...merges.values()].sort((x, y) => x.top - y.top || x.left - y.left);
  return { merges: byTop, formulaResults, closed };
}

/** The worksheets' names in the workbook's order, and each one's part number. */
function sheetsOf(reader: ExcelJS.WorkbookReader): Array<{ name: string; sheetNo: number | null }> {
  const rels = reader.workbookRels ?? [];
  return (reader.model?.sheets ?? []).map((sheet) => {
    const target = rels.find((r) => r.Id === sheet.rId)?.Target ?? '';
    const no = /sheet(\d+)\.xml$/i.exec(target)?.[1];
    return { name: sheet.name, sheetNo: no === undefined ? null : Number(no) };
  });
}

/** Pass 1: which sheet, its merged ranges, and the workbook's strings and styles. */
export async function surveyXlsx(
  source: XlsxSource,
  sheetOption: string | number | undefined,
  stringsOptions: SharedStringsOptions = {},
): Promise<XlsxSurvey> {
  await refuseTruncated(source);
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.WorkbookReader('path' in source ? source.path : source.bytes, {
    worksheets: 'emit',
    // Emitted, not cached: a cached table makes the reader set aside every sheet
    // that comes before the strings in the archive (Excel writes them last).
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  const sharedStrings = new SharedStrings(stringsOptions);
  try {
    return await survey(reader, sharedStrings, sheetOption);
  } catch (error) {
    sharedStrings.close();
    throw error;
  }
}

async function survey(
  reader: ExcelJS.WorkbookReader,
  sharedStrings: SharedStrings,
  sheetOption: string | number | undefined,
): Promise<XlsxSurvey> {
  const scanned = new Map<number, Awaited<ReturnType<typeof scanSheet>>>();
  try {
    for await (const event of reader.parse()) {
      if (event.eventType === 'shared-strings') {
        const text = event.value.text as string | ExcelJS.CellRichTextValue;
        // Only the text is kept (rich text's runs joined, as cellText reads them); packing
        // copies it out of the parser's XML chunk, which a slice would keep alive.
        sharedStrings.push(
          typeof text === 'string' ? text : text.richText.map((r) => r.text).join(''),
        );
      } else if (event.eventType === 'worksheet')
        scanned.set(event.value.sheetNo, await scanSheet(event.value.iterator));
    }
    sharedStrings.finish();
  } catch (error) {
    if (error instanceof TabularReadError) throw error;
    throw unreadable((error as Error).message);
  }
  if (!reader.model) throw unreadable('в архиве нет описания книги xl/workbook.xml');
  const sheets = sheetsOf(reader);
  const chosen =
    sheetOption === undefined
      ? sheets[0]
      : typeof sheetOption === 'number'
        ? sheets[sheetOption - 1]
        : sheets.find((s) => s.name === sheetOption);
  if (!chosen)
    throw new TabularReadError([
      sheets.length === 0
        ? problem('no_sheet', 'в файле XLSX нет листов', 'the XLSX file has no worksheets')
        : problem(
            'sheet_not_found',
            `в файле XLSX нет листа «${String(sheetOption)}»; листы: ${sheets.map((s) => `«${s.name}»`).join(', ')}`,
            `the XLSX file has no worksheet "${String(sheetOption)}"; worksheets: ${sheets.map((s) => s.name).join(', ')}`,
          ),
    ]);
  const scan = chosen.sheetNo === null ? undefined : scanned.get(chosen.sheetNo);
  if (!scan) throw unreadable(`в архиве нет листа «${chosen.name}»`);
  if (!scan.closed) throw unreadable(`лист «${chosen.name}» обрывается`);
  return {
    sheet: chosen.name,
    sheetNo: chosen.sheetNo!,
    merges: scan.merges,
    formulaResults: scan.formulaResults,
    sharedStrings,
    styles: reader.styles,
    workbookRels: reader.workbookRels,
    properties: reader.properties,
    close: () => sharedStrings.close(),
  };
}

/** The header's depth as the whole-workbook reader tells it: a row with a cell merged across columns goes on below. */
export function spansColumns(survey: XlsxSurvey, row: number): boolean {
  return survey.merges.some((m) => m.top === row && m.right > m.left);
}

/**
 * Pass 2: the chosen sheet's rows in order, each cell as text (a merged
 * cell takes its master's value; a row inside a merged range that the file
 * does not write is given all the same), with how many bytes of the file
 * have been read.
 */
export async function* xlsxRows(
  source: XlsxSource,
  survey: XlsxSurvey,
  options: { trim: boolean },
  progress: { bytesRead: number },
): AsyncGenerator<TableRow> {
  const ExcelJS = await loadExcelJs();
  const file = 'path' in source ? fs.createReadStream(source.path) : Readable.from([source.bytes]);
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      progress.bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  file.on('error', (e: Error) => count.destroy(e));
  file.pipe(count);
  const reader = new ExcelJS.WorkbookReader(count, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  // What the survey learnt, given before the archive is read again: the reader sets a
  // sheet aside in a temporary file until it has the workbook's relationships (which
  // excelts' own streaming writer puts after the sheets), and takes the strings,
  // styles and date system from wherever they come in the archive.
  reader.sharedStrings = survey.sharedStrings.asArray() as typeof reader.sharedStrings;
  reader.styles = survey.styles as typeof reader.styles;
  reader.workbookRels = survey.workbookRels as typeof reader.workbookRels;
  reader.properties = survey.properties as typeof reader.properties;
  const trim = options.trim;
  const merges = survey.merges;
  let nextMerge = 0;
  let active: Array<Merge & { text: string }> = [];
  let last = 0;
  /** Fills the row's merged cells from their masters, taking new masters from it. */
  const resolve = (line: number, cells: string[]): TableRow => {
    while (nextMerge < merges.length && merges[nextMerge]!.top <= line)
      active.push({ ...merges[nextMerge++]!, text: '' });
    active = active.filter((m) => m.bottom >= line);
    for (const m of active) {
      if (m.top === line) m.text = cells[m.left - 1] ?? '';
      while (cells.length < m.right) cells.push('');
      for (let c = m.left; c <= m.right; c++)
        if (c !== m.left || line !== m.top) cells[c - 1] = m.text;
    }
    return { line, cells };
  };
  /** Rows the file skips but a merged range covers (the whole-workbook reader has them). */
  function* between(upTo: number): Generator<TableRow> {
    for (let line = last + 1; line < upTo; line++) {
      const covered =
        active.some((m) => m.bottom >= line) ||
        (nextMerge < merges.length && merges[nextMerge]!.top <= line);
      if (covered) yield resolve(line, []);
      else if (nextMerge >= merges.length) return;
      else line = Math.max(line, merges[nextMerge]!.top - 1);
    }
  }
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const textOf = (cell: ExcelJS.Cell): string => {
    let value = cell.value;
    if (value !== null && typeof value === 'object' && 'formula' in value) {
      const typed = survey.formulaResults.get(cell.address);
      const result = (value as { result?: unknown }).result;
      if (typed !== undefined) value = { ...value, result: typed } as ExcelJS.CellValue;
      else if (typeof result === 'number' && Number.isNaN(result))
        value = { ...value, result: { error: '#VALUE!' } } as ExcelJS.CellValue;
      else if (typeof result === 'number' && isDateFormat(formatCode(cell.numFmt)))
        value = { ...value, result: excelDate(result, date1904) } as ExcelJS.CellValue;
    }
    const text = cellText(value);
    return trim ? text.trim() : text;
  };
  try {
    for await (const worksheet of reader) {
      if (worksheet.sheetNo !== survey.sheetNo) {
        for await (const chunk of worksheet.iterator) void chunk;
        continue;
      }
      for await (const row of worksheet) {
        yield* between(row.number);
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(textOf(row.getCell(c)));
        yield resolve(row.number, cells);
        last = row.number;
      }
      const end = merges.reduce((max, m) => Math.max(max, m.bottom), last);
      yield* between(end + 1);
    }
  } catch (error) {
    if (error instanceof TabularReadError) throw error;
    throw unreadable((error as Error).message);
  } finally {
    file.destroy();
    survey.close();
  }
}
