import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { SitePageSchema, SiteSchema } from '@promatlas/core/api/registry.schema.ts';
import { SEZ_TYPES, SITE_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { listQuerySchema, regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getSite, listSites } from './site.service.ts';
import { readDb } from '../../db/read-db.ts';

/** The list's filters and sort, reused by its export. */
export const SiteListQuery = listQuerySchema(['name', '-name'], {
  kind: z
    .enum(SITE_KINDS.values)
    .optional()
    .describe('Вид площадки: sez, technopark, industrial_park, tor'),
  sezType: z.enum(SEZ_TYPES.values).optional().describe('Тип ОЭЗ по 116-ФЗ'),
});

export function siteRoutes(app: AppInstance): void {
  app.get(
    '/api/sites',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Площадки: ОЭЗ, технопарки, индустриальные парки, ТОР',
        querystring: SiteListQuery,
        response: { 200: SitePageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listSites(readDb(app, viewer), {
        filter: { regions: regionCodes(q.region), kind: q.kind, sezType: q.sezType, q: q.q },
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/sites/:id',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль площадки: тип, регион, резиденты, факты и рейтинги с источниками',
        params: IdParamsSchema,
        response: { 200: SiteSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getSite(readDb(app, viewer), params.id),
  );
}
