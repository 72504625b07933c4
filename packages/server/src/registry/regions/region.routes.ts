import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';

import { getRegionRoute, listRegionsRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../../http/app-instance.ts';

import { getRegion, listRegions } from './region.service.ts';

import { readDb } from '../../db/read-db.ts';

export function regionRoutes(app: AppInstance): void {
  app.get(
    listRegionsRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: ['Справочники'],
        summary: 'Субъекты РФ с кодами ОКАТО/ОКТМО/ISO, федеральным округом и числом записей',
        querystring: listRegionsRoute.query,
        response: { 200: listRegionsRoute.response, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) => listRegions(readDb(app, viewer), q),
  );
  app.get(
    getRegionRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: ['Справочники'],
        summary: 'Профиль региона: площадки, кластеры, организации, мероприятия, факты',
        params: getRegionRoute.params,
        response: {
          200: getRegionRoute.response,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, viewer }) => getRegion(readDb(app, viewer), params.code),
  );
}
