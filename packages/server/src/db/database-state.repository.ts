import { sql } from 'kysely';
import type { Db } from './connection.ts';

/** Questions about the database as a whole, asked by the health check and at start. */

/** Answers when the database accepts queries; throws while it cannot. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** Whether any source document but the one of `slug` is recorded (the database holds data of its own). */
export async function hasSourcesOtherThan(db: Db, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('source_document')
    .select('id')
    .where('slug', 'is distinct from', slug)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
