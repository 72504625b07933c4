import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ClusterComplianceSchema,
  ComplianceQuerySchema,
} from '@promatlas/core/api/cooperation.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { IdParamsSchema } from '../../registry/shared/params.ts';
import { checkClusterCompliance, checkDate } from './compliance.service.ts';

export function complianceRoutes(app: AppInstance): void {
  app.get(
    '/api/clusters/:id/compliance',
    {
      schema: {
        tags: ['Кооперация'],
        summary:
          'Проверка кластера по хранимому набору правил (ПП РФ № 779), действующему на дату: вердикт по каждому требованию, цифры, участники и что сделать',
        params: IdParamsSchema,
        querystring: ComplianceQuerySchema,
        response: {
          200: ClusterComplianceSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, query, viewer }) =>
      checkClusterCompliance(
        readDb(app, viewer),
        params.id,
        checkDate(query.asOf, new Date().toISOString().slice(0, 10)),
        query.ruleSetId,
      ),
  );
}
