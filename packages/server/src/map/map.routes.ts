import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { mapSitesRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { mapSites, MAP_MEASURES, regionMeasure, type MapMeasure } from './map.service.ts';
import { readDb, readSchema } from '../db/read-db.ts';

const MeasureSchema = z.enum(Object.keys(MAP_MEASURES) as [MapMeasure, ...MapMeasure[]]);

export function mapRoutes(app: AppInstance): void {
  app.get(
    '/api/map/regions',
    {
      schema: {
        tags: ['Карта'],
        summary: 'Значение показателя по каждому субъекту РФ для картограммы',
        querystring: z.object({ measure: MeasureSchema.default('organisations') }),
        response: {
          200: z.object({
            measure: MeasureSchema,
            label: z.string(),
            items: z.array(z.object({ code: z.string(), name: z.string(), value: z.number() })),
          }),
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
