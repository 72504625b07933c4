import fs from 'node:fs/promises';
import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ComputeEditionBodySchema,
  EditionComparisonSchema,
  ImportIndicatorValuesBodySchema,
  ImportIndicatorValuesResultSchema,
  ImportRejectedSchema,
  IndicatorValueListSchema,
  RatingEditionListSchema,
  RatingEditionSchema,
  RatingMethodologyListSchema,
  RatingMethodologySchema,
  ScoreExplanationSchema,
  SensitivityQuerySchema,
  SensitivitySchema,
  WhatIfBodySchema,
  WhatIfSchema,
} from '@promatlas/core/api/ratings.schema.ts';
import type { FastifyReply } from 'fastify';
import type { Viewer } from '../auth/index.ts';
import { tooLarge } from '../imports/index.ts';
import { readIndicatorTableInWorker } from '../imports/index.ts';
import { readDb } from '../db/read-db.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import {
  createMethodologyVersion,
  getMethodology,
  listMethodologies,
  MethodologyInvalidError,
} from './methodologies/methodology.service.ts';
import { computeRatingEdition } from './editions/compute-rating-edition.ts';
import { getEdition, listEditions } from './editions/edition.service.ts';
import {
  compareRatingEditions,
  editionSensitivity,
  explainEditionObject,
  whatIfEdition,
} from './editions/edition-analysis.service.ts';
import { exportEditionCsv, exportEditionXlsx } from './editions/export-edition.ts';
import { importIndicatorValues, IndicatorImportError } from './values/import-indicator-values.ts';
import { listIndicatorValues } from './values/indicator-value.service.ts';

const TAG = 'Рейтинги';

/** 400 naming every invalid methodology field (parseMethodology's messages, in Russian). */
function methodologyInvalid(reply: FastifyReply, error: MethodologyInvalidError) {
  return reply.status(400).send({
    error: {
      code: 'validation',
      message: `Методика не прошла проверку: ${error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
      messageEn: `Invalid methodology: ${error.fields.map((f) => f.field).join(', ')}`,
      fields: error.fields,
    },
  });
}

/**
 * Ratings (issue 5): methodologies as versioned data, editions computed by
 * PromAtlas beside the publishers' published places, explanations,
 * sensitivity, comparisons, what-if re-ranking, exports, indicator values.
 * State-changing routes carry `config: { access: 'analytics' }` (analysts and
 * administrators, once accounts enforce it).
 */
export function ratingRoutes(app: AppInstance): void {
  app.get(
    '/api/ratings/methodologies',
    {
      schema: {
        tags: [TAG],
        summary:
          'Методики рейтингов: все версии (поставляемые методики PromAtlas и версии пользователей)',
        response: { 200: RatingMethodologyListSchema },
      },
    },
    async ({ viewer }) => listMethodologies(readDb(app, viewer)),
  );
  app.get(
    '/api/ratings/methodologies/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Версия методики: JSON и удобное для чтения и печати описание по-русски',
        params: IdParamsSchema,
        response: {
          200: RatingMethodologySchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, viewer }) => getMethodology(readDb(app, viewer), params.id),
  );
  app.post(
    '/api/ratings/methodologies',
    {
      config: { access: 'analytics' },
      schema: {
        tags: [TAG],
        summary: 'Сохранить новую версию методики (старые версии не меняются)',
        description:
          'Тело — методика целиком (как в GET …/methodologies/{id}, поле methodology) с новым значением version. Проверяется целиком; каждая ошибка называет поле (indicators[3].weight: …). Существующая пара id + version — 409.',
        body: z.record(z.string(), z.unknown()).describe('Методика рейтинга (JSON)'),
        response: {
          201: RatingMethodologySchema,
          400: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(
          await createMethodologyVersion(app.deps.db, request.body, {
            userId: request.viewer.user!.id,
          }),
        );
      } catch (error) {
        if (error instanceof MethodologyInvalidError) return methodologyInvalid(reply, error);
        throw error;
      }
    },
  );

  app.get(
    '/api/ratings/editions',
    {
      schema: {
        tags: [TAG],
        summary: 'Рейтинги и их издания: рассчитанные PromAtlas и опубликованные издателем рядом',
        response: { 200: RatingEditionListSchema },
      },
    },
    async ({ viewer }) => listEditions(readDb(app, viewer)),
  );
  app.post(
    '/api/ratings/editions',
    {
      config: { access: 'analytics' },
      schema: {
        tags: [TAG],
        summary:
          'Рассчитать издание: версия методики + год + набор значений → баллы и места по группам сравнения',
        description:
          'Места присваиваются внутри группы сравнения по правилу равных баллов методики (по умолчанию: равные в пределах допуска баллы делят место, следующее пропускается — 1, 2, 2, 4). Повторный расчёт с теми же методикой, годом, набором и названием заменяет черновик; окончательное издание не пересчитывается (409).',
        body: ComputeEditionBodySchema,
        response: {
          201: RatingEditionSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const id = await computeRatingEdition(app.deps.db, request.body, {
        userId: request.viewer.user!.id,
      });
      return reply.status(201).send(await getEdition(app.deps.db, id));
    },
  );
  app.get(
    '/api/ratings/editions/compare',
    {
      schema: {
        tags: [TAG],
        summary: 'Сравнить два издания: кто сдвинулся и почему (изменения вкладов показателей)',
        querystring: z.object({
          before: z.coerce.number().int().positive().describe('Более раннее издание'),
          after: z.coerce.number().int().positive().describe('Более позднее издание'),
        }),
        response: {
          200: EditionComparisonSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ query, viewer }) =>
      compareRatingEditions(readDb(app, viewer), query.before, query.after),
  );
  app.get(
    '/api/ratings/editions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Издание: таблица мест по группам сравнения с баллами групп показателей',
        params: IdParamsSchema,
        response: { 200: RatingEditionSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getEdition(readDb(app, viewer), params.id),
  );
  app.get(
    '/api/ratings/editions/:id/objects/:objectId/explanation',
    {
      schema: {
        tags: [TAG],
        summary:
          'Почему объект на этом месте: вклад групп и показателей, отставание от соседей, что поднимет на одно место',
        params: IdParamsSchema.extend({
          objectId: z
            .string()
            .regex(/^[0-9A-Za-z_-]{1,40}$/)
            .describe('Идентификатор объекта (площадки, кластера или код региона)'),
        }),
        response: {
          200: ScoreExplanationSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async ({ params, viewer }) =>
      explainEditionObject(readDb(app, viewer), params.id, params.objectId),
  );
  app.get(
    '/api/ratings/editions/:id/sensitivity',
    {
      schema: {
        tags: [TAG],
        summary:
          'Чувствительность мест к весам: медиана, 5-й и 95-й процентили места, флаг устойчивости',
        params: IdParamsSchema,
        querystring: SensitivityQuerySchema,
        response: {
          200: SensitivitySchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async ({ params, query, viewer }) => editionSensitivity(readDb(app, viewer), params.id, query),
  );
  app.post(
    '/api/ratings/editions/:id/what-if',
    {
      // POST only to carry the weights; it changes nothing, so anyone may re-rank.
      config: { access: 'public' },
      schema: {
        tags: [TAG],
        summary:
          'Что если: пересчитать издание с другими весами групп и показателей (ничего не сохраняется)',
        params: IdParamsSchema,
        body: WhatIfBodySchema,
        response: {
          200: WhatIfSchema,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      try {
        return await whatIfEdition(readDb(app, request.viewer), request.params.id, request.body);
      } catch (error) {
        if (error instanceof MethodologyInvalidError) return methodologyInvalid(reply, error);
        throw error;
      }
    },
  );
  app.get(
    '/api/ratings/editions/:id/export',
    {
      schema: {
        tags: [TAG],
        summary:
          'Выгрузить издание в CSV (для Excel: «;», десятичная запятая) или XLSX; заголовки по-русски',
        params: IdParamsSchema,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async ({ params, query, viewer }, reply) => {
      if (query.format === 'csv') {
        const file = await exportEditionCsv(readDb(app, viewer), params.id);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      }
      const file = await exportEditionXlsx(readDb(app, viewer), params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/ratings/indicator-values',
    {
      schema: {
        tags: [TAG],
        summary:
          'Значения показателей с происхождением (источник, импорт или иллюстративные данные)',
        querystring: z.object({
          dataset: z.string().max(200).optional(),
          year: z.coerce.number().int().min(1900).max(2100).optional(),
          objectType: z.enum(['site', 'cluster', 'region']).optional(),
          objectId: z.string().max(40).optional(),
        }),
        response: { 200: IndicatorValueListSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query, viewer }) => listIndicatorValues(readDb(app, viewer), query),
  );
  app.post(
    '/api/ratings/indicator-values/import',
    {
      config: { access: 'analytics' },
      // base64 of a file up to about 14 MB; larger ones are refused, uploads included (below).
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: [TAG],
        summary:
          'Импорт значений показателей из CSV или XLSX (object, indicator, value, year, source) с отчётом по строкам',
        description:
          'Всё или ничего: при любой ошибке ничего не записывается, а ответ 422 перечисляет каждую ошибочную строку (номер, поле, причина). Повторный импорт того же файла ничего не меняет.',
        body: ImportIndicatorValuesBodySchema,
        response: {
          200: ImportIndicatorValuesResultSchema,
          400: ErrorResponseSchema,
          413: ErrorResponseSchema,
          422: ImportRejectedSchema,
        },
      },
    },
    async (request, reply) => {
      const { contentBase64, uploadId, ...options } = request.body;
      try {
        return await importIndicatorValues(
          app.deps.db,
          {
            content: await indicatorFileContent(app, request.viewer, contentBase64, uploadId),
            ...options,
            readTable: readIndicatorTableInWorker,
          },
          { userId: request.viewer.user!.id },
        );
      } catch (error) {
        if (!(error instanceof IndicatorImportError)) throw error;
        return reply.status(422).send({
          error: {
            code: 'import_invalid',
            message: `Файл не импортирован: ошибок ${error.problems.length}; ничего не записано`,
            messageEn: `File not imported: ${error.problems.length} problems; nothing was written`,
          },
          problems: error.problems,
        });
      }
    },
  );
}

/** Indicator tables are read whole (all-or-nothing validation of every row), so their size is bounded. */
const INDICATOR_FILE_LIMIT = 14 * 1024 * 1024;

async function indicatorFileContent(
  app: AppInstance,
  viewer: Viewer,
  contentBase64: string | undefined,
  uploadId: string | undefined,
): Promise<Buffer> {
  if (uploadId === undefined) return Buffer.from(contentBase64 ?? '', 'base64');
  const upload = app.uploads.take(uploadId, viewer.user!.id);
  try {
    if (upload.bytes > INDICATOR_FILE_LIMIT) throw tooLarge(INDICATOR_FILE_LIMIT);
    return await fs.readFile(upload.path);
  } finally {
    await app.uploads.remove(upload);
  }
}
