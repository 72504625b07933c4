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
import type { DatasetFileInput } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Viewer } from '../auth/index.ts';
import {
  createDatasetFromUpload,
  deleteDataset,
  fileOf,
  getDataset,
  getDatasetSummary,
  importUploadIntoDataset,
  listDatasets,
  listQuarantine,
  type ServerImportFile,
} from './dataset.service.ts';

const TAGS = ['Аналитика'];
/**
 * A file inside the JSON body (text or base64) is held in memory whole, so it
 * is kept moderate; larger files go through POST /api/uploads, which streams
 * them to disk, and are named here by uploadId.
 */
export const JSON_UPLOAD_LIMIT = 8 * 1024 * 1024;

/** The file an import names: a finished upload (on disk) or the content in the body. */
async function withImportFile<T>(
  app: AppInstance,
  viewer: Viewer,
  input: DatasetFileInput,
  use: (file: ServerImportFile) => Promise<T>,
): Promise<T> {
  if (input.uploadId === undefined)
    return use({ format: input.format, mapping: input.mapping, bytes: fileOf(input).bytes });
  const upload = app.uploads.take(input.uploadId, viewer.user!.id, 'file.uploadId');
  try {
    return await use({
      format: input.format,
      mapping: input.mapping,
      path: upload.path,
      size: upload.bytes,
      sha256: upload.sha256,
    });
  } finally {
    await app.uploads.remove(upload);
  }
}

/**
 * Statistical datasets: list, summary, import (JSON body with the file as text, base64 or an
 * upload id), quarantine, delete. Reading is public; creating, importing and deleting are for
 * analysts and administrators.
 */
/** On the embedded database's single connection an import must not hold it throughout. */
const writeMode = (app: AppInstance) =>
  app.deps.databaseKind === 'pglite' ? ('batches' as const) : ('transaction' as const);

export function datasetRoutes(app: AppInstance): void {
  const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
  const writeErrors = {
    ...errors,
    401: ErrorResponseSchema,
    403: ErrorResponseSchema,
    413: ErrorResponseSchema,
  };
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
      bodyLimit: JSON_UPLOAD_LIMIT,
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
    async ({ body, viewer }, reply) =>
      reply.status(201).send(
        await withImportFile(app, viewer, body.file, (file) =>
          createDatasetFromUpload(app.deps.db, body, file, writeMode(app), {
            userId: viewer.user!.id,
          }),
        ),
      ),
  );
  app.post(
    '/api/datasets/:id/import',
    {
      bodyLimit: JSON_UPLOAD_LIMIT,
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
    async ({ params, body, viewer }) =>
      withImportFile(app, viewer, body, (file) =>
        importUploadIntoDataset(app.deps.db, params.id, file, body.fileName, writeMode(app), {
          userId: viewer.user!.id,
        }),
      ),
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
    async ({ params, viewer }, reply) => {
      await deleteDataset(app.deps.db, params.id, { userId: viewer.user!.id });
      return reply.status(204).send(null);
    },
  );
}
