import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { Region, RegionListItem } from '@promatlas/core/api/registry.schema.ts';
import { organisationDisplayName, periodOf, personFullName, ref } from '../shared/mappers.ts';
import type { RegionCountRow, RegionLinks, RegionRow } from './region.repository.ts';

type Counts = RegionListItem['counts'];

/** Record counts by region code; a region without records counts 0. */
export function regionCountsOf(rows: {
  organisations: RegionCountRow[];
  sites: RegionCountRow[];
  clusters: RegionCountRow[];
}): (code: string) => Counts {
  const toMap = (list: RegionCountRow[]) => new Map(list.map((r) => [r.region_code!, Number(r.n)]));
  const om = toMap(rows.organisations);
  const sm = toMap(rows.sites);
  const cm = toMap(rows.clusters);
  return (code: string) => ({
    organisations: om.get(code) ?? 0,
    sites: sm.get(code) ?? 0,
    clusters: cm.get(code) ?? 0,
  });
}

export function regionListItem(r: RegionRow, counts: Counts): RegionListItem {
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    okato: r.okato,
    oktmo: r.oktmo,
    isoCode: r.iso_code,
    federalDistrict: { code: r.federal_district_code, name: r.district_name },
    counts,
  };
}

export function regionProfile(
  row: RegionRow & { aliases: string[] },
  counts: Counts,
  links: RegionLinks,
  facts: Fact[],
): Region {
  return {
    ...regionListItem(row, counts),
    aliases: row.aliases,
    facts,
    sites: links.sites.map((s) => ref('site', s.id, s.name)),
    clusters: links.clusters.map((c) => ref('cluster', c.id, c.name)),
    organisations: links.organisations.map((o) =>
      ref('organisation', o.id, organisationDisplayName(o)),
    ),
    events: links.events.map((e) => ref('event', e.id, e.title)),
    agreements: links.agreements.map((a) => ref('agreement', a.id, a.title)),
    actionPlans: links.actionPlans.map((a) => ref('action_plan', a.id, a.title)),
    projects: links.projects.map((p) => ref('project', p.id, p.title)),
    people: links.people.map((p) => ({
      person: ref('person', p.id, personFullName(p)),
      title: p.title,
      asOf: periodOf(p),
    })),
  };
}
