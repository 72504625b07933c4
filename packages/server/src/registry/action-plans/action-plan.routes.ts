import { listActionPlansRoute } from '@promatlas/core/api/contract/registry.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { ActionPlanPageSchema, ActionPlanSchema } from '@promatlas/core/api/registry.schema.ts';
import { regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getActionPlan, listActionPlans } from './action-plan.service.ts';

// Declared with the API contract, so the web client builds the same query.
const ListQuery = listActionPlansRoute.query;

/** Joint action plans of regions, ministries and associations. */
export function actionPlanRoutes(app: AppInstance): void {
  app.get(
    '/api/action-plans',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Совместные планы действий',
        querystring: ListQuery,
        response: { 200: ActionPlanPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listActionPlans(readDb(app, viewer), {
        regions: regionCodes(q.region),
        q: q.q,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/action-plans/:id',
    {
      schema: {
        tags: ['Программы'],
        summary: 'План действий: стороны, период, темы',
        params: IdParamsSchema,
        response: { 200: ActionPlanSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getActionPlan(readDb(app, viewer), params.id),
  );
}
