import { type Kysely, sql } from 'kysely';
import { execAll } from '../exec-all.ts';

// Federal districts, federal subjects and the ОКВЭД2 classifier. Codes are
// natural keys: they are what imports and other systems refer to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE federal_district (
       code text PRIMARY KEY,
       name text NOT NULL,
       full_name text NOT NULL
     )`,
    `CREATE TABLE region (
       code text PRIMARY KEY,
       name text NOT NULL,
       short_name text NOT NULL,
       kind text NOT NULL,
       okato text,
       oktmo text,
       iso_code text,
       federal_district_code text NOT NULL REFERENCES federal_district(code),
       aliases text[] NOT NULL DEFAULT '{}',
       search_vector tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('russian', name), 'A') ||
         setweight(to_tsvector('russian', pa_join(aliases)), 'B')) STORED,
       search_text text GENERATED ALWAYS AS (lower(name || ' ' || pa_join(aliases))) STORED
     )`,
    `CREATE TABLE okved (
       code text PRIMARY KEY,
       section text NOT NULL,
       parent_code text REFERENCES okved(code) DEFERRABLE INITIALLY DEFERRED,
       level text NOT NULL,
       name text NOT NULL
     )`,
    `CREATE INDEX okved_parent_idx ON okved (parent_code)`,
  ]);
  void sql;
}
