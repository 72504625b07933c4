import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';

export async function findSources(
  db: Db,
  q: string | undefined,
  sort: { column: string; direction: 'asc' | 'desc' },
  limit: number,
  offset: number,
) {
  const text = textFilter('source_document', q);
  const base = () =>
    text ? db.selectFrom('source_document').where(text) : db.selectFrom('source_document');
  const ordered =
    sort.column === 'date'
      ? base().orderBy('published_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`title COLLATE ru`, sort.direction);
  return paginate(
    ordered
      .select([
        'id',
        'kind',
        'title',
        'publisher',
        'published_from',
        'published_to',
        'published_precision',
      ])
      .orderBy('id')
      .limit(limit)
      .offset(offset),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

export type SourceListRow = Awaited<ReturnType<typeof findSources>>['rows'][number];

export async function getSourceRow(db: Db, id: number) {
  return db.selectFrom('source_document').selectAll().where('id', '=', id).executeTakeFirst();
}

export type SourceRow = NonNullable<Awaited<ReturnType<typeof getSourceRow>>>;

/** The record tables whose rows cite a source with a quote. */
export type CitingTable =
  | 'organisation'
  | 'person'
  | 'site'
  | 'cluster'
  | 'event'
  | 'agreement'
  | 'action_plan'
  | 'project';

/** Live records of one table that quote the source. */
export async function findRecordCitations(db: Db, table: CitingTable, sourceId: number) {
  return db
    .selectFrom(table)
    .select(['id', 'source_quote'])
    .where('source_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .where('source_quote', 'is not', null)
    .execute();
}

/** Everything else that cites the source: positions, event participations, statements, rating results. */
export async function findOtherCitations(db: Db, sourceId: number) {
  const positions = await db
    .selectFrom('position')
    .select(['person_id', 'title', 'source_quote'])
    .where('source_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .execute();
  const participations = await db
    .selectFrom('event_participant')
    .select(['event_id', 'role', 'source_quote'])
    .where('source_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .execute();
  const statements = await db
    .selectFrom('statement')
    .select(['subject_type', 'subject_id', 'property', 'source_quote'])
    .where('source_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .execute();
  const ratings = await db
    .selectFrom('rating_result')
    .select(['object_id', 'edition_label', 'place', 'source_quote'])
    .where('source_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .execute();
  return { positions, participations, statements, ratings };
}

export type OtherCitationRows = Awaited<ReturnType<typeof findOtherCitations>>;

/** Stores a new source document (call inside the change's transaction). */
export async function insertSource(trx: Db, values: Insertable<Database['source_document']>) {
  return trx.insertInto('source_document').values(values).returning('id').executeTakeFirstOrThrow();
}
