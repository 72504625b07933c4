import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  OkvedListSchema,
  RatingListSchema,
  SourcePageSchema,
  SourceSchema,
} from '@promatlas/core/api/registry.schema.ts';
import { PageQuerySchema } from '@promatlas/core/api/common.schema.ts';
import { getRegionRoute, listRegionsRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { IdParamsSchema } from './shared/params.ts';
import { getRegion, listRegions } from './regions/region.service.ts';
import { getSource, listSources } from './sources/source.service.ts';
import { listRatings } from './ratings/rating.service.ts';
import { listOkved } from './okved/okved.service.ts';
import { readDb } from '../db/read-db.ts';

/** The list's filters and sort, reused by its export. */
export const SourceListQuery = PageQuerySchema.extend({
  sort: z.enum(['-date', 'date', 'title', '-title']).default('-date'),
  q: z.string().trim().max(200).optional(),
});

export function regionRoutes(app: AppInstance): void {
  app.get(
    listRegionsRoute.path,
    {
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

export function sourceRoutes(app: AppInstance): void {
  app.get(
    '/api/sources',
    {
      schema: {
        tags: ['Источники'],
        summary: 'Источники: пресс-релизы, новости, справочные материалы',
        querystring: SourceListQuery,
        response: { 200: SourcePageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) => listSources(readDb(app, viewer), q),
  );
  app.get(
    '/api/sources/:id',
    {
      schema: {
        tags: ['Источники'],
        summary: 'Текст источника и все цитаты из него с позициями в тексте',
        params: IdParamsSchema,
        response: { 200: SourceSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getSource(readDb(app, viewer), params.id),
  );
  app.get(
    '/api/ratings',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Рейтинги и опубликованные результаты (места)',
        response: { 200: RatingListSchema },
      },
    },
    async ({ viewer }) => listRatings(readDb(app, viewer)),
  );
  app.get(
    '/api/okved',
    {
      schema: {
        tags: ['Справочники'],
        summary: 'Классификатор ОКВЭД2: дочерние коды или поиск по коду и названию',
        querystring: z.object({
          parent: z.string().max(10).optional(),
          q: z.string().trim().min(1).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
        response: { 200: OkvedListSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query, viewer }) => listOkved(readDb(app, viewer), query),
  );
}
