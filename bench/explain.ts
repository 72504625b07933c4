/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the API runs for the benchmark's
 * slowest requests. The SQL is captured from the application's own repository
 * functions (searchEntities, findOrganisations) through Kysely's query log, so
 * what is explained is what the server executes.
 *
 * Run: DATABASE_URL=postgres://… npx tsx bench/explain.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../packages/server/src/db/database.ts';
import {
  searchEntities,
  SEARCHABLE_TYPES,
} from '../packages/server/src/search/search.repository.ts';
import { toFuzzyText, toPrefixTsQuery } from '../packages/server/src/search/search-query.ts';
import { findOrganisations } from '../packages/server/src/registry/organisations/organisation-list.repository.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
let captured: CompiledQuery[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') captured.push(event.query);
  },
});

async function capture(fn: () => Promise<unknown>): Promise<CompiledQuery[]> {
  captured = [];
  await fn();
  return captured;
}

async function explain(title: string, queries: CompiledQuery[]): Promise<string> {
  let out = `\n### ${title}\n`;
  for (const [i, q] of queries.entries()) {
    const res = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    const plan = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    out += `\n-- query ${i + 1} of ${queries.length}; parameters: ${JSON.stringify(q.parameters)}\n${plan}\n`;
  }
  return out;
}

const search = (q: string, mode: 'text' | 'fuzzy') => () =>
  // `schema` arrived in the working tree during this work; older versions ignore the extra field.
  searchEntities(db, {
    tsQuery: toPrefixTsQuery(q)!,
    fuzzyText: toFuzzyText(q)!,
    types: SEARCHABLE_TYPES,
    limit: 20,
    offset: 0,
    mode,
    schema: 'internal',
  } as Parameters<typeof searchEntities>[1]);

let report = '';
report += await explain(
  'search «Московской» (text mode; region match pulls in every record of Московская область)',
  await capture(search('Московской', 'text')),
);
report += await explain(
  'search «станкозавод» (text mode; organisation name fragment)',
  await capture(search('станкозавод', 'text')),
);
report += await explain(
  'search «станкозавд» (fuzzy mode, after text mode found nothing)',
  await capture(search('станкозавд', 'fuzzy')),
);
report += await explain(
  'list region=45 kind=enterprise page=1 pageSize=50, sort=name',
  await capture(() =>
    findOrganisations(
      db,
      { regions: ['45'], kind: 'enterprise' },
      { column: 'name', direction: 'asc' },
      50,
      0,
    ),
  ),
);
report += await explain(
  'list region=45 kind=enterprise okved=25 page=1 pageSize=50',
  await capture(() =>
    findOrganisations(
      db,
      { regions: ['45'], kind: 'enterprise', okved: '25' },
      { column: 'name', direction: 'asc' },
      50,
      0,
    ),
  ),
);
report += await explain(
  'list region=45 kind=enterprise sort=inn page=1 pageSize=50',
  await capture(() =>
    findOrganisations(
      db,
      { regions: ['45'], kind: 'enterprise' },
      { column: 'inn', direction: 'asc' },
      50,
      0,
    ),
  ),
);

console.log(report);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/explain.txt'), report);
await db.destroy();
