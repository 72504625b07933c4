import type { Event } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { SourceRefs, sourceIdsOf } from '../shared/mappers.ts';
import { eventListItem, eventProfile } from './event.presenter.ts';
import { findEvents, getEventLinks, getEventRow, type EventFilter } from './event.repository.ts';

export async function listEvents(
  db: Db,
  p: { filter: EventFilter; sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findEvents(
    db,
    p.filter,
    parseSort(p.sort),
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(eventListItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getEvent(db: Db, id: number): Promise<Event> {
  const row = await getEventRow(db, id);
  if (!row) throw new NotFoundError('Мероприятие', 'Event', id);
  const links = await getEventLinks(db, id, row.follows_event_id);
  const facts = await loadFacts(db, 'event', id);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(links.participants)]);
  return eventProfile(row, links, facts, sources);
}
