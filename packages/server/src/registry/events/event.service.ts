import type { Event, EventListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  personFullName,
  ref,
  regionRef,
  SourceRefs,
  sourceIdsOf,
} from '../shared/mappers.ts';
import { findEvents, getEventLinks, getEventRow, type EventFilter } from './event.repository.ts';

function listItem(r: {
  id: number;
  kind: EventListItem['kind'];
  status: EventListItem['status'];
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
  region_code: string | null;
  region_name: string | null;
}): EventListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    date: periodOf(r),
    region: regionRef(r),
  };
}

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
  return { items: rows.map(listItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getEvent(db: Db, id: number): Promise<Event> {
  const row = await getEventRow(db, id);
  if (!row) throw new NotFoundError('Мероприятие', 'Event', id);
  const links = await getEventLinks(db, id, row.follows_event_id);
  const facts = await loadFacts(db, 'event', id);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(links.participants)]);
  return {
    ...listItem(row),
    place: row.place,
    participantCategories: row.participant_categories,
    topics: row.topics,
    outcomes: row.outcomes,
    goals: row.goals,
    follows: links.follows ? ref('event', links.follows.id, links.follows.title) : null,
    followedBy: links.followedBy.map((e) => ref('event', e.id, e.title)),
    participants: links.participants.map((p) => ({
      role: p.role,
      organisation:
        p.organisation_id !== null && p.organisation_name !== null
          ? ref(
              'organisation',
              p.organisation_id,
              organisationDisplayName({ name: p.organisation_name, legal_form: p.legal_form }),
            )
          : null,
      legalForm: p.legal_form,
      town: p.town,
      organisationKind: p.organisation_kind,
      person:
        p.person_id !== null && p.last_name !== null
          ? ref(
              'person',
              p.person_id,
              personFullName({
                last_name: p.last_name,
                first_name: p.first_name,
                patronymic: p.patronymic,
              }),
            )
          : null,
      positionTitle: p.position_title,
      source: sources.of(p),
    })),
    agreements: links.agreements.map((a) => ref('agreement', a.id, a.title)),
    actionPlans: links.actionPlans.map((a) => ref('action_plan', a.id, a.title)),
    facts,
    source: sources.of(row),
  };
}
