import { sql } from 'kysely';
import type pg from 'pg';
import { Migrator } from 'kysely/migration';
import type { Db } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';
import {
  dropPublishedViews,
  publishedViewsComplete,
  refreshPublishedViews,
} from './published-views.ts';

/** Applies pending timestamped migrations (throws with the failing migration's name), then refreshes the published views. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Fast path for an up-to-date database (every start): one catalogue query
  // instead of the migrator's bookkeeping and information_schema scans.
  if (
    (await appliedMigrations(db))?.size === Object.keys(MIGRATIONS).length &&
    (await publishedViewsComplete(db))
  )
    return [];
  // Unordered: engineers add migrations in parallel branches; each still runs exactly once.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    allowUnorderedMigrations: true,
  });
  const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt).length;
  if (pending === 0 && (await publishedViewsComplete(db))) return [];
  // The published views depend on the tables; dropped first so a migration may alter any column.
  await dropPublishedViews(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  await refreshPublishedViews(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the applied migrations that this code knows, or null before the first migration. */
async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  const exists = await sql<{
    t: string | null;
  }>`SELECT to_regclass('public.kysely_migration')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  return new Set(rows.rows.map((r) => r.name).filter((n) => n in MIGRATIONS));
}

/** An arbitrary, fixed advisory-lock key: "PromAtlas start" for every node on one database. */
const STARTUP_LOCK = 7_240_913_001;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock, so that API nodes
 * starting at the same moment on one database migrate, sync the reference
 * data and create the first administrator one after another, not together.
 * The embedded database has one process by construction (its data-directory
 * lock): no advisory lock there.
 */
export async function withStartupLock<T>(
  connection: { kind: 'pglite' | 'postgres'; pool: pg.Pool },
  fn: () => Promise<T>,
): Promise<T> {
  if (connection.kind !== 'postgres') return fn();
  const client = await connection.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}
