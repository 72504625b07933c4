import { sql, type RawBuilder } from 'kysely';
import type { ReadSchema } from '../db/read-db.ts';
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
  /** Column that orders a table's records within a region (index: region_code, sort COLLATE ru, id). */
  sort: string | null;
}

const TABLES: SearchTable[] = [
  {
    type: 'region',
    table: 'region',
    id: 't.code',
    title: 't.name',
    kind: 't.kind',
    region: 't.code',
    date: null,
    weight: 1.5,
    sort: null,
  },
  {
    type: 'site',
    table: 'site',
    id: 't.id::text',
    title: 't.name',
    kind: 't.kind',
    region: 't.region_code',
    date: null,
    weight: 0.9,
    sort: 't.name',
  },
  {
    type: 'cluster',
    table: 'cluster',
    id: 't.id::text',
    title: 't.name',
    kind: 't.kind',
    region: 't.region_code',
    date: null,
    weight: 0.85,
    sort: 't.name',
  },
  {
    type: 'event',
    table: 'event',
    id: 't.id::text',
    title: 't.title',
    kind: 't.kind',
    region: 't.region_code',
    date: ['t.valid_from', 't.valid_to', 't.valid_precision'],
    weight: 0.8,
    sort: 't.title',
  },
  {
    type: 'agreement',
    table: 'agreement',
    id: 't.id::text',
    title: 't.title',
    kind: "'agreement'",
    region: null,
    date: ['t.valid_from', 't.valid_to', 't.valid_precision'],
    weight: 0.75,
    sort: null,
  },
  {
    type: 'action_plan',
    table: 'action_plan',
    id: 't.id::text',
    title: 't.title',
    kind: "'action_plan'",
    region: null,
    date: ['t.valid_from', 't.valid_to', 't.valid_precision'],
    weight: 0.75,
    sort: null,
  },
  {
    type: 'project',
    table: 'project',
    id: 't.id::text',
    title: 't.title',
    kind: 't.kind',
    region: 't.region_code',
    date: ['t.valid_from', 't.valid_to', 't.valid_precision'],
    weight: 0.7,
    sort: 't.title',
  },
  {
    type: 'person',
    table: 'person',
    id: 't.id::text',
    title: "concat_ws(' ', t.last_name, t.first_name, t.patronymic)",
    kind: "'person'",
    region: null,
    date: null,
    weight: 0.65,
    sort: null,
  },
  {
    type: 'organisation',
    table: 'organisation',
    id: 't.id::text',
    title: "coalesce(t.legal_form || ' ', '') || t.name",
    kind: 't.kind',
    region: 't.region_code',
    date: null,
    weight: 0.6,
    sort: 't.name',
  },
  {
    type: 'source',
    table: 'source_document',
    id: 't.id::text',
    title: 't.title',
    kind: 't.kind',
    region: null,
    date: ['t.published_from', 't.published_to', 't.published_precision'],
    weight: 0.5,
    sort: null,
  },
];

export const SEARCHABLE_TYPES = TABLES.map((t) => t.type);

const SOFT_DELETABLE = new Set([
  'organisation',
  'person',
  'site',
  'cluster',
  'event',
  'agreement',
  'action_plan',
  'project',
]);

type Mode = 'text' | 'fuzzy';
export interface SearchParams {
  tsQuery: string;
  fuzzyText: string;
  types: string[];
  limit: number;
  offset: number;
  mode: Mode;
  schema: ReadSchema;
}

/** The record's own text matches the query: full text, or trigram word similarity in fuzzy mode. */
function ownMatch(p: SearchParams): RawBuilder<boolean> {
  return p.mode === 'text'
    ? sql<boolean>`t.search_vector @@ to_tsquery('russian', ${p.tsQuery})`
    : sql<boolean>`t.search_text %> ${p.fuzzyText}`;
}

function columns(t: SearchTable): string {
  const [from, to, precision] = t.date ?? ['NULL::date', 'NULL::date', 'NULL::text'];
  return `'${t.type}'::text AS type, ${t.id} AS id, ${t.title} AS title, ${t.kind}::text AS kind,
    ${t.region ?? 'NULL::text'} AS region_code, ${from} AS date_from, ${to} AS date_to, ${precision} AS date_precision`;
}

function from(t: SearchTable, p: SearchParams): RawBuilder<unknown> {
  return sql.raw(`${p.schema}.${t.table} t`);
}

function alive(t: SearchTable): RawBuilder<unknown> {
  return sql.raw(SOFT_DELETABLE.has(t.type) ? 'AND t.deleted_at IS NULL' : '');
}

/** Rows whose own text matches, each scored by rank (text) or similarity (fuzzy) above every region-only row. */
function textPart(t: SearchTable, p: SearchParams): RawBuilder<unknown> {
  const score =
    p.mode === 'text'
      ? sql`2 + ts_rank(t.search_vector, to_tsquery('russian', ${p.tsQuery})) + ${t.weight}`
      : sql`1 + word_similarity(${p.fuzzyText}, t.search_text) + ${t.weight}`;
  return sql`SELECT ${sql.raw(columns(t))}, (${score})::float8 AS score, ${p.mode}::text AS match
    FROM ${from(t, p)} WHERE ${ownMatch(p)} ${alive(t)}`;
}

const withRegionName = (inner: RawBuilder<unknown>) => sql`
  SELECT h.*, reg.name AS region_name FROM (${inner}) h LEFT JOIN region reg ON reg.code = h.region_code`;

/**
 * Search in two branches, each able to use its indexes:
 * 1. records whose own text matches (GIN full-text or trigram index), ranked;
 * 2. records lying in a region the query names («Липецкой» → everything in
 *    Липецкая область), after all text matches, by type and then by name
 *    (index on region_code, name). Their count is the region's records minus
 *    those already counted as text matches.
 * The branches are separate queries because one `text OR region` condition
 * defeats both indexes (a sequential scan over the whole table).
 */
export async function searchEntities(
  db: Db,
  p: SearchParams,
): Promise<{ rows: SearchHitRow[]; counts: Record<string, number> }> {
  const tables = TABLES.filter((t) => p.types.includes(t.type));
  if (tables.length === 0) return { rows: [], counts: {} };

  const regionTable = TABLES[0]!;
  const codes = (
    await sql<{
      code: string;
    }>`SELECT t.code FROM ${from(regionTable, p)} WHERE ${ownMatch(p)}`.execute(db)
  ).rows.map((r) => r.code);

  const union = sql.join(
    tables.map((t) => textPart(t, p)),
    sql` UNION ALL `,
  );
  const text = await sql<SearchHitRow & { counts: Record<string, [number, number]> | null }>`
    WITH hits AS MATERIALIZED (${union}),
    counts AS (
      SELECT json_object_agg(type, json_build_array(n, in_region)) AS counts
      FROM (SELECT type, count(*) AS n, count(*) FILTER (WHERE region_code = ANY(${codes}::text[])) AS in_region FROM hits GROUP BY type) c)
    SELECT page.*, (SELECT counts FROM counts) AS counts
    FROM (${withRegionName(sql`SELECT * FROM hits ORDER BY score DESC, title COLLATE ru, id LIMIT ${p.offset + p.limit}`)}) page
    RIGHT JOIN (SELECT 1) one ON true
    ORDER BY page.score DESC, page.title COLLATE ru, page.id`.execute(db);
  const textCounts = text.rows[0]?.counts ?? {};
  const textRows = text.rows.filter((r) => r.type !== null);
  const counts: Record<string, number> = {};
  let textTotal = 0;
  for (const [type, [n]] of Object.entries(textCounts)) {
    counts[type] = Number(n);
    textTotal += Number(n);
  }
  const rows: SearchHitRow[] = textRows.slice(p.offset, p.offset + p.limit);

  if (codes.length) {
    let skip = Math.max(0, p.offset - textTotal);
    let remaining = p.limit - rows.length;
    for (const t of tables.filter((x) => x.sort && x.type !== 'region')) {
      const { n } = (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM ${from(t, p)} WHERE t.region_code = ANY(${codes}::text[]) ${alive(t)}`.execute(
          db,
        )
      ).rows[0]!;
      const regionOnly = n - Number(textCounts[t.type]?.[1] ?? 0);
      if (regionOnly <= 0) continue;
      counts[t.type] = (counts[t.type] ?? 0) + regionOnly;
      if (remaining <= 0) continue;
      if (skip >= regionOnly) {
        skip -= regionOnly;
        continue;
      }
      const page = await sql<SearchHitRow>`${withRegionName(sql`
        SELECT ${sql.raw(columns(t))}, ${t.weight}::float8 AS score, 'region'::text AS match
        FROM ${from(t, p)} WHERE t.region_code = ANY(${codes}::text[]) ${alive(t)} AND NOT (${ownMatch(p)})
        ORDER BY ${sql.raw(t.sort!)} COLLATE ru, t.id OFFSET ${skip} LIMIT ${remaining}`)}`.execute(
        db,
      );
      rows.push(...page.rows);
      remaining -= page.rows.length;
      skip = 0;
    }
  }
  return { rows, counts };
}
