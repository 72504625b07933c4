import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import {
  ActionPlanCreateSchema,
  ActionPlanUpdateSchema,
  MeasureCreateSchema,
  MeasureDetailSchema,
  MeasureListQuerySchema,
  MeasureUpdateSchema,
  PlanPageSchema,
  ReportCreateSchema,
  TimelineSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import type { Viewer } from '../../auth/index.ts';
import { readDb } from '../../db/read-db.ts';
import { toCsv, toXlsx, type ExportTable } from '../../clusters/analytics/index.ts';
import { measuresTable } from './measure-export.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { JSON_TYPE, sendCachedAnswer } from '../shared/programme-answer-cache.ts';
import { todayInMoscow } from '../shared/programme-input.ts';
import {
  measureFromBody,
  ofMeasure,
  ofPlan,
  ofReport,
  programmeFromBody,
} from '../shared/programme-access.ts';
import {
  attachment,
  conflictsAs,
  DeleteQuery,
  ExportQuery,
  plainJsonResponse,
  programme,
  readErrors,
  TAG,
  versioned,
  writeErrors,
} from '../shared/programme-route-kit.ts';
import {
  createActionPlan,
  deleteActionPlan,
  restoreActionPlan,
  updateActionPlan,
} from './action-plan-editing.service.ts';
import {
  addReport,
  createMeasure,
  deleteMeasure,
  deleteReport,
  restoreMeasure,
  updateMeasure,
} from './measure-editing.service.ts';
import { getMeasure } from './measure.service.ts';
import { planPage, planTimeline } from './plan-page.service.ts';

export async function sendTable(
  reply: FastifyReply,
  table: ExportTable,
  format: 'csv' | 'xlsx',
  fileName: string,
) {
  reply.header('content-disposition', attachment(`${fileName}.${format}`));
  if (format === 'xlsx')
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await toXlsx(table));
  return reply.type('text/csv; charset=utf-8').send(toCsv(table));
}

/** Action plans at work: editing plans, their measures and progress reports; the plan page, timeline and export. */
export function actionPlanWorkRoutes(app: AppInstance): void {
  const db = () => app.deps.db;
  const ctx = (request: { viewer: Viewer }) => ({ viewer: request.viewer });

  app.post(
    '/api/action-plans',
    {
      config: { access: programme(programmeFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать план действий (стороны, период, темы)',
        body: ActionPlanCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createActionPlan(db(), ctx(request), request.body)),
  );
  app.patch(
    '/api/action-plans/:id',
    {
      config: { access: programme(ofPlan) },
      schema: {
        tags: TAG,
        summary: 'Изменить план действий (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: ActionPlanUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        updateActionPlan(db(), ctx(request), request.params.id, request.body),
      ),
  );
  app.delete(
    '/api/action-plans/:id',
    {
      config: { access: programme(ofPlan) },
      schema: {
        tags: TAG,
        summary: 'Пометить план удалённым (восстанавливает администратор)',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        deleteActionPlan(db(), ctx(request), request.params.id, request.query.version),
      ),
  );
  app.post(
    '/api/action-plans/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённый план',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => restoreActionPlan(db(), ctx(request), request.params.id),
  );
  app.get(
    '/api/action-plans/:id/measures',
    {
      ...plainJsonResponse,
      schema: {
        tags: TAG,
        summary:
          'Страница плана: мероприятия по темам с флагами «просрочено» и «под угрозой»; фильтры по статусу, ответственному, сроку',
        params: IdParamsSchema,
        querystring: MeasureListQuerySchema,
        response: { 200: PlanPageSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const today = request.query.today ?? todayInMoscow();
      return sendCachedAnswer(
        app.deps,
        request,
        reply,
        `${request.url} today=${today}`,
        JSON_TYPE,
        async () =>
          JSON.stringify(
            await planPage(readDb(app, request.viewer), request.params.id, request.query, today),
          ),
      );
    },
  );
  app.get(
    '/api/action-plans/:id/timeline',
    {
      ...plainJsonResponse,
      schema: {
        tags: TAG,
        summary: 'Диаграмма Ганта плана: мероприятия с датами и вехи',
        params: IdParamsSchema,
        querystring: MeasureListQuerySchema.pick({ today: true }),
        response: { 200: TimelineSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const today = request.query.today ?? todayInMoscow();
      return sendCachedAnswer(
        app.deps,
        request,
        reply,
        `${request.url} today=${today}`,
        JSON_TYPE,
        async () =>
          JSON.stringify(await planTimeline(readDb(app, request.viewer), request.params.id, today)),
      );
    },
  );
  app.get(
    '/api/action-plans/:id/export',
    {
      schema: {
        tags: TAG,
        summary:
          'План действий в XLSX или CSV: мероприятия, ответственные, сроки, статусы, показатели, флаги',
        params: IdParamsSchema,
        querystring: ExportQuery,
        response: { 200: z.string().describe('Файл выгрузки: XLSX или CSV'), ...readErrors },
      },
    },
    async (request, reply) => {
      const today = request.query.today ?? todayInMoscow();
      const page = await planPage(readDb(app, request.viewer), request.params.id, {}, today);
      const period = page.plan.period ? `, период: ${formatPartialDate(page.plan.period)}` : '';
      const table = measuresTable(
        'План действий',
        [
          `${page.plan.title}${period}`,
          `Стороны: ${page.plan.parties.map((p) => p.title).join('; ') || 'не указаны'}`,
          `Флаги на ${today}: просрочено ${page.counts.overdue}, под угрозой ${page.counts.atRisk}`,
        ],
        page.themes.map((g) => ({ name: g.theme, measures: g.measures })),
      );
      return sendTable(reply, table, request.query.format, `plan-${page.plan.id}`);
    },
  );

  app.post(
    '/api/measures',
    {
      config: { access: programme(measureFromBody) },
      schema: {
        tags: TAG,
        summary:
          'Создать мероприятие плана или обязательство по направлению соглашения (ответственный, сроки, показатель)',
        body: MeasureCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeasure(db(), ctx(request), request.body)),
  );
  app.get(
    '/api/measures/:id',
    {
      schema: {
        tags: TAG,
        summary: 'Мероприятие с отчётами о выполнении и флагами',
        params: IdParamsSchema,
        querystring: MeasureListQuerySchema.pick({ today: true }),
        response: { 200: MeasureDetailSchema, ...readErrors },
      },
    },
    async (request) =>
      getMeasure(
        readDb(app, request.viewer),
        request.params.id,
        request.query.today ?? todayInMoscow(),
      ),
  );
  app.patch(
    '/api/measures/:id',
    {
      config: { access: programme(ofMeasure) },
      schema: {
        tags: TAG,
        summary:
          'Изменить мероприятие (статус: «отменено» → «выполнено» только через возобновление)',
        params: IdParamsSchema,
        body: MeasureUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      conflictsAs(
        () => updateMeasure(db(), ctx(request), request.params.id, request.body),
        async () => getMeasure(readDb(app, request.viewer), request.params.id, todayInMoscow()),
      ),
  );
  app.delete(
    '/api/measures/:id',
    {
      config: { access: programme(ofMeasure) },
      schema: {
        tags: TAG,
        summary: 'Пометить мероприятие удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      conflictsAs(
        () => deleteMeasure(db(), ctx(request), request.params.id, request.query.version),
        async () => getMeasure(readDb(app, request.viewer), request.params.id, todayInMoscow()),
      ),
  );
  app.post(
    '/api/measures/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённое мероприятие',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => restoreMeasure(db(), ctx(request), request.params.id),
  );
  app.post(
    '/api/measures/:id/reports',
    {
      config: { access: programme(ofMeasure) },
      schema: {
        tags: TAG,
        summary: 'Отчёт о ходе выполнения: дата, текст, процент, источник',
        params: IdParamsSchema,
        body: ReportCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addReport(db(), ctx(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/measure-reports/:id',
    {
      config: { access: programme(ofReport) },
      schema: {
        tags: TAG,
        summary: 'Пометить отчёт удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        deleteReport(db(), ctx(request), request.params.id, request.query.version),
      ),
  );
}
