import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { csvParseProblem } from './csv-problem.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import {
  isXlsx,
  readTable,
  type ReadTableOptions,
  type Table,
  type TableRow,
} from './read-table.ts';
import { TabularReadError, type TabularProblem } from './tabular-problem.ts';
import { xlsxTable } from './stream-xlsx-table.ts';

/** A table's header and how it was read, known before its rows. */
export type TableHead = Omit<Table, 'rows'>;

/** The rows of a table in batches, each with how far into the file it reaches. */
export interface StreamedTable {
  head: TableHead;
  batches: AsyncIterable<{ rows: TableRow[]; bytesRead: number }>;
  /** The file's size in bytes (for a progress estimate). */
  bytes: number;
  /** Lets go of the file when the batches are not going to be read (an XLSX holds it open). */
  close?: () => Promise<void>;
}

export interface StreamTableOptions extends Pick<
  ReadTableOptions,
  'sheet' | 'trim' | 'duplicateHeaders' | 'stringsMemoryLimit'
> {
  /** The header's line; detected otherwise. */
  header?: number | undefined;
  /**
   * Detecting the header, a first row with at most one filled cell is a
   * title above the table («Реестр организаций …»): the header is the first
   * of the next 20 rows with two or more.
   */
  skipTitleRows?: boolean;
  batchSize: number;
}

/** How much of a CSV file its encoding and separator are told from. */
const SAMPLE_BYTES = 65536;

const problem = (line: number | null, code: string, ru: string, en: string): TabularProblem => ({
  line,
  column: null,
  code,
  message: ru,
  messageEn: en,
});

/**
 * Reads a table in batches of rows without holding the whole file: a CSV is
 * decoded and parsed as a stream (csv-parse's stream API), its encoding and
 * separator told from the first 64 KB, so memory stays bounded whatever the
 * file's size. An XLSX workbook is read in two passes (xlsx-stream.ts):
 * its merged ranges, strings and styles first, then its rows as a stream,
 * so memory holds the packed strings table (spilled to a temporary file
 * when large), never the rows. The header is found as
 * `readTable` finds it;
 * problems of the file are TabularReadError, thrown from the head or, for a
 * fault further into a CSV, from the batches.
 */
export async function streamTable(
  source: { path: string } | { bytes: Uint8Array },
  options: StreamTableOptions,
): Promise<StreamedTable> {
  const size = 'path' in source ? (await fs.promises.stat(source.path)).size : source.bytes.length;
  const first = await firstBytes(source, SAMPLE_BYTES);
  if (isXlsx(first)) return xlsxTable(source, options, size);
  // Cut the sample after its last line break, so no character is split.
  const cut = first.lastIndexOf(0x0a);
  const sample = size > first.length && cut > 0 ? first.subarray(0, cut + 1) : first;
  // An old Excel or password-protected workbook: readTable refuses it with its own words.
  if (
    first.length >= 4 &&
    first[0] === 0xd0 &&
    first[1] === 0xcf &&
    first[2] === 0x11 &&
    first[3] === 0xe0
  )
    await readTable(source);
  // Binary files and KOI8-R are refused by the decoding, as by readTable.
  const decoded = decodeText(sample);
  const encoding = decoded.encoding;
  const delimiter = detectDelimiter(decoded.text, ',');
  const input = 'path' in source ? fs.createReadStream(source.path) : Readable.from([source.bytes]);
  let bytesRead = 0;
  const decoder = decoderOf(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      try {
        callback(null, decoder.write(chunk));
      } catch {
        callback(
          new TabularReadError([
            problem(
              null,
              'invalid_encoding',
              `файл не в кодировке ${encoding}: байты после ${bytesRead - chunk.length}-го не читаются`,
              `the file is not valid ${encoding} after byte ${bytesRead - chunk.length}`,
            ),
          ]),
        );
      }
    },
    flush(callback) {
      callback(null, decoder.end());
    },
  });
  let previousEnd = 0;
  const csvOptions: Options = {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: options.trim ?? false,
    on_record: (record: string[], context: { lines: number }) => {
      const line = previousEnd + 1;
      previousEnd = context.lines;
      return { line, cells: record } as unknown as string[];
    },
  };
  const parser = parse(csvOptions);
  input.on('error', (e: Error) => decode.destroy(e));
  decode.on('error', (e: Error) => parser.destroy(e));
  input.pipe(decode).pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<TableRow>;
  const next = async (): Promise<TableRow | undefined> => {
    try {
      const r = await records.next();
      return r.done ? undefined : r.value;
    } catch (error) {
      if (error instanceof TabularReadError) throw error;
      // A fault can surface before the header is taken (the parser runs ahead of the rows
      // read, and drops them once it fails): the header is then told from the sample.
      const named = headers ?? sampleHeader(decoded.text, delimiter, options);
      throw new TabularReadError([csvParseProblem(error, previousEnd + 1, named, delimiter)]);
    }
  };
  // Known once the header is read: a fault further on names its column.
  let headers: string[] | null = null;
  const blank = (row: TableRow) => row.cells.every((c) => c.trim() === '');
  const named = (row: TableRow) => row.cells.filter((c) => c.trim() !== '').length;
  // Find the header: read (and keep) the first rows, up to the header and 20 more.
  let early: TableRow[] = [];
  for (;;) {
    const row = await next();
    if (!row) break;
    if (blank(row)) continue;
    early.push(row);
    if (options.header !== undefined) {
      if (row.line >= options.header) break;
      continue;
    }
    if (!options.skipTitleRows || named(early[0]!) >= 2) break;
    if (early.length > 1 && named(row) >= 2) break;
    if (early.length > 21) break;
  }
  let header: TableRow | undefined;
  if (options.header !== undefined) {
    const at = early.findIndex((r) => r.line === options.header);
    if (at < 0)
      throw new TabularReadError([
        problem(
          options.header,
          'no_header',
          `нет строки заголовка ${options.header}`,
          `there is no header line ${options.header}`,
        ),
      ]);
    header = early[at];
    early = early.slice(at + 1);
  } else if (early.length > 0) {
    const titled = options.skipTitleRows && named(early[0]!) <= 1;
    const at = titled
      ? Math.max(
          0,
          early.findIndex((r) => named(r) >= 2),
        )
      : 0;
    header = early[at];
    early = early.slice(at + 1);
  }
  headers = header
    ? header.cells.map((c) =>
        c
          .replace(/^\uFEFF/, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
    : null;
  if (headers && (options.duplicateHeaders ?? 'error') === 'error')
    refuseDuplicates(headers, header!.line);
  const head: TableHead = {
    format: 'csv',
    encoding: encoding as TextEncoding,
    delimiter,
    sheet: null,
    headers,
    headerLine: header?.line ?? null,
  };
  async function* batches() {
    let rows: TableRow[] = early;
    for (;;) {
      const row = await next();
      if (!row) break;
      if (blank(row)) continue;
      rows.push(row);
      if (rows.length >= options.batchSize) {
        yield { rows, bytesRead };
        rows = [];
      }
    }
    if (rows.length > 0) yield { rows, bytesRead: size };
  }
  return { head, batches: batches(), bytes: size };
}

/** The header row as the sample shows it, to name a column; null when the sample does not parse. */
function sampleHeader(
  text: string,
  delimiter: string,
  options: Pick<StreamTableOptions, 'header' | 'skipTitleRows'>,
): string[] | null {
  try {
    const records = parseSync(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      to_line: (typeof options.header === 'number' ? options.header : 0) + 25,
    }) as string[][];
    const filled = (r: string[]) => r.filter((c) => c.trim() !== '').length;
    if (typeof options.header === 'number') return records[options.header - 1] ?? null;
    const first = records.find((r) => filled(r) > 0);
    if (!first) return null;
    return options.skipTitleRows && filled(first) <= 1
      ? (records.find((r) => filled(r) >= 2) ?? null)
      : first;
  } catch {
    return null;
  }
}

async function firstBytes(source: { path: string } | { bytes: Uint8Array }, n: number) {
  if ('bytes' in source)
    return Buffer.from(
      source.bytes.buffer,
      source.bytes.byteOffset,
      Math.min(n, source.bytes.length),
    );
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function decoderOf(encoding: TextEncoding): { write(b: Buffer): string; end(): string } {
  if (encoding === 'windows-1251') {
    const d = iconv.getDecoder('win1251');
    return { write: (b) => d.write(b), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(encoding, { fatal: true });
  return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
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
      repeated.map((name) => ({
        line,
        column: name,
        code: 'duplicate_header',
        message: `столбец «${name}» повторяется в заголовке`,
        messageEn: `column "${name}" is repeated in the header`,
      })),
    );
}
