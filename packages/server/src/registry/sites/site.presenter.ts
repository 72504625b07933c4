import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { Site, SiteListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  type SourceRefs,
} from '../shared/mappers.ts';
import type { SiteLinks, SiteRow } from './site.repository.ts';

/** The columns a site is listed with (the registry list and the map share them). */
export interface SiteListRow {
  id: number;
  kind: SiteListItem['kind'];
  sez_type: SiteListItem['sezType'];
  name: string;
  region_code: string | null;
  region_name: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function siteListItem(r: SiteListRow): SiteListItem {
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

export function siteProfile(
  row: SiteRow,
  links: SiteLinks,
  facts: Fact[],
  sources: SourceRefs,
): Site {
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
