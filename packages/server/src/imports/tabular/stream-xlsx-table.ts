import { splitHeader, type TableRow } from './read-table.ts';
import type { StreamedTable, StreamTableOptions, TableHead } from './stream-table.ts';
import { spansColumns, surveyXlsx, xlsxRows } from './xlsx-stream.ts';

/** Rows read ahead to find an XLSX header: a title, up to 20 rows to the header, five header rows. */
const HEADER_LOOKAHEAD = 32;

/**
 * An XLSX sheet in batches: the survey pass (merged ranges, strings,
 * styles), then the rows as a stream, the header found among the first rows
 * exactly as readTable finds it (merged header rows joined, a title above
 * skipped when asked).
 */
export async function xlsxTable(
  source: { path: string } | { bytes: Uint8Array },
  options: StreamTableOptions,
  size: number,
): Promise<StreamedTable> {
  const survey = await surveyXlsx(source, options.sheet, {
    memoryLimit: options.stringsMemoryLimit,
  });
  const progress = { bytesRead: 0 };
  const rows = xlsxRows(source, survey, { trim: options.trim ?? false }, progress);
  /** Lets go of the sheet's stream and the strings table (its temporary file), once or more. */
  const release = async () => {
    await rows.return(undefined);
    survey.close();
  };
  const blank = (row: TableRow) => row.cells.every((c) => c.trim() === '');
  const named = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
  const early: TableRow[] = [];
  let ended = false;
  try {
    for (;;) {
      const next = await rows.next();
      if (next.done) {
        ended = true;
        break;
      }
      const row = next.value;
      if (blank(row)) continue;
      if (options.header !== undefined) {
        // Only the header's rows matter before the data: the ones above it are dropped.
        if (row.line < options.header) continue;
        early.push(row);
        if (row.line >= options.header + 5) break;
      } else {
        early.push(row);
        if (early.length >= HEADER_LOOKAHEAD) break;
      }
    }
    const split = (header: number | 'detect') =>
      splitHeader(
        early,
        { header, duplicateHeaders: options.duplicateHeaders ?? 'error' },
        (first) => {
          let depth = 1;
          while (depth < 5 && spansColumns(survey, first + depth - 1)) depth++;
          return depth;
        },
      );
    let table = split(options.header ?? 'detect');
    if (
      options.skipTitleRows &&
      options.header === undefined &&
      table.headers &&
      named(table.headers) <= 1
    ) {
      const header = table.rows.slice(0, 20).find((r) => named(r.cells) >= 2);
      if (header) table = split(header.line);
    }
    const head: TableHead = {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: survey.sheet,
      headers: table.headers,
      headerLine: table.headerLine,
    };
    const ahead = table.rows;
    async function* batches() {
      try {
        let batch: TableRow[] = [];
        for (const row of ahead) {
          batch.push(row);
          if (batch.length >= options.batchSize) {
            yield { rows: batch, bytesRead: progress.bytesRead };
            batch = [];
          }
        }
        ahead.length = 0;
        while (!ended) {
          const next = await rows.next();
          if (next.done) break;
          if (blank(next.value)) continue;
          batch.push(next.value);
          if (batch.length >= options.batchSize) {
            yield { rows: batch, bytesRead: progress.bytesRead };
            batch = [];
          }
        }
        if (batch.length > 0) yield { rows: batch, bytesRead: size };
      } finally {
        await release();
      }
    }
    return { head, batches: batches(), bytes: size, close: release };
  } catch (error) {
    await release();
    throw error;
  }
}
