import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type {
  ClusterCreateSchema,
  ClusterMemberCreateSchema,
  ClusterUpdateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import { ConflictError, NotFoundError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  getLiveRow,
  type ColumnMap,
  type MutationContext,
} from '../../shared/records/versioned-record.repository.ts';
import {
  checkReferences,
  organisationProblem,
  provenance,
} from '../../registry/shared/references.ts';
import {
  PROVENANCE,
  period,
  simpleEditing,
} from '../../registry/shared/registry-editing.service.ts';
import { findLiveMembership } from './cluster.repository.ts';

const CLUSTER = {
  kind: 'kind',
  status: 'status',
  name: 'name',
  fullName: 'full_name',
  aliases: 'aliases',
  regionCode: 'region_code',
  specialisation: 'specialisation',
  specialisedOrganisationId: 'specialised_organisation_id',
  published: 'published',
  ...PROVENANCE,
} satisfies ColumnMap<'cluster'>;

export const clusterEditing = simpleEditing<
  'cluster',
  z.infer<typeof ClusterCreateSchema>,
  z.infer<typeof ClusterUpdateSchema>
>('cluster', CLUSTER);

export async function addClusterMember(
  db: Db,
  ctx: MutationContext,
  clusterId: number,
  input: z.infer<typeof ClusterMemberCreateSchema>,
) {
  if (!(await getLiveRow(db, 'cluster', clusterId)))
    throw new NotFoundError('Кластер', 'Cluster', clusterId);
  await checkReferences([organisationProblem(db, 'organisationId', input.organisationId)]);
  const existing = await findLiveMembership(db, clusterId, input.organisationId, input.role);
  if (existing)
    throw new ConflictError(
      'Организация уже участвует в кластере в этой роли',
      'Already a member in this role',
      { code: 'duplicate', details: { field: 'organisationId' } },
    );
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'cluster_member', {
      cluster_id: clusterId,
      organisation_id: input.organisationId,
      role: input.role,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}
