import { sql } from 'kysely';
import type { Db } from './connection.ts';

/**
 * The public reader sees only records marked published. Rather than repeat
 * that filter in every query, the schema `published` mirrors every table of
 * `public` as a view — filtered by `published` where the table has the
 * column — and reads of a public reader run on `db.withSchema('published')`.
 * Accounts, sessions and the audit trail have no mirror. Recreated on every
 * start after migrations, so new tables and columns are always mirrored.
 */
const PRIVATE_TABLES = [
  'app_user',
  'user_session',
  'audit_entry',
  'login_throttle',
  'known_device',
  'security_event',
];

function mirroredTables(db: Db) {
  return sql<{ table_name: string; has_published: boolean }>`
      SELECT t.table_name,
             EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'published') AS has_published
      FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE 'kysely_%'
        AND t.table_name NOT IN (${sql.join(PRIVATE_TABLES)})
      ORDER BY t.table_name`.execute(db);
}

/** True when every mirrored table has its view (no migration ran since the last refresh). */
export async function publishedViewsComplete(db: Db): Promise<boolean> {
  const tables = await mirroredTables(db);
  const views = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.views WHERE table_schema = 'published'`.execute(
    db,
  );
  return tables.rows.length > 0 && views.rows[0]?.n === tables.rows.length;
}

export async function refreshPublishedViews(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE SCHEMA IF NOT EXISTS published`.execute(trx);
    const tables = await mirroredTables(trx);
    for (const t of tables.rows) {
      await sql`DROP VIEW IF EXISTS ${sql.table(`published.${t.table_name}`)}`.execute(trx);
      await sql`CREATE VIEW ${sql.table(`published.${t.table_name}`)} AS SELECT * FROM ${sql.table(`public.${t.table_name}`)} ${
        t.has_published ? sql`WHERE published` : sql``
      }`.execute(trx);
    }
  });
}

export async function dropPublishedViews(db: Db): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS published CASCADE`.execute(db);
}
