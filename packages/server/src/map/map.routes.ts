import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { mapRegionsRoute, mapSitesRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { mapSites, regionMeasure } from './map.service.ts';
import { readDb, readSchema } from '../db/read-db.ts';

export function mapRoutes(app: AppInstance): void {
  app.get(
    '/api/map/regions',
    {
      schema: {
        tags: ['Карта'],
        summary: 'Значение показателя по каждому субъекту РФ для картограммы',
        querystring: mapRegionsRoute.query,
        response: {
          200: mapRegionsRoute.response,
          400: ErrorResponseSchema,
        },
      },
    },
    async ({ query, viewer }) => regionMeasure(app.deps.db, query.measure, readSchema(viewer)),
  );
  app.get(
    mapSitesRoute.path,
    {
      schema: {
        tags: ['Карта'],
        summary: 'Площадки для точек на карте (координаты могут быть не указаны)',
        response: { 200: mapSitesRoute.response },
      },
    },
    async ({ viewer }) => mapSites(readDb(app, viewer)),
  );
}
