import type { Source } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { resolveEntityRefs } from '../shared/entity-refs.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  CITING_TABLES,
  otherCitations,
  sourceListItem,
  sourceProfile,
  type Citation,
} from './source.presenter.ts';
import {
  findOtherCitations,
  findRecordCitations,
  findSources,
  getSourceRow,
} from './source.repository.ts';

export async function listSources(
  db: Db,
  p: { q?: string | undefined; sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findSources(
    db,
    p.q,
    parseSort(p.sort),
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(sourceListItem), total, page: p.page, pageSize: p.pageSize };
}

/**
 * A source document with its full text and every citation of it: records,
 * positions, participations and statements, each with the span of the quoted
 * sentence in the text so the interface can mark it.
 */
export async function getSource(db: Db, id: number): Promise<Source> {
  const row = await getSourceRow(db, id);
  if (!row) throw new NotFoundError('Источник', 'Source', id);
  const cites: Citation[] = [];
  for (const t of CITING_TABLES) {
    for (const r of await findRecordCitations(db, t.table, id))
      cites.push({ type: t.type, id: String(r.id), what: t.what, quote: r.source_quote! });
  }
  cites.push(...otherCitations(await findOtherCitations(db, id)));
  const refs = await resolveEntityRefs(db, cites);
  return sourceProfile(row, cites, refs);
}
