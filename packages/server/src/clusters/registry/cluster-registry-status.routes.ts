import {
  clusterRegistryStatusRoute,
  updateClusterRegistryStatusRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import {
  EDIT_TAG,
  mutationContext,
  presentingConflicts,
  registryAccess,
  versionOf,
  writeErrors,
} from '../../http/write-routes.ts';
import { readDb } from '../../db/read-db.ts';
import { regionOfRecord } from '../../registry/shared/region-resolvers.ts';
import {
  getClusterRegistryStatus,
  updateClusterRegistryStatus,
} from './cluster-registry-status.service.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The cluster's status in the Minpromtorg registry: read it with its history, state it. */
export function clusterRegistryStatusRoutes(app: AppInstance): void {
  app.get(
    clusterRegistryStatusRoute.path,
    {
      schema: {
        tags: ['Кооперация'],
        summary:
          'Статус кластера в реестре Минпромторга: кандидат, в реестре (номер и дата заключения), заключение истекло',
        params: clusterRegistryStatusRoute.params,
        response: {
          200: clusterRegistryStatusRoute.response,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, viewer }) =>
      getClusterRegistryStatus(readDb(app, viewer), app.deps.db, viewer, params.id, today()),
  );
  app.patch(
    updateClusterRegistryStatusRoute.path,
    {
      config: { access: registryAccess(regionOfRecord('cluster')) },
      schema: {
        tags: EDIT_TAG,
        summary:
          'Записать статус кластера в реестре Минпромторга (с проверкой версии: 409 при конфликте)',
        params: updateClusterRegistryStatusRoute.params,
        body: updateClusterRegistryStatusRoute.body,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateClusterRegistryStatus(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
            today(),
          ),
        versionOf(request.params.id),
      ),
  );
}
