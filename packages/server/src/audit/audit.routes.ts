import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  AuditSearchQuerySchema,
  AuditSearchResultSchema,
} from '@promatlas/core/api/audit.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { requireAdministrator } from '../users/index.ts';
import { exportAuditCsv, searchAudit } from './audit-search.ts';
import { HistorySchema } from '@promatlas/core/api/audit.schema.ts';
import { EDIT_TAG as TAG } from '../http/write-routes.ts';
import { getHistoryFor } from './history.service.ts';

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

  app.get(
    '/api/history/:type/:id',
    {
      schema: {
        tags: TAG,
        summary: 'История записи: кто, когда, что изменил (до и после), из какого источника',
        params: z.object({
          type: z.enum(['organisation', 'person', 'site', 'cluster', 'region', 'event', 'project']),
          id: z.string().regex(/^\d{1,10}$/, 'Идентификатор — число или код региона'),
        }),
        description:
          'Только для вошедших пользователей: публичному читателю — 404 для любой записи (в истории есть черновики и имена редакторов). Удалённую запись видит только администратор.',
        response: { 200: HistorySchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) =>
      getHistoryFor(app.deps.db, request.viewer, request.params.type, request.params.id),
  );
}
