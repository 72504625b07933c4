import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  AuditSearchQuerySchema,
  AuditSearchResultSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { requireAdministrator } from '../users/user.routes.ts';
import { exportAuditCsv, searchAudit } from './audit-search.ts';

export function auditRoutes(app: AppInstance): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Журнал: изменения записей и события безопасности (только администратор)',
        querystring: AuditSearchQuerySchema,
        response: {
          200: AuditSearchResultSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      requireAdministrator(request, 'Журнал');
      return searchAudit(app.deps.db, request.query);
    },
  );
  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Выгрузка журнала в CSV с теми же фильтрами (до 50 000 строк)',
        querystring: AuditSearchQuerySchema,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV, UTF-8 с BOM'),
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      requireAdministrator(request, 'Журнал');
      const csv = await exportAuditCsv(app.deps.db, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="promatlas-audit.csv"')
        .send(csv);
    },
  );
}
