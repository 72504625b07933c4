import { Readable } from 'node:stream';
import type { Db } from '../db/connection.ts';
import type { ReadSchema } from '../db/read-db.ts';
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
 * status rather than as a response cut off after its headers.
 */
async function startedEarly<T>(batches: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        yield next.value;
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
  schema: ReadSchema,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<ExportFile> {
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
  const batches = await startedEarly(list.batches(db, query, { schema, batchSize }));
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
