import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { readDbFor } from '../db/read-db.ts';

/** Whether the internal (unpublished included, deleted excluded) view has the record. */
export async function internalRecordExists(
  db: Db,
  table: string,
  key: 'id' | 'code',
  value: string | number,
): Promise<boolean> {
  const found = await sql<{ one: number }>`
    SELECT 1 AS one FROM ${sql.table(`internal.${table}`)} WHERE ${sql.ref(key)} = ${value}`.execute(
    readDbFor(db, 'internal'),
  );
  return found.rows.length > 0;
}

/**
 * The audit entries of a record and of its children: the entries about it,
 * those of statements whose subject it is, and those of child records
 * (`childLinks`: [entity type, column pointing at the parent]) whose snapshot
 * points at it; newest first, with the editor's name and the source's title.
 */
export async function findHistoryRows(
  db: Db,
  entityType: string,
  entityId: string,
  childLinks: ReadonlyArray<readonly [string, string]>,
) {
  return db
    .selectFrom('audit_entry as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('source_document as s', 's.id', 'a.source_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.before',
      'a.after',
      'u.id as user_id',
      'u.display_name',
      's.id as source_id',
      's.title as source_title',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity_type', '=', entityType), eb('a.entity_id', '=', entityId)]),
        sql<boolean>`a.entity_type = 'statement'
          AND coalesce(a.after, a.before)->>'subject_type' = ${entityType}
          AND coalesce(a.after, a.before)->>'subject_id' = ${entityId}`,
        ...childLinks.map(
          ([childType, column]) =>
            sql<boolean>`a.entity_type = ${childType} AND coalesce(a.after, a.before)->>${column} = ${entityId}`,
        ),
      ]),
    )
    .orderBy('a.id', 'desc')
    .execute();
}
