import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type {
  Cluster,
  ClusterListItem,
  SupportAward,
} from '@promatlas/core/api/registry.schema.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  type SourceRefs,
} from '../../registry/shared/mappers.ts';
import type { ClusterLinks, ClusterListRow, ClusterRow } from './cluster.repository.ts';

export function clusterListItem(r: ClusterListRow): ClusterListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    name: r.name,
    region: regionRef(r),
    specialisation: r.specialisation,
  };
}

export function clusterProfile(
  row: ClusterRow,
  links: ClusterLinks,
  support: SupportAward[],
  facts: Fact[],
  sources: SourceRefs,
): Cluster {
  return {
    ...clusterListItem(row),
    fullName: row.full_name,
    aliases: row.aliases,
    specialisedOrganisation: links.specialised
      ? ref('organisation', links.specialised.id, organisationDisplayName(links.specialised))
      : null,
    members: links.members.map((m) => ({
      role: m.role,
      target: ref('organisation', m.target_id, organisationDisplayName(m)),
      asOf: periodOf(m),
      source: sources.of(m),
    })),
    projects: links.projects.map((p) => ref('project', p.id, p.title)),
    support,
    events: links.events.map((e) => ref('event', e.id, e.title)),
    facts,
    version: row.version,
    published: row.published,
    source: sources.of(row),
  };
}
