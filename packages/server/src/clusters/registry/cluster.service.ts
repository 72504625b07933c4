import type { Cluster, ClusterListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../../registry/shared/facts.ts';
import { offsetOf, parseSort } from '../../registry/shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  ref,
  regionRef,
  SourceRefs,
  sourceIdsOf,
} from '../../registry/shared/mappers.ts';
import { loadSupportAwards } from '../../registry/shared/support-awards.ts';
import {
  findClusters,
  getClusterLinks,
  getClusterRow,
  type ClusterFilter,
} from './cluster.repository.ts';

function listItem(r: {
  id: number;
  kind: ClusterListItem['kind'];
  status: ClusterListItem['status'];
  name: string;
  specialisation: string | null;
  region_code: string | null;
  region_name: string | null;
}): ClusterListItem {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    name: r.name,
    region: regionRef(r),
    specialisation: r.specialisation,
  };
}

export async function listClusters(
  db: Db,
  p: { filter: ClusterFilter; sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findClusters(
    db,
    p.filter,
    parseSort(p.sort).direction,
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(listItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getCluster(db: Db, id: number): Promise<Cluster> {
  const row = await getClusterRow(db, id);
  if (!row) throw new NotFoundError('Кластер', 'Cluster', id);
  const links = await getClusterLinks(db, id, row.specialised_organisation_id);
  const facts = await loadFacts(db, 'cluster', id);
  const support = await loadSupportAwards(db, links.awardIds);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(links.members)]);
  return {
    ...listItem(row),
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
