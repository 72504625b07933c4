import type { Agreement, AgreementListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { periodOf, ref, SourceRefs } from '../shared/mappers.ts';
import { findProgrammes, type ProgrammeListParams } from '../shared/programme-list.ts';
import { loadParties } from '../shared/parties.ts';
import { findPartyNames, getAgreementRow, getEventTitle } from './agreement.repository.ts';

/** Party names of each agreement, for list rows. */
async function partyNames(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const rows = await findPartyNames(db, ids);
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.agreement_id, [...(out.get(r.agreement_id) ?? []), r.name]);
  return out;
}

export async function listAgreements(db: Db, p: ProgrammeListParams) {
  const { rows, total } = await findProgrammes(db, 'agreement', p);
  const names = await partyNames(
    db,
    rows.map((r) => r.id),
  );
  const items: AgreementListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    date: periodOf(r),
    parties: names.get(r.id) ?? [],
  }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getAgreement(db: Db, id: number): Promise<Agreement> {
  const row = await getAgreementRow(db, id);
  if (!row) throw new NotFoundError('Соглашение', 'Agreement', id);
  const event = row.event_id === null ? undefined : await getEventTitle(db, row.event_id);
  const parties = await loadParties(db, 'agreement', id);
  const sources = await SourceRefs.load(db, [row.source_id]);
  return {
    id: row.id,
    title: row.title,
    date: periodOf(row),
    place: row.place,
    event: event ? ref('event', event.id, event.title) : null,
    directions: row.directions,
    parties,
    source: sources.of(row),
  };
}
