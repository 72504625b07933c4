import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { UploadSchema } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { HttpError } from '../http/errors.ts';
import { DomainError } from '../shared/domain-errors.ts';
import { tooLarge, type StoredUpload } from './upload-store.ts';

/** The largest file an analyst may upload for import. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;
export const UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/**
 * Files for import are sent raw (`Content-Type: application/octet-stream`)
 * and streamed to a temporary file; the import request (JSON, with the
 * file's metadata) then names the upload by its id. The body parser below
 * hands the route the unread stream instead of buffering it.
 */
export function uploadRoutes(app: AppInstance): void {
  app.addContentTypeParser(UPLOAD_CONTENT_TYPE, (_request, payload, done) => done(null, payload));
  app.post(
    '/api/uploads',
    {
      config: { access: 'analytics' },
      schema: {
        tags: ['Аналитика'],
        summary: 'Загрузить файл для импорта (тело запроса — файл как есть)',
        description: `Тело — байты файла (Content-Type: ${UPLOAD_CONTENT_TYPE}), до ${UPLOAD_LIMIT / 1024 / 1024} МБ; файл пишется на диск по мере получения. Ответ — идентификатор загрузки для полей uploadId импорта наборов данных (POST /api/datasets, POST /api/datasets/{id}/import) и значений показателей (POST /api/ratings/indicator-values/import). Загрузка хранится час и используется один раз.`,
        response: {
          201: UploadSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.headers['content-type']?.startsWith(UPLOAD_CONTENT_TYPE))
        throw new HttpError(
          415,
          'unsupported_media_type',
          `Файл передаётся телом запроса с типом ${UPLOAD_CONTENT_TYPE}`,
          `Send the file as the request body with Content-Type ${UPLOAD_CONTENT_TYPE}`,
        );
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > UPLOAD_LIMIT) throw tooLarge(UPLOAD_LIMIT);
      const upload = await app.uploads
        .save(request.body as Readable, request.viewer.user!.id, UPLOAD_LIMIT)
        .catch((error: Error & { code?: string }) => {
          if (error instanceof DomainError) throw error;
          // The client went away mid-file: nothing to answer, and not a server failure.
          if (request.raw.destroyed || error.code === 'ERR_STREAM_PREMATURE_CLOSE')
            throw new HttpError(
              400,
              'upload_aborted',
              'Передача файла прервана',
              'The upload was interrupted',
            );
          throw error;
        });
      return reply.status(201).send(uploadDto(upload));
    },
  );
}

function uploadDto(upload: StoredUpload): z.infer<typeof UploadSchema> {
  return {
    uploadId: upload.id,
    bytes: upload.bytes,
    sha256: upload.sha256,
    expiresAt: new Date(upload.expiresAt).toISOString(),
  };
}
