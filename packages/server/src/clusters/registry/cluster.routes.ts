import { listClustersRoute } from '@promatlas/core/api/contract/registry.ts';
import { presentingConflicts, versionOf } from '../../http/write-routes.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { ClusterPageSchema, ClusterSchema } from '@promatlas/core/api/registry.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { IdParamsSchema } from '../../registry/shared/params.ts';
import { getCluster, listClusters } from './cluster.service.ts';
import { readDb } from '../../db/read-db.ts';
import {
  DeleteQuery,
  EDIT_TAG as TAG,
  mutationContext,
  registryAccess as registry,
  writeErrors,
} from '../../http/write-routes.ts';
import {
  ClusterCreateSchema,
  ClusterMemberCreateSchema,
  ClusterUpdateSchema,
  CreatedSchema,
} from '@promatlas/core/api/editing.schema.ts';
import {
  regionFromBody,
  regionOfChild,
  regionOfNewMember,
  regionOfRecord,
} from '../../registry/shared/region-resolvers.ts';
import { addClusterMember, clusterEditing } from './cluster-editing.service.ts';
import { removeChild } from '../../registry/shared/registry-editing.service.ts';

// Declared with the API contract, so the web client builds the same query; the list's export reuses it.
export const ClusterListQuery = listClustersRoute.query;

export function clusterRoutes(app: AppInstance): void {
  app.get(
    '/api/clusters',
    {
      config: { readCache: true },
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
      config: { readCache: true },
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль кластера: участники, проекты, поддержка, факты',
        params: IdParamsSchema,
        response: { 200: ClusterSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getCluster(readDb(app, viewer), params.id),
  );

  app.post(
    '/api/clusters',
    {
      config: { access: registry(regionFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать кластер',
        body: ClusterCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await clusterEditing.create(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/clusters/:id',
    {
      config: { access: registry(regionOfRecord('cluster')) },
      schema: {
        tags: TAG,
        summary: 'Изменить кластер',
        params: IdParamsSchema,
        body: ClusterUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          clusterEditing.update(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        () => getCluster(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.delete(
    '/api/clusters/:id',
    {
      config: { access: registry(regionOfRecord('cluster')) },
      schema: {
        tags: TAG,
        summary: 'Пометить кластер удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          clusterEditing.remove(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.query.version,
          ),
        () => getCluster(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.post(
    '/api/clusters/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить кластер',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      clusterEditing.restore(app.deps.db, mutationContext(request), request.params.id),
  );
  app.post(
    '/api/clusters/:id/members',
    {
      config: { access: registry(regionOfNewMember) },
      schema: {
        tags: TAG,
        summary: 'Добавить организацию в участники кластера',
        params: IdParamsSchema,
        body: ClusterMemberCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addClusterMember(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.delete(
    '/api/cluster-members/:id',
    {
      config: { access: registry(regionOfChild('cluster_member')) },
      schema: {
        tags: TAG,
        summary: 'Исключить участника из кластера (пометить удалённым)',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          removeChild(
            app.deps.db,
            mutationContext(request),
            'cluster_member',
            request.params.id,
            request.query.version,
          ),
        versionOf(request.params.id),
      ),
  );
}
