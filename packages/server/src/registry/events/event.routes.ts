import { listEventsRoute } from '@promatlas/core/api/contract/registry.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { EventPageSchema, EventSchema } from '@promatlas/core/api/registry.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getEvent, listEvents } from './event.service.ts';
import { readDb } from '../../db/read-db.ts';

// Declared with the API contract, so the web client builds the same query.
const ListQuery = listEventsRoute.query;

export function eventRoutes(app: AppInstance): void {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Мероприятия: стратегические и установочные сессии, форумы, встречи',
        querystring: ListQuery,
        response: { 200: EventPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listEvents(readDb(app, viewer), {
        filter: { regions: regionCodes(q.region), kind: q.kind, q: q.q },
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/events/:id',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Мероприятие: организаторы, участники, выступающие, итоги',
        params: IdParamsSchema,
        response: { 200: EventSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getEvent(readDb(app, viewer), params.id),
  );
}
