import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { OkvedListSchema } from '@promatlas/core/api/registry.schema.ts';
import { listOkved } from './okved.service.ts';

export function okvedRoutes(app: AppInstance): void {
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
