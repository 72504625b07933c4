import { z } from 'zod';
import { ErrorResponseSchema, PageQuerySchema } from '@promatlas/core/api/common.schema.ts';
import {
  CreateDatasetResponseSchema,
  CreateDatasetSchema,
  DatasetFileSchema,
  DatasetListSchema,
  DatasetSchema,
  DatasetSummarySchema,
  QuarantinePageSchema,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import {
  createDataset,
  deleteDataset,
  fileOf,
  getDataset,
  getDatasetSummary,
  importIntoDataset,
  listDatasets,
  listQuarantine,
} from './dataset.service.ts';

const TAGS = ['Аналитика'];
/** Statistical tables are larger than the API's 1 MB default (the Rosstat example is 0.6 MB as text, more in base64). */
const UPLOAD_LIMIT = 64 * 1024 * 1024;

/**
 * Statistical datasets: list, summary, import (JSON body with the file as text or base64), quarantine, delete.
 * Reading is public; creating, importing and deleting are for analysts and administrators.
 */
export function datasetRoutes(app: AppInstance): void {
  const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
  const writeErrors = { ...errors, 401: ErrorResponseSchema, 403: ErrorResponseSchema };
  app.get(
    '/api/datasets',
    {
      schema: {
        tags: TAGS,
        summary: 'Статистические наборы данных',
        response: { 200: DatasetListSchema },
      },
    },
    async () => listDatasets(app.deps.db),
  );
  app.get(
    '/api/datasets/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Набор данных',
        params: IdParamsSchema,
        response: { 200: DatasetSchema, ...errors },
      },
    },
    async ({ params }) => getDataset(app.deps.db, params.id),
  );
  app.get(
    '/api/datasets/:id/summary',
    {
      schema: {
        tags: TAGS,
        summary: 'Сводка набора: годы, отрасли, число регионов, отложенные при импорте строки',
        params: IdParamsSchema,
        response: { 200: DatasetSummarySchema, ...errors },
      },
    },
    async ({ params }) => getDatasetSummary(app.deps.db, params.id),
  );
  app.get(
    '/api/datasets/:id/quarantine',
    {
      schema: {
        tags: TAGS,
        summary: 'Строки файла, отложенные при импорте, с причинами',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: QuarantinePageSchema, ...errors },
      },
    },
    async ({ params, query }) => listQuarantine(app.deps.db, params.id, query.page, query.pageSize),
  );
  app.post(
    '/api/datasets',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { access: 'analytics' },
      schema: {
        tags: TAGS,
        summary:
          'Создать набор данных и импортировать в него файл (CSV, XLSX или выгрузку Росстата)',
        description:
          'Одна транзакция: если файл нельзя прочитать, набор не создаётся. Строки с неизвестным регионом или отраслью не теряются: они откладываются с причиной (см. /api/datasets/{id}/quarantine).',
        body: CreateDatasetSchema,
        response: { 201: CreateDatasetResponseSchema, ...writeErrors },
      },
    },
    async ({ body }, reply) => reply.status(201).send(await createDataset(app.deps.db, body)),
  );
  app.post(
    '/api/datasets/:id/import',
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { access: 'analytics' },
      schema: {
        tags: TAGS,
        summary:
          'Импортировать файл в существующий набор (повторный импорт того же файла ничего не меняет)',
        params: IdParamsSchema,
        body: DatasetFileSchema,
        response: { 200: CreateDatasetResponseSchema, ...writeErrors },
      },
    },
    async ({ params, body }) =>
      importIntoDataset(app.deps.db, params.id, fileOf(body), body.fileName),
  );
  app.delete(
    '/api/datasets/:id',
    {
      config: { access: 'analytics' },
      schema: {
        tags: TAGS,
        summary: 'Удалить набор данных со всеми значениями',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Удалено'), ...writeErrors },
      },
    },
    async ({ params }, reply) => {
      await deleteDataset(app.deps.db, params.id);
      return reply.status(204).send(null);
    },
  );
}
