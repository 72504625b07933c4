import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import { loadExcelJs } from '../imports/index.ts';
import type { CellValue, ColumnType, ExportColumn } from './export-format.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cell(type: ColumnType, value: CellValue): string | number | boolean | Date | null {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string' && ISO_DATE.test(value))
    return new Date(`${value}T00:00:00Z`);
  return typeof value === 'string' ? spreadsheetCell(value) : value;
}

function width(column: ExportColumn<never>, header: string): number {
  if (column.width) return column.width;
  const byType = { text: 24, integer: 10, number: 12, date: 12, boolean: 8 }[column.type];
  return Math.min(60, Math.max(byType, header.length + 2));
}

/** The size of the writes a sheet's rows are gathered into before they are compressed. */
const WRITE_BYTES = 256 * 1024;

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'dd.mm.yyyy',
  integer: '0',
  number: '#,##0.########',
};

/**
 * excelts compresses each part through a promise chain that takes whatever it
 * is given; without waiting for it a fast producer piles the uncompressed
 * sheet up in memory. The chain is not part of the library's typed surface,
 * so it is read defensively: when a later version drops it, the export still
 * works and only loses this bound.
 */
async function compressionCaughtUp(workbook: object): Promise<void> {
  const zip = (workbook as { zip?: { activeFile?: { _pushChain?: unknown } | null } }).zip;
  const chain = zip?.activeFile?._pushChain;
  if (chain instanceof Promise) await chain;
}

/** What excelts writes into a worksheet's stream: text, bytes, or its own string buffer. */
type SheetChunk = string | Uint8Array | { toBuffer(): Uint8Array };

/** Bytes of one write, copied: excelts reuses its string buffer for the next write. */
function chunkBytes(data: SheetChunk): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return Buffer.from(data);
  return Buffer.from(data.toBuffer());
}

/**
 * excelts hands every row of a streamed sheet to the zip entry as a write of
 * its own, and its zip entry deflates each write with a sync flush through a
 * serialised promise chain: two thread-pool round trips and a flushed deflate
 * block per row. Gathering the rows into writes of WRITE_BYTES makes that one
 * round trip per few thousand rows. The stream is not part of the library's
 * typed surface, so it is wrapped defensively: when a later version changes
 * it, the export still works, row by row.
 */
function coalesceSheetWrites(sheet: object): void {
  const stream = (sheet as { stream?: unknown }).stream as
    | {
        write?: (data: SheetChunk, ...rest: unknown[]) => unknown;
        end?: (...rest: unknown[]) => unknown;
      }
    | undefined;
  const write = stream?.write?.bind(stream);
  const end = stream?.end?.bind(stream);
  if (!stream || !write || !end) return;
  let parts: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return;
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    void write(bytes);
  };
  stream.write = (data: SheetChunk, ...rest: unknown[]) => {
    const bytes = chunkBytes(data);
    parts.push(bytes);
    size += bytes.length;
    if (size >= WRITE_BYTES) flush();
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  stream.end = (...rest: unknown[]) => {
    flush();
    return end(...rest);
  };
}

/**
 * One worksheet written row by row with the streaming writer: typed cells
 * (numbers, dates, booleans), a bold header in the chosen language, the
 * header row frozen, an autofilter over every column, widths per column.
 * Inline strings rather than a shared-string table, which would hold every
 * distinct text of the export in memory until the end.
 */
export function xlsxStream<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  options: { lang: 'ru' | 'en'; sheetName: string },
): Readable {
  const out = new PassThrough();
  const write = async () => {
    const { WorkbookWriter } = await loadExcelJs();
    const workbook = new WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: true,
      trueStreaming: true,
    });
    workbook.creator = 'PromAtlas';
    const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    coalesceSheetWrites(sheet);
    sheet.columns = columns.map((c) => {
      const header = spreadsheetCell(c[options.lang]);
      const numFmt = NUMBER_FORMATS[c.type];
      return {
        header,
        key: c.key,
        width: width(c as ExportColumn<never>, header),
        ...(numFmt ? { style: { numFmt } } : {}),
      };
    });
    // One style object per column, shared by its cells (excelts gives each new cell a fresh copy,
    // which makes it serialise the style anew for every cell).
    const styles = columns.map((c) => {
      const numFmt = NUMBER_FORMATS[c.type];
      return numFmt ? { numFmt } : {};
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    // Compression runs behind by at most one batch: batch n is compressed
    // while batch n + 1 is read and serialised.
    let behind: Promise<void> = Promise.resolve();
    for await (const batch of batches) {
      // The reader went away (the response was closed): stop reading the list.
      if (out.destroyed) return;
      for (const row of batch) {
        const written = sheet.addRow(columns.map((c) => cell(c.type, c.value(row))));
        // excelts caches a style's id by the style object: every cell of a column shares one.
        for (let k = 0; k < styles.length; k++) written.getCell(k + 1).style = styles[k]!;
        written.commit();
      }
      await behind;
      behind = compressionCaughtUp(workbook);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    await behind;
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
