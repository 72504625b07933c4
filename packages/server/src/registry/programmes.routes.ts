import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ActionPlanPageSchema,
  ActionPlanSchema,
  AgreementPageSchema,
  AgreementSchema,
} from '@promatlas/core/api/registry.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { listQuerySchema, regionCodes } from './shared/list-query.ts';
import { IdParamsSchema } from './shared/params.ts';
import { getAgreement, listAgreements } from './agreements/agreement.service.ts';
import { getActionPlan, listActionPlans } from './action-plans/action-plan.service.ts';
import { readDb } from '../db/read-db.ts';

/** The lists' filters and sort (agreements and action plans alike), reused by their exports. */
export const ProgrammeListQuery = listQuerySchema(['-date', 'date', 'title', '-title']);

/** Agreements and joint action plans (C9). */
export function programmeRoutes(app: AppInstance): void {
  app.get(
    '/api/agreements',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Соглашения о сотрудничестве (region — регион-сторона)',
        querystring: ProgrammeListQuery,
        response: { 200: AgreementPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listAgreements(readDb(app, viewer), {
        regions: regionCodes(q.region),
        q: q.q,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Соглашение: стороны, подписанты, направления сотрудничества',
        params: IdParamsSchema,
        response: { 200: AgreementSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getAgreement(readDb(app, viewer), params.id),
  );
  app.get(
    '/api/action-plans',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Совместные планы действий',
        querystring: ProgrammeListQuery,
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
