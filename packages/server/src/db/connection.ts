import fs from 'node:fs/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';

export type Db = Kysely<Database>;

export interface Connection {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Return int8 (count(*), sums) and numeric as JS numbers: every value we store
// fits in a double, and the API speaks JSON numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates stay ISO strings (YYYY-MM-DD): partial dates are strings in the domain.
pg.types.setTypeParser(1082, (v) => v);

/**
 * Session settings every connection gets. The trigram word-similarity
 * threshold is lowered from 0.6 to 0.45 so a one-letter typo in a short word
 * («Лепецкая» for «Липецкая», similarity 0.56) is still found by the indexed
 * `%>` operator of fuzzy search.
 */
const SESSION_SETTINGS = 'SET pg_trgm.word_similarity_threshold = 0.45';

/** One pg.Pool over a PostgreSQL server. */
export function connectPostgres(databaseUrl: string, max = 10): Connection {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  pool.on('connect', (client) => {
    client.query(SESSION_SETTINGS).catch(() => {
      // Before the first migration pg_trgm may not exist yet; the setting is a placeholder then.
    });
    // The visibility views (published-views.ts) raise the planner's cost estimates of
    // ordinary page queries past jit_above_cost; compiling them takes 100–300 ms for a
    // query that runs in 30 (measured on PostgreSQL 15). Short queries only: no JIT.
    client.query('SET jit = off').catch(() => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, kind: 'postgres', close: () => db.destroy() };
}

/**
 * Embedded PostgreSQL (PGlite) in a data directory — or in memory with
 * 'memory://' — behind a pg.Pool, so the application has one code path.
 * PGlite serves one connection: the pool size is 1 and no code may hold a
 * client across awaits of other queries.
 */
export async function connectPglite(dataDir: string): Promise<Connection> {
  if (!dataDir.startsWith('memory://')) await fs.mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  await pglite.exec(SESSION_SETTINGS);
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
