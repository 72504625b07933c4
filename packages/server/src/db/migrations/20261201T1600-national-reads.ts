import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

/** The searchable tables (search/search.repository.ts): their titles and aliases feed the word list. */
const SEARCHABLE = [
  'region',
  'site',
  'cluster',
  'event',
  'agreement',
  'action_plan',
  'project',
  'person',
  'organisation',
  'source_document',
];

// 1. Indexes measured on the 300,000-organisation benchmark (bench/RESULTS.md):
//    - the public reader's capped list count by region and kind becomes an
//      index-only scan of the published, live rows (was 15–40 ms a request);
//    - the list sorted by ИНН descending (NULLS LAST) reads its page from an
//      index instead of sorting a region's 40,000 rows.
// 2. The word list of typo search (search/search-words.ts): every distinct
//    word (3+ letters) of the titles and aliases of published, live records,
//    with a trigram index. A typo is matched against these tens of thousands
//    of words instead of against every record's text. Words are only ever
//    added: a word whose records are gone costs one candidate that matches
//    nothing. Drafts' words are left out, so which corrections a public reader
//    is offered never depends on a record they may not see.
const WORDS_OF = (rows: string) => `
  INSERT INTO search_word (word)
  SELECT DISTINCT w FROM (
    SELECT regexp_split_to_table(replace(r.search_text, 'ё', 'е'), '[^[:alnum:]]+') AS w
    FROM ${rows} r
    WHERE coalesce((to_jsonb(r) ->> 'published')::boolean, true) AND to_jsonb(r) ->> 'deleted_at' IS NULL
  ) words
  WHERE length(w) >= 3
  ON CONFLICT DO NOTHING`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX organisation_published_region_kind_idx ON organisation (region_code, kind, id) WHERE published AND deleted_at IS NULL`,
    `CREATE INDEX organisation_region_kind_inn_desc_idx ON organisation (region_code, kind, inn DESC NULLS LAST, id DESC) WHERE deleted_at IS NULL`,
    `CREATE TABLE search_word (word text PRIMARY KEY)`,
    `CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`,
    `CREATE FUNCTION promatlas_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${WORDS_OF('new_rows')};
       RETURN NULL;
     END $$`,
    ...SEARCHABLE.flatMap((t) => [
      `CREATE TRIGGER ${t}_search_words_insert AFTER INSERT ON ${t}
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION promatlas_collect_search_words()`,
      `CREATE TRIGGER ${t}_search_words_update AFTER UPDATE ON ${t}
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION promatlas_collect_search_words()`,
      WORDS_OF(t),
    ]),
  ]);
}
