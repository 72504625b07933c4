import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error with a status code and a bilingual message, thrown by services. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageRu: string,
    readonly messageEn: string,
    /** Further fields of the error object (the current record on a conflict, the existing one on a duplicate). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, whatEn: string, id: string | number) {
    super(
      404,
      'not_found',
      `${what} с идентификатором «${id}» не найден(а)`,
      `${whatEn} «${id}» not found`,
    );
  }
}

const ru = z.locales.ru().localeError;
const en = z.locales.en().localeError;

function localise(map: typeof ru, issue: z.core.$ZodIssue): string {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

const FIELD_LABELS: Record<string, string> = {
  querystring: 'параметр запроса',
  params: 'параметр пути',
  body: 'поле тела запроса',
};

/**
 * JSON errors everywhere: { error: { code, message (ru), messageEn, fields? } }.
 * Validation errors name every field and its problem; unexpected errors are
 * logged and answered with 500 without internals.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { spaIndex?: Buffer | undefined } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context =
        (error as FastifyError & { validationContext?: string }).validationContext ?? 'querystring';
      const fields = error.validation.map((v) => {
        // fastify-type-provider-zod flattens each zod issue: rebuild it to localise the message.
        const path = v.instancePath.split('/').filter(Boolean);
        const input = path.reduce<unknown>(
          (value, key) =>
            value && typeof value === 'object'
              ? (value as Record<string, unknown>)[key]
              : undefined,
          (request as unknown as Record<string, unknown>)[
            context === 'querystring' ? 'query' : context
          ],
        );
        const issue = {
          ...v.params,
          code: v.keyword,
          path,
          input,
          message: v.message ?? '',
        } as unknown as z.core.$ZodIssue;
        const field = path.join('.') || context;
        // Our own rules (custom issues) carry their Russian message; zod's built-in ones are localised.
        const custom = v.keyword === 'custom';
        return {
          field,
          message: custom ? issue.message : localise(ru, issue),
          messageEn: custom ? issue.message : localise(en, issue),
        };
      });
      const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return reply.status(400).send({
        error: {
          code: 'validation',
          message: `Неверный ${FIELD_LABELS[context] ?? 'ввод'}: ${list}`,
          messageEn: `Invalid ${context}: ${fields.map((f) => `${f.field}: ${f.messageEn}`).join('; ')}`,
          fields,
        },
      });
    }
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({
        error: {
          code: error.code,
          message: error.messageRu,
          messageEn: error.messageEn,
          ...error.details,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({
        error: {
          code: 'internal',
          message: 'Внутренняя ошибка сервера',
          messageEn: 'Internal server error',
        },
      });
    }
    // Fastify's own client errors: malformed JSON, body too large, bad content type…
    return reply.status(status).send({
      error: {
        code: error.code ?? 'bad_request',
        message: `Некорректный запрос: ${error.message}`,
        messageEn: error.message,
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (/organisations/5) get the app shell; /api/* and files keep JSON 404s.
    const pathname = request.url.split('?')[0] ?? '';
    if (
      options.spaIndex &&
      request.method === 'GET' &&
      !pathname.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(pathname)
    ) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(options.spaIndex);
    }
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `Адрес ${request.method} ${request.url.split('?')[0]} не найден`,
        messageEn: `Route ${request.method} ${request.url.split('?')[0]} not found`,
      },
    });
  });
}
