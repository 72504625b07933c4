import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { IdParamsSchema, RegionCodeParamsSchema } from '@promatlas/core/api/contract.ts';
import {
  ReportQuerySchema,
  ReportSchema,
  type Report,
  type ReportLang,
} from '@promatlas/core/api/reports.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { readDb } from '../db/read-db.ts';
import type { Db } from '../db/connection.ts';
import { PreconditionError } from '../shared/domain-errors.ts';
import { ratingEditionReport, regionReport, siteReport } from './reports.service.ts';
import { reportXlsx } from './report-xlsx.ts';
import { printPageToPdf } from './report-pdf.ts';
import { clusterPassportReport } from './cluster-passport.service.ts';
import { planStatusReport } from './plan-status-report.ts';
import { todayInMoscow } from '../registry/shared/programme-input.ts';

const ExportQuery = ReportQuerySchema.extend({
  format: z.enum(['xlsx', 'pdf']).default('xlsx').describe('xlsx или pdf (печать страницы отчёта)'),
});

/**
 * Printable reports: `GET /api/reports/<kind>/<key>` is the report's content
 * (what the web page /reports/<kind>/<key> prints), `…/export?format=xlsx|pdf`
 * the same as a workbook or as the printed page; `lang=en` writes any of them
 * in English (Russian by default).
 */
export function reportRoutes(app: AppInstance): void {
  const route = <P extends z.ZodObject>(
    kind: Report['kind'],
    params: P,
    key: (p: z.output<P>) => string,
    build: (db: Db, p: z.output<P>, lang: ReportLang) => Promise<Report>,
    summary: string,
  ) => {
    const path = `/api/reports/${kind}/:${Object.keys(params.shape)[0]}`;
    app.get(
      path,
      {
        schema: {
          tags: ['Отчёты'],
          summary,
          params,
          querystring: ReportQuerySchema,
          response: { 200: ReportSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
        },
      },
      async (request) =>
        build(
          readDb(app, request.viewer),
          request.params as z.output<P>,
          (request.query as z.output<typeof ReportQuerySchema>).lang,
        ),
    );
    app.get(
      `${path}/export`,
      {
        schema: {
          tags: ['Отчёты'],
          summary: `${summary}: XLSX или PDF`,
          params,
          querystring: ExportQuery,
          produces: [
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/pdf',
          ],
          response: {
            200: z.string().describe('Файл отчёта'),
            400: ErrorResponseSchema,
            404: ErrorResponseSchema,
            422: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        // Files are sent as bytes (Fastify serialises no Buffer); the 200 schema only documents them.
        const p = request.params as z.output<P>;
        const { format, lang } = request.query as z.output<typeof ExportQuery>;
        // Built first in both formats: a missing record is a 404 before any browser starts.
        const report = await build(readDb(app, request.viewer), p, lang);
        const name = `report-${kind}-${key(p)}`;
        if (format === 'xlsx') {
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send((await reportXlsx(report, lang)) as unknown as string);
        }
        const address = app.server.address();
        if (!address || typeof address === 'string')
          throw new PreconditionError(
            'PDF печатается только работающим сервером (страница отчёта загружается с него самого)',
            'PDF is printed only by a listening server (the report page is loaded from it)',
            { code: 'pdf_not_listening' },
          );
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        const local = host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host;
        const pdf = await printPageToPdf({
          chromiumPath: app.deps.chromiumPath ?? '/usr/bin/chromium',
          // The page takes its language from the address: the printing browser has no stored choice.
          url: `http://${local}:${address.port}/reports/${kind}/${encodeURIComponent(key(p))}?lang=${lang}`,
          cookie: request.headers.cookie,
          lang,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(pdf as unknown as string);
      },
    );
  };
  route(
    'region',
    RegionCodeParamsSchema,
    (p) => p.code,
    (db, p, lang) => regionReport(db, p.code, lang),
    'Отчёт «Профиль региона»',
  );
  route(
    'site',
    IdParamsSchema,
    (p) => String(p.id),
    (db, p, lang) => siteReport(db, p.id, lang),
    'Отчёт «Профиль площадки» (ОЭЗ, технопарк, индустриальный парк, ТОР)',
  );
  route(
    'rating-edition',
    IdParamsSchema,
    (p) => String(p.id),
    (db, p, lang) => ratingEditionReport(db, p.id, lang),
    'Отчёт «Издание рейтинга»',
  );
  route(
    'cluster',
    IdParamsSchema,
    (p) => String(p.id),
    // The ПП 779 check inside the passport is made as of the day it is printed.
    (db, p, lang) => clusterPassportReport(db, p.id, todayInMoscow(), lang),
    'Паспорт кластера: состав и роли, матрица кооперации, функциональная зависимость, проверка по ПП РФ № 779, проекты и поддержка',
  );
  route(
    'plan-status',
    IdParamsSchema,
    (p) => String(p.id),
    (db, p, lang) => planStatusReport(db, p.id, todayInMoscow(), lang),
    'Отчёт «Статус плана действий»: мероприятия по темам, ответственные, сроки, статусы, показатели, флаги',
  );
}
