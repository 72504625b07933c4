import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

export interface OkvedFilter {
  parent?: string | undefined;
  q?: string | undefined;
}

/**
 * ОКВЭД2 codes: the children of a code (sections when no parent), or a text
 * match on code and name; sections first, then in code order.
 */
export async function findOkvedCodes(db: Db, f: OkvedFilter, limit: number) {
  let query = db.selectFrom('okved').select(['code', 'name', 'level', 'section', 'parent_code']);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('code', 'like', `${f.q!.replace(/[%_\\]/g, '\\$&')}%`), eb('name', 'ilike', like)]),
    );
  } else if (f.parent) {
    query = query.where('parent_code', '=', f.parent);
  } else {
    query = query.where('level', '=', 'section');
  }
  return query
    .orderBy(sql`length(code) > 1`)
    .orderBy(sql`string_to_array(regexp_replace(code, '[^0-9.]', '', 'g'), '.')::int[]`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

export type OkvedRow = Awaited<ReturnType<typeof findOkvedCodes>>[number];
