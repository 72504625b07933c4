import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { ClusterPageSchema, ClusterSchema } from '@promatlas/core/api/registry.schema.ts';
import { CLUSTER_KINDS, CLUSTER_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { listQuerySchema, regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getCluster, listClusters } from './cluster.service.ts';
import { readDb } from '../../db/read-db.ts';

/** The list's filters and sort, reused by its export. */
export const ClusterListQuery = listQuerySchema(['name', '-name'], {
  kind: z.enum(CLUSTER_KINDS.values).optional().describe('Вид кластера'),
  status: z.enum(CLUSTER_STATUSES.values).optional().describe('Статус: forming или operating'),
});

export function clusterRoutes(app: AppInstance): void {
  app.get(
    '/api/clusters',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Кластеры: промышленные, инновационные территориальные, образовательные',
        querystring: ClusterListQuery,
        response: { 200: ClusterPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listClusters(readDb(app, viewer), {
        filter: { regions: regionCodes(q.region), kind: q.kind, status: q.status, q: q.q },
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/clusters/:id',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль кластера: участники, проекты, поддержка, факты',
        params: IdParamsSchema,
        response: { 200: ClusterSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getCluster(readDb(app, viewer), params.id),
  );
}
