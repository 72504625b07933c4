import type { Db } from '../../db/connection.ts';

/** Live statements about one subject: by property, newest first within a property. */
export async function findStatementsAbout(db: Db, subjectType: string, subjectId: string) {
  return db
    .selectFrom('statement')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('deleted_at', 'is', null)
    .orderBy('property')
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('id')
    .execute();
}

export type StatementRow = Awaited<ReturnType<typeof findStatementsAbout>>[number];
