import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';

export interface SearchHitRow {
  type: string;
  id: string;
  title: string;
  kind: string | null;
  region_code: string | null;
  region_name: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  score: number;
  match: 'text' | 'region' | 'fuzzy';
}

/** Every searchable table, with the expressions that make its title and facets. */
interface SearchTable {
  type: string;
  table: string;
  id: string;
  title: string;
  kind: string;
  region: string | null;
  date: [string, string, string] | null;
  /** Orders types among equally good matches: regions, then sites, clusters… */
  weight: number;
}

const TABLES: SearchTable[] = [
  { type: 'region', table: 'region', id: 't.code', title: 't.name', kind: 't.kind', region: 't.code', date: null, weight: 1.5 },
  { type: 'site', table: 'site', id: 't.id::text', title: 't.name', kind: 't.kind', region: 't.region_code', date: null, weight: 0.9 },
  { type: 'cluster', table: 'cluster', id: 't.id::text', title: 't.name', kind: 't.kind', region: 't.region_code', date: null, weight: 0.85 },
  { type: 'event', table: 'event', id: 't.id::text', title: 't.title', kind: 't.kind', region: 't.region_code', date: ['t.valid_from', 't.valid_to', 't.valid_precision'], weight: 0.8 },
  { type: 'agreement', table: 'agreement', id: 't.id::text', title: 't.title', kind: "'agreement'", region: null, date: ['t.valid_from', 't.valid_to', 't.valid_precision'], weight: 0.75 },
  { type: 'action_plan', table: 'action_plan', id: 't.id::text', title: 't.title', kind: "'action_plan'", region: null, date: ['t.valid_from', 't.valid_to', 't.valid_precision'], weight: 0.75 },
  { type: 'project', table: 'project', id: 't.id::text', title: 't.title', kind: 't.kind', region: 't.region_code', date: ['t.valid_from', 't.valid_to', 't.valid_precision'], weight: 0.7 },
  { type: 'organisation', table: 'organisation', id: 't.id::text', title: "coalesce(t.legal_form || ' ', '') || t.name", kind: 't.kind', region: 't.region_code', date: null, weight: 0.6 },
  { type: 'person', table: 'person', id: 't.id::text', title: "concat_ws(' ', t.last_name, t.first_name, t.patronymic)", kind: "'person'", region: null, date: null, weight: 0.65 },
  { type: 'source', table: 'source_document', id: 't.id::text', title: 't.title', kind: 't.kind', region: null, date: ['t.published_from', 't.published_to', 't.published_precision'], weight: 0.5 },
];

export const SEARCHABLE_TYPES = TABLES.map((t) => t.type);

const SOFT_DELETABLE = new Set(['organisation', 'person', 'site', 'cluster', 'event', 'agreement', 'action_plan', 'project']);

function part(t: SearchTable, mode: 'text' | 'fuzzy', schema: string): RawBuilder<unknown> {
  const [from, to, precision] = t.date ?? ['NULL::date', 'NULL::date', 'NULL::text'];
  const date = `${from} AS date_from, ${to} AS date_to, ${precision} AS date_precision`;
  const region = t.region ?? 'NULL::text';
  const alive = SOFT_DELETABLE.has(t.type) ? 'AND t.deleted_at IS NULL' : '';
  const own =
    mode === 'text'
      ? `t.search_vector @@ (SELECT query FROM q)`
      : `t.search_text %> (SELECT fuzzy FROM q)`;
  const score =
    mode === 'text'
      ? `CASE WHEN ${own} THEN 2 + ts_rank(t.search_vector, (SELECT query FROM q)) + ${t.weight} ELSE ${t.weight} END`
      : `CASE WHEN ${own} THEN 1 + word_similarity((SELECT fuzzy FROM q), t.search_text) + ${t.weight} ELSE ${t.weight} END`;
  const regionMatch = t.region && t.type !== 'region' ? `OR ${t.region} IN (SELECT code FROM matched_regions)` : '';
  const match = `CASE WHEN ${own} THEN '${mode}' ELSE 'region' END`;
  return sql.raw(`SELECT '${t.type}'::text AS type, ${t.id} AS id, ${t.title} AS title, ${t.kind}::text AS kind,
      ${region} AS region_code, ${date}, (${score})::float8 AS score, ${match} AS match
    FROM ${schema}.${t.table} t WHERE (${own} ${regionMatch}) ${alive}`);
}

/**
 * One query over every searchable table: full-text matches rank first, then
 * records of a region the query names («Липецкой» → everything in Липецкая
 * область). In fuzzy mode trigram word similarity replaces full text, for typos.
 */
export async function searchEntities(
  db: Db,
  params: { tsQuery: string; fuzzyText: string; types: string[]; limit: number; offset: number; mode: 'text' | 'fuzzy'; schema: 'public' | 'published' },
): Promise<{ rows: SearchHitRow[]; counts: Record<string, number> }> {
  const tables = TABLES.filter((t) => params.types.includes(t.type));
  if (tables.length === 0) return { rows: [], counts: {} };
  const regionCondition =
    params.mode === 'text' ? sql`r.search_vector @@ (SELECT query FROM q)` : sql`r.search_text %> (SELECT fuzzy FROM q)`;
  const union = sql.join(tables.map((t) => part(t, params.mode, params.schema)), sql` UNION ALL `);
  const result = await sql<SearchHitRow & { counts: Record<string, number> | null }>`
    WITH q AS (SELECT to_tsquery('russian', ${params.tsQuery}) AS query, ${params.fuzzyText}::text AS fuzzy),
    matched_regions AS (SELECT r.code FROM region r WHERE ${regionCondition}),
    hits AS (${union}),
    counts AS (SELECT json_object_agg(type, n) AS counts FROM (SELECT type, count(*) AS n FROM hits GROUP BY type) c)
    SELECT h.type, h.id, h.title, h.kind, h.region_code, reg.name AS region_name,
           h.date_from, h.date_to, h.date_precision,
           h.score, h.match, (SELECT counts FROM counts) AS counts
    FROM hits h LEFT JOIN region reg ON reg.code = h.region_code
    ORDER BY h.score DESC, h.title COLLATE ru, h.id
    LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
  let counts = result.rows[0]?.counts ?? null;
  if (!counts) {
    // Past the last page the main query has no row to carry the counts.
    const c = await sql<{ counts: Record<string, number> | null }>`
      WITH q AS (SELECT to_tsquery('russian', ${params.tsQuery}) AS query, ${params.fuzzyText}::text AS fuzzy),
      matched_regions AS (SELECT r.code FROM region r WHERE ${regionCondition}),
      hits AS (${union})
      SELECT json_object_agg(type, n) AS counts FROM (SELECT type, count(*) AS n FROM hits GROUP BY type) c`.execute(db);
    counts = c.rows[0]?.counts ?? {};
  }
  return { rows: result.rows, counts };
}
