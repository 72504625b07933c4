/** Kysely type of typo search's word list, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface SearchWordTable {
  /** A lowercase word (ё as е) of a published record's title or aliases. */
  word: string;
}
