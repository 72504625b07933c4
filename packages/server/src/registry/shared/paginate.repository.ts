import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import { toPrefixTsQuery } from '../../search/index.ts';

/** Runs a page query and its count query (same filters) and returns both. */
export async function paginate<Row>(
  page: { execute(): Promise<Row[]> },
  count: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> },
): Promise<{ rows: Row[]; total: number }> {
  const rows = await page.execute();
  const { n } = await count.executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

/** The tables with a full-text `search_vector` column. */
export type SearchableTable = {
  [T in keyof Database]: 'search_vector' extends keyof Database[T] ? T : never;
}[keyof Database];

/** `<table>.search_vector @@ prefix-tsquery(q)`, or null when q has no searchable word. */
export function textFilter(
  table: SearchableTable,
  q: string | undefined,
): Expression<SqlBool> | null {
  const ts = q ? toPrefixTsQuery(q) : null;
  return ts
    ? sql<SqlBool>`${sql.ref(`${table}.search_vector`)} @@ to_tsquery('russian', ${ts})`
    : null;
}
