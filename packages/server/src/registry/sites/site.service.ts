import type { Site, SiteListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  SourceRefs,
  sourceIdsOf,
} from '../shared/mappers.ts';
import { findSites, getSiteLinks, getSiteRow, type SiteFilter } from './site.repository.ts';

type SiteRowLike = {
  id: number;
  kind: SiteListItem['kind'];
  sez_type: SiteListItem['sezType'];
  name: string;
  region_code: string | null;
  region_name: string | null;
  latitude: number | null;
  longitude: number | null;
};

export function siteListItem(r: SiteRowLike): SiteListItem {
  return {
    id: r.id,
    kind: r.kind,
    sezType: r.sez_type,
    name: r.name,
    region: regionRef(r),
    latitude: r.latitude,
    longitude: r.longitude,
  };
}

export async function listSites(
  db: Db,
  p: { filter: SiteFilter; sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findSites(
    db,
    p.filter,
    parseSort(p.sort).direction,
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(siteListItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getSite(db: Db, id: number): Promise<Site> {
  const row = await getSiteRow(db, id);
  if (!row) throw new NotFoundError('Площадка', 'Site', id);
  const links = await getSiteLinks(db, id, row.management_organisation_id);
  const facts = await loadFacts(db, 'site', id);
  const sources = await SourceRefs.load(db, [
    row.source_id,
    ...sourceIdsOf(links.residents, links.ratings),
  ]);
  return {
    ...siteListItem(row),
    fullName: row.full_name,
    aliases: row.aliases,
    town: row.town,
    specialisation: row.specialisation,
    managementCompany: links.management
      ? ref('organisation', links.management.id, organisationDisplayName(links.management))
      : null,
    residents: links.residents.map((r) => ({
      role: 'resident',
      target: ref('organisation', r.target_id, organisationDisplayName(r)),
      asOf: periodOf(r),
      source: sources.of(r),
    })),
    ratings: links.ratings.map((r) => ({
      rating: ref('rating', r.rating_id, r.rating_name),
      editionLabel: r.edition_label,
      editionNumber: r.edition_number,
      year: r.year,
      peerGroup: r.peer_group,
      place: r.place,
      kind: r.kind,
      source: sources.of(r),
    })),
    projects: links.projects.map((p) => ref('project', p.id, p.title)),
    facts,
    version: row.version,
    published: row.published,
    source: sources.of(row),
  };
}
