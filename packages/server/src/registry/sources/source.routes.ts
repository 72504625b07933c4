import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { PageQuerySchema } from '@promatlas/core/api/common.schema.ts';
import { SourcePageSchema, SourceSchema } from '@promatlas/core/api/registry.schema.ts';
import { CreatedSchema, SourceCreateSchema } from '@promatlas/core/api/editing.schema.ts';
import { EDIT_TAG as TAG, registryAccess as registry, errors } from '../../http/write-routes.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { noRegion } from '../shared/region-resolvers.ts';
import { getSource, listSources } from './source.service.ts';
import { createSource } from './source-editing.service.ts';

export function sourceRoutes(app: AppInstance): void {
  app.get(
    '/api/sources',
    {
      schema: {
        tags: ['Источники'],
        summary: 'Источники: пресс-релизы, новости, справочные материалы',
        querystring: PageQuerySchema.extend({
          sort: z.enum(['-date', 'date', 'title', '-title']).default('-date'),
          q: z.string().trim().max(200).optional(),
        }),
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

  app.post(
    '/api/sources',
    {
      // A source's full text may have 1,000,000 characters: up to 4 MB of UTF-8 Cyrillic in JSON.
      bodyLimit: 4 * 1024 * 1024,
      config: { access: registry(noRegion, true) },
      schema: {
        tags: TAG,
        summary: 'Добавить источник (документ с полным текстом)',
        body: SourceCreateSchema,
        response: { 201: CreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSource(app.deps.db, request.body, { userId: request.viewer.user!.id })),
  );
}
