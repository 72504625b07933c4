import type { Person, PersonListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  organisationDisplayName,
  periodOf,
  personFullName,
  ref,
  regionRef,
  type SourceRefs,
} from '../shared/mappers.ts';
import { roleLinks } from '../shared/role-links.ts';
import type { PersonLinks, PersonListRow, PersonRow } from './person.repository.ts';

export function personListItem(r: PersonListRow, currentTitle: string | null): PersonListItem {
  return { id: r.id, fullName: personFullName(r), currentTitle };
}

export function personProfile(row: PersonRow, links: PersonLinks, sources: SourceRefs): Person {
  const { positions, events, agreements } = links;
  return {
    id: row.id,
    fullName: personFullName(row),
    currentTitle: positions[0]?.title ?? null,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    positions: positions.map((p) => ({
      id: p.id,
      title: p.title,
      organisation:
        p.organisation_id !== null && p.organisation_name !== null
          ? ref(
              'organisation',
              p.organisation_id,
              organisationDisplayName({ name: p.organisation_name, legal_form: p.legal_form }),
            )
          : null,
      region: regionRef(p),
      asOf: periodOf(p),
      source: sources.of(p),
    })),
    events: roleLinks(events, 'event', sources),
    agreements: roleLinks(agreements, 'agreement', sources),
    version: row.version,
    published: row.published,
    source: sources.of(row),
  };
}
