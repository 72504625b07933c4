import { z } from 'zod';
import {
  AffiliationSchema,
  FlagRulesResponseSchema,
  FlagRulesUpdateSchema,
  MeasureListQuerySchema,
  MyTasksSchema,
  RegionDashboardSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { readDb } from '../db/read-db.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { todayInMoscow } from '../registry/shared/programme-input.ts';
import {
  attachment,
  ExportQuery,
  plainJsonResponse,
  readErrors,
  TAG,
  writeErrors,
} from '../registry/shared/programme-route-kit.ts';
import { sendTable } from '../registry/action-plans/index.ts';
import { JSON_TYPE, sendCachedAnswer } from '../registry/shared/programme-answer-cache.ts';
import { calendarFeed } from './calendar.service.ts';
import { measuresTable } from '../registry/action-plans/index.ts';
import {
  editFlagRules,
  getFlagRules,
  myTasks,
  regionDashboard,
  updateAffiliation,
} from './programme-views.service.ts';

const RegionParams = z.object({
  code: z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42'),
});
const CalendarQuery = z.object({
  region: z
    .string()
    .regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42')
    .optional()
    .describe('Только мероприятия и сроки региона'),
  plan: z.coerce.number().int().min(1).max(2_147_483_647).optional().describe('Только сроки плана'),
});

/** «Мои задачи», the region dashboard, the flag rules, the calendar feed. */
export function programmeViewRoutes(app: AppInstance): void {
  const signedIn = { 401: ErrorResponseSchema, 400: ErrorResponseSchema };
  app.get(
    '/api/my-tasks',
    {
      ...plainJsonResponse,
      schema: {
        tags: TAG,
        summary:
          'Мои задачи: мероприятия, где ответственный — организация пользователя или он сам; по сроку',
        querystring: MeasureListQuerySchema,
        response: { 200: MyTasksSchema, ...signedIn },
      },
    },
    async (request) =>
      myTasks(
        readDb(app, request.viewer),
        app.deps.db,
        request.viewer,
        request.query,
        request.query.today ?? todayInMoscow(),
      ),
  );
  app.get(
    '/api/my-tasks/export',
    {
      schema: {
        tags: TAG,
        summary: 'Мои задачи в XLSX или CSV',
        querystring: ExportQuery,
        response: { 200: z.string().describe('Файл выгрузки: XLSX или CSV'), ...signedIn },
      },
    },
    async (request, reply) => {
      const today = request.query.today ?? todayInMoscow();
      const tasks = await myTasks(
        readDb(app, request.viewer),
        app.deps.db,
        request.viewer,
        {},
        today,
      );
      const whose = [tasks.organisation?.title, tasks.person?.title].filter(Boolean).join(', ');
      const table = measuresTable(
        'Мои задачи',
        [`Задачи: ${whose || 'нет привязки к организации'}, на ${today}`],
        [{ name: null, measures: tasks.items }],
      );
      return sendTable(reply, table, request.query.format, 'my-tasks');
    },
  );
  app.get(
    '/api/regions/:code/programmes',
    {
      ...plainJsonResponse,
      schema: {
        tags: TAG,
        summary:
          'Программы региона: открытые, просроченные и ближайшие мероприятия планов, предстоящие события, действующие соглашения',
        params: RegionParams,
        querystring: MeasureListQuerySchema.pick({ today: true }),
        response: { 200: RegionDashboardSchema, ...readErrors },
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
            await regionDashboard(readDb(app, request.viewer), request.params.code, today),
          ),
      );
    },
  );
  app.get(
    '/api/programme-rules',
    {
      schema: {
        tags: TAG,
        summary: 'Правила флагов «просрочено» и «под угрозой срыва» (N и M дней) и их описание',
        response: { 200: FlagRulesResponseSchema },
      },
    },
    async () => getFlagRules(app.deps.db),
  );
  app.put(
    '/api/programme-rules',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Изменить правила флагов (администратор; с проверкой версии)',
        body: FlagRulesUpdateSchema,
        response: { 200: FlagRulesResponseSchema, ...writeErrors },
      },
    },
    async (request) => editFlagRules(app.deps.db, request.viewer, request.body),
  );
  app.put(
    '/api/users/:id/affiliation',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Связать учётную запись с организацией и персоной реестра (для «Моих задач»)',
        params: IdParamsSchema,
        body: AffiliationSchema,
        response: {
          200: z.object({
            userId: z.number().int(),
            organisationId: z.number().int().nullable(),
            personId: z.number().int().nullable(),
          }),
          ...writeErrors,
        },
      },
    },
    async (request) =>
      updateAffiliation(app.deps.db, request.viewer, request.params.id, request.body),
  );
  app.get(
    '/api/calendar.ics',
    {
      schema: {
        tags: TAG,
        summary:
          'Календарь iCalendar (.ics) мероприятий и сроков для подписки в Outlook или телефоне',
        querystring: CalendarQuery,
      },
    },
    async (request, reply) => {
      const baseUrl = `${request.protocol}://${request.host}`;
      const { region, plan } = request.query;
      reply.header(
        'content-disposition',
        attachment('promatlas.ics').replace('attachment', 'inline'),
      );
      return sendCachedAnswer(
        app.deps,
        request,
        reply,
        `calendar.ics ${baseUrl} region=${region ?? ''} plan=${plan ?? ''}`,
        'text/calendar; charset=utf-8',
        () => calendarFeed(readDb(app, request.viewer), { region, planId: plan, baseUrl }),
      );
    },
  );
}
