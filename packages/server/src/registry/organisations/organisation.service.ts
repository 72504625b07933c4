import {
  ORGANISATION_COUNT_CAP,
  type Organisation,
  type OrganisationListItem,
} from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  personFullName,
  ref,
  SourceRefs,
  sourceIdsOf,
} from '../shared/mappers.ts';
import { roleLinks } from '../shared/role-links.ts';
import { getOrganisationLinks, getOrganisationRow } from './organisation.repository.ts';
import { findOrganisations, type OrganisationFilter } from './organisation-list.repository.ts';

function listItem(r: {
  id: number;
  name: string;
  legal_form: string | null;
  kind: OrganisationListItem['kind'];
  region_code: string | null;
  region_name: string | null;
  town: string | null;
  inn: string | null;
  ogrn: string | null;
}): OrganisationListItem {
  return {
    id: r.id,
    name: r.name,
    displayName: organisationDisplayName(r),
    legalForm: r.legal_form,
    kind: r.kind,
    region: r.region_code && r.region_name ? { code: r.region_code, name: r.region_name } : null,
    town: r.town,
    inn: r.inn,
    ogrn: r.ogrn,
  };
}

export async function listOrganisations(
  db: Db,
  params: {
    filter: OrganisationFilter;
    sort: string;
    page: number;
    pageSize: number;
    /** Counting stops above this (default ORGANISATION_COUNT_CAP); the answer then says totalCapped. */
    countCap?: number;
  },
) {
  const { rows, total, totalCapped } = await findOrganisations(
    db,
    params.filter,
    parseSort(params.sort),
    params.pageSize,
    offsetOf(params.page, params.pageSize),
    params.countCap ?? ORGANISATION_COUNT_CAP,
  );
  return {
    items: rows.map(listItem),
    total,
    ...(totalCapped ? { totalCapped } : {}),
    page: params.page,
    pageSize: params.pageSize,
  };
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation> {
  const row = await getOrganisationRow(db, id);
  if (!row) throw new NotFoundError('Организация', 'Organisation', id);
  const links = await getOrganisationLinks(db, id);
  const facts = await loadFacts(db, 'organisation', id);
  const sources = await SourceRefs.load(db, [
    row.source_id,
    ...sourceIdsOf(
      links.positions,
      links.memberships,
      links.residencies,
      links.participations,
      links.agreementParties,
      links.planParties,
      links.projectParticipants,
    ),
  ]);
  return {
    ...listItem(row),
    fullName: row.full_name,
    shortName: row.short_name,
    kpp: row.kpp,
    country: row.country,
    description: row.description,
    aliases: row.aliases,
    parent: links.parent
      ? ref('organisation', links.parent.id, organisationDisplayName(links.parent))
      : null,
    children: links.children.map((c) => ref('organisation', c.id, organisationDisplayName(c))),
    okved: links.okved.map((o) => ({ code: o.code, name: o.name, isMain: o.is_main })),
    people: links.positions.map((p) => ({
      person: ref('person', p.person_id, personFullName(p)),
      title: p.title,
      asOf: periodOf(p),
      source: sources.of(p),
    })),
    clusters: roleLinks(links.memberships, 'cluster', sources),
    sites: roleLinks(links.residencies, 'site', sources, 'resident'),
    events: roleLinks(links.participations, 'event', sources),
    agreements: roleLinks(links.agreementParties, 'agreement', sources),
    actionPlans: roleLinks(links.planParties, 'action_plan', sources),
    projects: roleLinks(links.projectParticipants, 'project', sources),
    managedSites: links.managedSites.map((s) => ref('site', s.id, s.name)),
    facts,
    version: row.version,
    published: row.published,
    source: sources.of(row),
  };
}
