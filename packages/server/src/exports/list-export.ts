// The shared reader of the list exports: how a list's rows are paged through its own use case, and the columns many lists have.
import type { Locale } from '@promatlas/core/domain/vocabulary.ts';
import type { DatabaseKind, Db } from '../db/connection.ts';
import type { ReadSchema } from '../db/read-db.ts';
import { regionCodes } from '../registry/shared/list-query.ts';
import { partialDateCell, type Bilingual, type CellValue } from './export-format.ts';
import type { ExportGeometry } from './geojson-writer.ts';

/** A column whose value may depend on the language of the export (vocabulary labels). */
export interface ListColumn<Row> {
  key: string;
  ru: string;
  en: string;
  type: 'text' | 'integer' | 'number' | 'date' | 'boolean';
  width?: number;
  value: (row: Row, lang: Locale) => CellValue;
}

/** How one list is exported: its columns, its rows in batches (same filters and order as its page), its location if any. */
export interface ListExport<Query, Row> {
  /** The list's name in URLs and file names: organisations, action-plans… */
  name: string;
  title: Bilingual;
  columns: readonly ListColumn<Row>[];
  batches(
    db: Db,
    query: Query,
    /** `kind`: an export may hold a cursor on PostgreSQL, never on PGlite's one connection. */
    context: { schema: ReadSchema; kind: DatabaseKind; batchSize: number },
  ): AsyncIterable<Row[]>;
  locate?: (row: Row) => ExportGeometry | null;
}

/**
 * The rows of a list read page by page through the list's own use case, so
 * the export has exactly its filters, sort and visibility. For the lists that
 * stay small (hundreds to thousands of records); a list that can reach
 * hundreds of thousands reads by ids instead (organisations).
 */
export async function* pagesOf<Item>(
  fetch: (page: number, pageSize: number) => Promise<{ items: Item[] }>,
  pageSize: number,
): AsyncGenerator<Item[]> {
  for (let page = 1; ; page++) {
    const { items } = await fetch(page, pageSize);
    if (items.length) yield items;
    if (items.length < pageSize) return;
  }
}

export const regionColumns = <
  Row extends { region: { code: string; name: string } | null },
>(): ListColumn<Row>[] => [
  {
    key: 'regionCode',
    ru: 'Код региона',
    en: 'Region code',
    type: 'text',
    width: 12,
    value: (r) => r.region?.code ?? null,
  },
  {
    key: 'region',
    ru: 'Регион',
    en: 'Region',
    type: 'text',
    width: 32,
    value: (r) => r.region?.name ?? null,
  },
];
export const idColumn = <Row extends { id: number }>(): ListColumn<Row> => ({
  key: 'id',
  ru: 'Идентификатор',
  en: 'ID',
  type: 'integer',
  width: 10,
  value: (r) => r.id,
});

export interface RegionalQuery {
  region?: string | undefined;
  q?: string | undefined;
  sort: string;
}

/** A regional list (people, agreements, plans) read page by page through its own use case. */
export function regionalPages<Item>(
  list: (
    db: Db,
    p: {
      regions: string[] | undefined;
      q: string | undefined;
      sort: string;
      page: number;
      pageSize: number;
    },
  ) => Promise<{ items: Item[] }>,
): ListExport<RegionalQuery, Item>['batches'] {
  return (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        list(db, { regions: regionCodes(q.region), q: q.q, sort: q.sort, page, pageSize }),
      batchSize,
    );
}

export const dateColumn = <Row>(
  key: string,
  ru: string,
  en: string,
  get: (r: Row) => Parameters<typeof partialDateCell>[0],
): ListColumn<Row> => ({
  key,
  ru,
  en,
  type: 'date',
  width: 12,
  value: (r) => partialDateCell(get(r)),
});
