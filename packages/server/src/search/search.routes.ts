import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { searchRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { searchRegistry } from './search.service.ts';
import { readDb, readSchema } from '../db/read-db.ts';

export function searchRoutes(app: AppInstance): void {
  app.get(
    searchRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: ['Поиск'],
        summary: 'Поиск по всем типам записей (морфология, опечатки, регион)',
        querystring: searchRoute.query,
        response: { 200: searchRoute.response, 400: ErrorResponseSchema },
      },
    },
    async (request) =>
      searchRegistry(readDb(app, request.viewer), request.query, readSchema(request.viewer)),
  );
}
