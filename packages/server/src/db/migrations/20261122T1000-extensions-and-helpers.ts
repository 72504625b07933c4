import { type Kysely, sql } from 'kysely';

// pg_trgm for typo-tolerant search; an ICU collation for Russian sorting (the
// default C collation puts «Ё» after «Я» and capitals before lowercase);
// an immutable array join so text[] aliases can feed generated tsvector columns
// (array_to_string itself is only STABLE).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql
    .raw(
      `DO $$ BEGIN
      CREATE COLLATION IF NOT EXISTS ru (provider = icu, locale = 'ru-RU');
    END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION pa_join(text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$`,
    )
    .execute(db);
}
