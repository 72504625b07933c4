import type { Person } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { SourceRefs, sourceIdsOf } from '../shared/mappers.ts';
import { personListItem, personProfile } from './person.presenter.ts';
import {
  findLatestTitles,
  findPeople,
  getPersonLinks,
  getPersonRow,
  type PersonFilter,
} from './person.repository.ts';

/** The latest known title of each person (by the as-of date of the position). */
async function latestTitles(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await findLatestTitles(db, ids);
  return new Map(rows.map((r) => [r.person_id, r.title]));
}

export async function listPeople(
  db: Db,
  p: PersonFilter & { sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findPeople(
    db,
    { regions: p.regions, q: p.q },
    parseSort(p.sort).direction,
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  const titles = await latestTitles(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => personListItem(r, titles.get(r.id) ?? null));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getPerson(db: Db, id: number): Promise<Person> {
  const row = await getPersonRow(db, id);
  if (!row) throw new NotFoundError('Персона', 'Person', id);
  const links = await getPersonLinks(db, id);
  const sources = await SourceRefs.load(db, [
    row.source_id,
    ...sourceIdsOf(links.positions, links.events, links.agreements),
  ]);
  return personProfile(row, links, sources);
}
