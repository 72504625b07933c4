import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Two classifiers Rosstat publishes, imported from its files
// (reference/import-okpd2.ts, reference/import-oktmo.ts).
// ОКПД2 (ОК 034-2014): products by economic activity, the same hierarchy as
// ОКВЭД2 plus categories and subcategories; the parent is the nearest
// ancestor present in the imported file.
// ОКТМО (ОК 033-2013): municipalities (8-digit codes) and the localities in
// them (11 digits). `region_code` is the federal subject (region.code) the
// code belongs to; `parent_code` has no foreign key, so that one subject's
// rows can be imported without the rest of the country.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE okpd2 (
       code text PRIMARY KEY,
       section text NOT NULL,
       parent_code text REFERENCES okpd2(code) DEFERRABLE INITIALLY DEFERRED,
       level text NOT NULL CHECK (level IN ('section', 'class', 'subclass', 'group', 'subgroup', 'type', 'category', 'subcategory')),
       name text NOT NULL
     )`,
    `CREATE INDEX okpd2_parent_idx ON okpd2 (parent_code)`,
    `CREATE TABLE oktmo (
       code text PRIMARY KEY CHECK (code ~ '^([0-9]{8}|[0-9]{11})$'),
       name text NOT NULL,
       region_code text NOT NULL REFERENCES region(code),
       parent_code text,
       level smallint NOT NULL CHECK (level BETWEEN 0 AND 3),
       kind text NOT NULL CHECK (kind IN ('subject', 'group', 'municipality', 'settlement', 'locality')),
       centre text
     )`,
    `CREATE INDEX oktmo_region_idx ON oktmo (region_code, level)`,
    `CREATE INDEX oktmo_parent_idx ON oktmo (parent_code)`,
  ]);
}
