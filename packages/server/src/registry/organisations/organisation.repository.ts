/** An organisation's profile: its row and everything it is linked to. */
import type { RoleLinkRow } from '../shared/role-links.ts';
import type { Db } from '../../db/connection.ts';
import { sequential } from '../shared/sequential.ts';

export async function getOrganisationRow(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .leftJoin('region', 'region.code', 'organisation.region_code')
    .selectAll('organisation')
    .select('region.name as region_name')
    .where('organisation.id', '=', id)
    .where('organisation.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function getOrganisationLinks(db: Db, id: number) {
  const [
    children,
    parent,
    okved,
    positions,
    memberships,
    residencies,
    participations,
    agreementParties,
    planParties,
    projectParticipants,
    managedSites,
  ] = await sequential([
    () =>
      db
        .selectFrom('organisation')
        .select(['id', 'name', 'legal_form'])
        .where('parent_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('organisation as o')
        .innerJoin('organisation as p', 'p.id', 'o.parent_id')
        .select(['p.id', 'p.name', 'p.legal_form'])
        .where('o.id', '=', id)
        .execute(),
    () =>
      db
        .selectFrom('organisation_okved as oo')
        .innerJoin('okved', 'okved.code', 'oo.okved_code')
        .select(['okved.code', 'okved.name', 'oo.is_main'])
        .where('oo.organisation_id', '=', id)
        .orderBy('oo.is_main', 'desc')
        .orderBy('okved.code')
        .execute(),
    () =>
      db
        .selectFrom('position')
        .innerJoin('person', 'person.id', 'position.person_id')
        .select([
          'position.title',
          'position.valid_from',
          'position.valid_to',
          'position.valid_precision',
          'position.source_id',
          'position.source_quote',
          'person.id as person_id',
          'person.last_name',
          'person.first_name',
          'person.patronymic',
        ])
        .where('position.organisation_id', '=', id)
        .where('position.deleted_at', 'is', null)
        .orderBy('position.valid_from', 'desc')
        .execute(),
    () =>
      db
        .selectFrom('cluster_member as m')
        .innerJoin('cluster as c', 'c.id', 'm.cluster_id')
        .select([
          'm.role',
          'm.valid_from',
          'm.valid_to',
          'm.valid_precision',
          'm.source_id',
          'm.source_quote',
          'c.id as target_id',
          'c.name as target_title',
        ])
        .where('m.organisation_id', '=', id)
        .where('m.deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('site_resident as r')
        .innerJoin('site as s', 's.id', 'r.site_id')
        .select([
          'r.valid_from',
          'r.valid_to',
          'r.valid_precision',
          'r.source_id',
          'r.source_quote',
          's.id as target_id',
          's.name as target_title',
        ])
        .where('r.organisation_id', '=', id)
        .where('r.deleted_at', 'is', null)
        .execute(),
    () => participationLinks(db, 'event_participant', id, true),
    () => participationLinks(db, 'agreement_party', id),
    () => participationLinks(db, 'action_plan_party', id),
    () => participationLinks(db, 'project_participant', id),
    () =>
      db
        .selectFrom('site')
        .select(['id', 'name'])
        .where('management_organisation_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
  ] as const);
  return {
    children,
    parent: parent[0] ?? null,
    okved,
    positions,
    memberships,
    residencies,
    participations,
    agreementParties,
    planParties,
    projectParticipants,
    managedSites,
  };
}

/** The relation's role and source, the target's title and date: the columns of a role link. */
const LINK_COLUMNS = [
  'p.role',
  't.valid_from',
  't.valid_to',
  't.valid_precision',
  'p.source_id',
  'p.source_quote',
  't.id as target_id',
  't.title as target_title',
] as const;

/**
 * An organisation's participations in events, agreements, plans and projects.
 * The four relation tables share the link columns; one typed query per table
 * keeps every column checked against the schema.
 */
async function participationLinks(
  db: Db,
  relation: 'event_participant' | 'agreement_party' | 'action_plan_party' | 'project_participant',
  organisationId: number,
  newestFirst = false,
): Promise<RoleLinkRow[]> {
  switch (relation) {
    case 'event_participant': {
      const q = db
        .selectFrom('event_participant as p')
        .innerJoin('event as t', 't.id', 'p.event_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'agreement_party': {
      const q = db
        .selectFrom('agreement_party as p')
        .innerJoin('agreement as t', 't.id', 'p.agreement_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'action_plan_party': {
      const q = db
        .selectFrom('action_plan_party as p')
        .innerJoin('action_plan as t', 't.id', 'p.action_plan_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'project_participant': {
      const q = db
        .selectFrom('project_participant as p')
        .innerJoin('project as t', 't.id', 'p.project_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
  }
}
