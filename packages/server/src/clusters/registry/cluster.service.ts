import type { Cluster } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../../registry/shared/facts.ts';
import { offsetOf, parseSort } from '../../registry/shared/list-query.ts';
import { SourceRefs, sourceIdsOf } from '../../registry/shared/mappers.ts';
import { loadSupportAwards } from '../../registry/shared/support-awards.ts';
import { clusterListItem, clusterProfile } from './cluster.presenter.ts';
import {
  findClusters,
  getClusterLinks,
  getClusterRow,
  type ClusterFilter,
} from './cluster.repository.ts';

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
  return { items: rows.map(clusterListItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getCluster(db: Db, id: number): Promise<Cluster> {
  const row = await getClusterRow(db, id);
  if (!row) throw new NotFoundError('Кластер', 'Cluster', id);
  const links = await getClusterLinks(db, id, row.specialised_organisation_id);
  const facts = await loadFacts(db, 'cluster', id);
  const support = await loadSupportAwards(db, links.awardIds);
  const sources = await SourceRefs.load(db, [row.source_id, ...sourceIdsOf(links.members)]);
  return clusterProfile(row, links, support, facts, sources);
}
