import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { Event, EventListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  organisationDisplayName,
  periodOf,
  personFullName,
  ref,
  regionRef,
  type SourceRefs,
} from '../shared/mappers.ts';
import type { EventLinks, EventListRow, EventRow } from './event.repository.ts';

export function eventListItem(r: EventListRow): EventListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    date: periodOf(r),
    region: regionRef(r),
  };
}

export function eventProfile(
  row: EventRow,
  links: EventLinks,
  facts: Fact[],
  sources: SourceRefs,
): Event {
  return {
    ...eventListItem(row),
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
