import type { Readable } from 'node:stream';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { UploadSchema } from '@promatlas/core/api/cluster-analytics.schema.ts';
import {
  QuarantineFixSchema,
  QuarantineListSchema,
  QuarantineParamsSchema,
  QuarantineQuerySchema,
  QuarantineRowSchema,
  RegistryImportInputSchema,
  RegistryImportJobSchema,
  RegistryImportListSchema,
  RegistryPreviewInputSchema,
  RegistryPreviewSchema,
  RetryInputSchema,
} from '@promatlas/core/api/registry-import.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import type { AccessRule, Viewer } from '../auth/index.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { tooLarge, UPLOAD_CONTENT_TYPE, UPLOAD_LIMIT } from '../imports/index.ts';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../shared/domain-errors.ts';
import {
  cancelRegistryImport,
  getRegistryImport,
  listRegistryImports,
  previewRegistryFile,
  startRegistryImport,
  type ImportActor,
} from './registry-import.service.ts';
import {
  fixQuarantineRow,
  listRegistryImportQuarantine,
  retryRegistryImport,
} from './quarantine.service.ts';

const TAGS = ['Импорт реестра'];

/**
 * Any editor may start an import: which rows they may write depends on the
 * file's contents, so the regions are checked row by row by the import
 * (a row of a region not granted is set aside with that reason).
 */
const IMPORT_ACCESS: AccessRule = {
  scope: 'registry',
  regions: async () => [],
  anyEditorWhenNoRegion: true,
};

/** The importing user; reading jobs is for those who may import (editors and administrators). */
function actorOf(viewer: Viewer): ImportActor {
  const user = viewer.user;
  if (!user) throw new UnauthenticatedError();
  if (user.role !== 'administrator' && user.role !== 'regional_editor')
    throw new ForbiddenError(
      'Импорт реестра доступен редактору или администратору',
      'Only an editor or an administrator may import the registry',
    );
  return {
    userId: user.id,
    regions: user.role === 'administrator' ? null : user.regions,
    name: user.displayName,
    administrator: user.role === 'administrator',
    viewer,
  };
}

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

export function registryImportRoutes(app: AppInstance): void {
  app.post(
    '/api/registry-imports/files',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Загрузить файл реестра (CSV или XLSX; тело запроса — файл как есть)',
        description: `Тело — байты файла (Content-Type: ${UPLOAD_CONTENT_TYPE}), до ${UPLOAD_LIMIT / 1024 / 1024} МБ. Ответ — идентификатор загрузки для предпросмотра и импорта.`,
        response: {
          201: UploadSchema,
          ...errors,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.headers['content-type']?.startsWith(UPLOAD_CONTENT_TYPE))
        throw new ValidationError(
          `Файл передаётся телом запроса с типом ${UPLOAD_CONTENT_TYPE}`,
          `Send the file as the request body with Content-Type ${UPLOAD_CONTENT_TYPE}`,
          { code: 'unsupported_media_type' },
        );
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > UPLOAD_LIMIT) throw tooLarge(UPLOAD_LIMIT);
      const upload = await app.uploads.save(
        request.body as Readable,
        request.viewer.user!.id,
        UPLOAD_LIMIT,
      );
      return reply.status(201).send({
        uploadId: upload.id,
        bytes: upload.bytes,
        sha256: upload.sha256,
        expiresAt: new Date(upload.expiresAt).toISOString(),
      });
    },
  );
  app.post(
    '/api/registry-imports/preview',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary:
          'Предпросмотр файла: заголовки, предложенное или сохранённое сопоставление, первые строки с проверкой',
        description: 'Ничего не записывает; загрузка остаётся доступной для импорта.',
        body: RegistryPreviewInputSchema,
        response: { 200: RegistryPreviewSchema, ...errors },
      },
    },
    async ({ body, viewer }) => {
      actorOf(viewer);
      const upload = app.uploads.peek(body.uploadId, viewer.user!.id);
      return previewRegistryFile(
        app.deps.db,
        { path: upload.path, fileName: '', size: upload.bytes, sha256: upload.sha256 },
        {
          entity: body.entity,
          columns: body.columns,
          sheet: body.sheet,
          headerRow: body.headerRow,
        },
      );
    },
  );
  app.post(
    '/api/registry-imports',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Начать импорт (или пробный прогон) файла реестра фоновой задачей',
        description:
          'Отвечает сразу (202) задачей; ход — GET /api/registry-imports/{id}. Строки с ошибками, конфликтами с более новыми правками и организации чужих регионов откладываются с причиной (…/quarantine). Повторный импорт того же файла ничего не меняет.',
        body: RegistryImportInputSchema,
        response: { 202: RegistryImportJobSchema, ...errors },
      },
    },
    async ({ body, viewer }, reply) => {
      const actor = actorOf(viewer);
      const upload = app.uploads.take(body.uploadId, viewer.user!.id);
      const job = await startRegistryImport(
        app.deps.db,
        app.deps.databaseKind,
        {
          path: upload.path,
          fileName: body.fileName ?? 'файл без имени',
          size: upload.bytes,
          sha256: upload.sha256,
        },
        {
          entity: body.entity,
          columns: body.columns,
          dryRun: body.dryRun,
          sheet: body.sheet,
          headerRow: body.headerRow,
        },
        actor,
        () => app.uploads.remove(upload),
      ).catch(async (error: unknown) => {
        await app.uploads.remove(upload);
        throw error;
      });
      return reply.status(202).send(job);
    },
  );
  app.get(
    '/api/registry-imports',
    {
      schema: {
        tags: TAGS,
        summary: 'Импорты реестра: свои (администратору — все), последние 50',
        response: { 200: RegistryImportListSchema, ...errors },
      },
    },
    async ({ viewer }) => listRegistryImports(app.deps.db, actorOf(viewer)),
  );
  app.get(
    '/api/registry-imports/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Импорт реестра: состояние, ход, счётчики, примеры изменений',
        params: IdParamsSchema,
        response: { 200: RegistryImportJobSchema, ...errors },
      },
    },
    async ({ params, viewer }) => getRegistryImport(app.deps.db, params.id, actorOf(viewer)),
  );
  app.post(
    '/api/registry-imports/:id/cancel',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Отменить идущий импорт (записанные пачки остаются, повторный импорт продолжит)',
        params: IdParamsSchema,
        response: { 200: RegistryImportJobSchema, ...errors, 422: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => cancelRegistryImport(app.deps.db, params.id, actorOf(viewer)),
  );
  app.get(
    '/api/registry-imports/:id/quarantine',
    {
      schema: {
        tags: TAGS,
        summary: 'Отложенные строки импорта: строка, столбец, причина',
        params: IdParamsSchema,
        querystring: QuarantineQuerySchema,
        response: { 200: QuarantineListSchema, ...errors },
      },
    },
    async ({ params, query, viewer }) =>
      listRegistryImportQuarantine(
        app.deps.db,
        params.id,
        actorOf(viewer),
        query.page,
        query.pageSize,
        query.status,
      ),
  );
  app.patch(
    '/api/registry-imports/:id/quarantine/:rowId',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Исправить отложенную строку (значения проверяются сразу)',
        params: QuarantineParamsSchema,
        body: QuarantineFixSchema,
        response: { 200: QuarantineRowSchema, ...errors, 422: ErrorResponseSchema },
      },
    },
    async ({ params, body, viewer }) =>
      fixQuarantineRow(app.deps.db, params.id, params.rowId, body, actorOf(viewer)),
  );
  app.post(
    '/api/registry-imports/:id/retry',
    {
      config: { access: IMPORT_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Повторить отложенные строки (с исправлениями) новой задачей',
        params: IdParamsSchema,
        body: RetryInputSchema.optional(),
        response: { 202: RegistryImportJobSchema, ...errors, 422: ErrorResponseSchema },
      },
    },
    async ({ params, body, viewer }, reply) =>
      reply
        .status(202)
        .send(
          await retryRegistryImport(
            app.deps.db,
            app.deps.databaseKind,
            params.id,
            actorOf(viewer),
            body?.dryRun ?? false,
          ),
        ),
  );
}
