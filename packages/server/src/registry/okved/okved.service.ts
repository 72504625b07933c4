import type { Db } from '../../db/connection.ts';
import { okvedItem } from './okved.presenter.ts';
import { findOkvedCodes, type OkvedFilter } from './okved.repository.ts';

/** ОКВЭД2 codes: the children of a code (sections when no parent), or a text match on code and name. */
export async function listOkved(db: Db, p: OkvedFilter & { limit: number }) {
  const rows = await findOkvedCodes(db, { parent: p.parent, q: p.q }, p.limit);
  return { items: rows.map(okvedItem), total: rows.length };
}
