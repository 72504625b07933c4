import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { SearchQuerySchema, SearchResponseSchema } from '@promatlas/core/api/search.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { searchRegistry } from './search.service.ts';
import { readDb, readSchema } from '../db/read-db.ts';

export function searchRoutes(app: AppInstance): void {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['Поиск'],
        summary: 'Поиск по всем типам записей (морфология, опечатки, регион)',
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, 400: ErrorResponseSchema },
      },
    },
    async (request) =>
      searchRegistry(readDb(app, request.viewer), request.query, readSchema(request.viewer)),
  );
}
