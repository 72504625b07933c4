import { listAgreementsRoute } from '@promatlas/core/api/contract/registry.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { AgreementPageSchema, AgreementSchema } from '@promatlas/core/api/registry.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getAgreement, listAgreements } from './agreement.service.ts';

import { readDb } from '../../db/read-db.ts';

// Declared with the API contract, so the web client builds the same query.
const ListQuery = listAgreementsRoute.query;

/** Agreements and joint action plans (C9). */
export function agreementRoutes(app: AppInstance): void {
  app.get(
    '/api/agreements',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Соглашения о сотрудничестве (region — регион-сторона)',
        querystring: ListQuery,
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
}
