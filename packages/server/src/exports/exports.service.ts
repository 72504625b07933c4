import { Readable } from 'node:stream';
import type { Db } from '../db/connection.ts';
import type { ReadSchema } from '../db/read-db.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { ValidationError } from '../shared/domain-errors.ts';
import { csvChunks } from './csv-writer.ts';
import type { ExportColumn, ExportOptions } from './export-format.ts';
import { geojsonChunks } from './geojson-writer.ts';
import type { ListExport } from './list-exports.ts';
import { xlsxStream } from './xlsx-writer.ts';

/** What a route sends: the body as a stream, its type, and the name to save it under. */
export interface ExportFile {
  body: Readable;
  contentType: string;
  filename: string;
}

/** Rows read and written per step: large enough for few queries, small enough to stay a few megabytes. */
export const EXPORT_BATCH_SIZE = 5000;

/**
 * Reads the first batch before anything is sent, so a problem with the query
 * (an unknown search type, a database error) is answered as an error with its
 * status rather than as a response cut off after its headers. `release` ends
 * the reader early (a download stopped or never started), so what it holds,
 * such as a cursor's connection, is given back; after the last batch it does
 * nothing.
 */
async function startedEarly<T>(
  batches: AsyncIterable<T>,
): Promise<AsyncIterable<T> & { release(): Promise<void> }> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  let done = first.done === true;
  return {
    async *[Symbol.asyncIterator]() {
      if (done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield next.value;
      done = true;
    },
    async release() {
      if (done) return;
      done = true;
      await iterator.return?.();
    },
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Exports a list with the filters and sort of its page, as CSV, XLSX or
 * GeoJSON, streamed: rows are read in batches and written as they come, so
 * the size of the list does not decide the memory the export takes. The
 * reader's visibility is the database handle's (the published views for the
 * public), the same as the list page's.
 */
export async function exportList<Query, Row>(
  db: Db,
  list: ListExport<Query, Row>,
  query: Query,
  options: ExportOptions,
  reader: { schema: ReadSchema; kind: DatabaseKind; batchSize?: number },
): Promise<ExportFile> {
  const { schema, kind, batchSize = EXPORT_BATCH_SIZE } = reader;
  if (options.format === 'geojson' && !list.locate) {
    const fields = [
      {
        field: 'format',
        message: `У списка «${list.title.ru}» нет координат: выберите csv или xlsx`,
        messageEn: `The list “${list.title.en}” has no locations: choose csv or xlsx`,
      },
    ];
    throw ValidationError.ofFields(fields);
  }
  const columns: ExportColumn<Row>[] = list.columns.map((c) => ({
    ...c,
    value: (row: Row) => c.value(row, options.lang),
  }));
  const batches = await startedEarly(list.batches(db, query, { schema, kind, batchSize }));
  const file = encoded(list, columns, batches, options);
  // Ended, failed or stopped by the client: whatever the reader still holds goes back.
  file.body.once('close', () => void batches.release().catch(() => undefined));
  return file;
}

function encoded<Query, Row>(
  list: ListExport<Query, Row>,
  columns: ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  options: ExportOptions,
): ExportFile {
  const base = `${list.name}-${today()}`;
  switch (options.format) {
    case 'csv':
      return {
        body: Readable.from(csvChunks(columns, batches, options), { objectMode: false }),
        contentType: `text/csv; charset=${options.encoding}`,
        filename: `${base}.csv`,
      };
    case 'xlsx':
      return {
        body: xlsxStream(columns, batches, {
          lang: options.lang,
          sheetName: list.title[options.lang],
        }),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${base}.xlsx`,
      };
    case 'geojson':
      return {
        body: Readable.from(geojsonChunks(columns, batches, list.locate!), { objectMode: false }),
        contentType: 'application/geo+json; charset=utf-8',
        filename: `${base}.geojson`,
      };
  }
}
