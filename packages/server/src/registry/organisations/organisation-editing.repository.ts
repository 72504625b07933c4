import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** The queries of organisation editing: ОКВЭД2 codes, identifiers, similar names. */

/** Which of these ОКВЭД2 codes the classifier knows. */
export async function findKnownOkvedCodes(db: Db, codes: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('okved').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** An organisation's ОКВЭД2 codes as stored. */
export async function findOrganisationOkved(db: Db, id: number) {
  return db
    .selectFrom('organisation_okved')
    .select(['okved_code', 'is_main'])
    .where('organisation_id', '=', id)
    .execute();
}

/** Replaces an organisation's ОКВЭД2 codes (call inside the edit's transaction). */
export async function replaceOrganisationOkved(
  trx: Db,
  id: number,
  okved: ReadonlyArray<{ code: string; isMain: boolean }>,
): Promise<void> {
  await trx.deleteFrom('organisation_okved').where('organisation_id', '=', id).execute();
  const rows = okved.map((o) => ({ organisation_id: id, okved_code: o.code, is_main: o.isMain }));
  if (rows.length) await trx.insertInto('organisation_okved').values(rows).execute();
}

/** The identifiers and deletion mark of an organisation, live or deleted. */
export async function findOrganisationIdentifiers(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select(['inn', 'ogrn', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Live organisations whose name is similar to `text` (trigram similarity), the closest ten. */
export async function findSimilarlyNamed(db: Db, text: string, regionCode: string | undefined) {
  let q = db
    .selectFrom('organisation')
    .select([
      'id',
      'name',
      'legal_form',
      sql<number>`similarity(search_text, ${text})`.as('similarity'),
    ])
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`search_text % ${text}`);
  if (regionCode) q = q.where('region_code', '=', regionCode);
  return q.orderBy('similarity', 'desc').limit(10).execute();
}

export type SimilarOrganisationRow = Awaited<ReturnType<typeof findSimilarlyNamed>>[number];
