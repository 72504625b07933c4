import type { Db } from '../../db/connection.ts';

/** The titles and publication dates of the given source documents. */
export async function findSourceTitles(db: Db, ids: number[]) {
  return db
    .selectFrom('source_document')
    .select(['id', 'title', 'published_from', 'published_to', 'published_precision'])
    .where('id', 'in', ids)
    .execute();
}
