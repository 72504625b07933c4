import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** ОКВЭД2 codes: the children of a code (sections when no parent), or a text match on code and name. */
export async function listOkved(
  db: Db,
  p: { parent?: string | undefined; q?: string | undefined; limit: number },
) {
  let query = db.selectFrom('okved').select(['code', 'name', 'level', 'section', 'parent_code']);
  if (p.q) {
    const like = `%${p.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('code', 'like', `${p.q!.replace(/[%_\\]/g, '\\$&')}%`), eb('name', 'ilike', like)]),
    );
  } else if (p.parent) {
    query = query.where('parent_code', '=', p.parent);
  } else {
    query = query.where('level', '=', 'section');
  }
  const rows = await query
    .orderBy(sql`length(code) > 1`)
    .orderBy(sql`string_to_array(regexp_replace(code, '[^0-9.]', '', 'g'), '.')::int[]`)
    .orderBy('code')
    .limit(p.limit)
    .execute();
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      section: r.section,
      parentCode: r.parent_code,
    })),
    total: rows.length,
  };
}
