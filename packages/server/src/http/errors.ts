import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind } from '../shared/domain-errors.ts';
import { isDatabaseUnavailable } from '../db/database-errors.ts';

/**
 * An error with a status code and a bilingual message, for what only the HTTP
 * layer knows (a wrong content type, an interrupted upload, a refused database
 * write). Use cases raise the domain errors of shared/domain-errors.ts instead.
 */
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

/** The one place a kind of domain failure becomes a status code. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  precondition: 422,
};

/** A domain error as the HTTP layer answers it. */
export function httpErrorFromDomain(error: DomainError): HttpError {
  return new HttpError(
    DOMAIN_ERROR_STATUS[error.kind],
    error.code,
    error.messageRu,
    error.messageEn,
    error.details,
  );
}

const ru = z.locales.ru().localeError;
const en = z.locales.en().localeError;

function localise(map: typeof ru, issue: z.core.$ZodIssue): string {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** The fields of a PostgreSQL error (pg's DatabaseError, also raised through PGlite's adapter) that we read. */
interface PgError {
  code: string;
  message?: string | undefined;
  detail?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
}

function asPgError(error: unknown): PgError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as Record<string, unknown>;
  // SQLSTATE is five digits or capital letters; pg adds severity and routine, which Fastify's and Node's errors lack.
  return typeof e['code'] === 'string' &&
    /^[0-9A-Z]{5}$/.test(e['code']) &&
    ('severity' in e || 'routine' in e)
    ? (e as unknown as PgError)
    : null;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `Key (region_code)=(99999) is not present in table "region".` → regionCode (API fields are camelCase). */
function keyField(error: PgError): string | null {
  const columns = /Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1] ?? error.column;
  if (!columns) return null;
  return columns
    .split(',')
    .map((c) => camel(c.trim().replace(/^"|"$/g, '')))
    .join(',');
}

const INVALID_VALUE_CODES: Record<string, { ru: string; en: string }> = {
  '22021': {
    ru: 'текст содержит недопустимую последовательность байтов',
    en: 'the text contains an invalid byte sequence',
  },
  '22P05': {
    ru: 'текст содержит недопустимый символ',
    en: 'the text contains an unsupported character',
  },
  '22P02': { ru: 'значение имеет неверный формат', en: 'a value has an invalid format' },
  '22007': {
    ru: 'дата или время имеют неверный формат',
    en: 'a date or time has an invalid format',
  },
  '22008': { ru: 'дата или время вне допустимого диапазона', en: 'a date or time is out of range' },
  '22003': { ru: 'число вне допустимого диапазона', en: 'a number is out of range' },
  '54000': {
    ru: 'значение слишком велико для обработки',
    en: 'a value is too large to be processed',
  },
};

/**
 * PostgreSQL errors that only bad input can cause, as a client error: a
 * referenced record that does not exist, a duplicate, bytes or numbers the
 * database refuses. Routes check what they can first; this is the net under
 * them, so such an error never becomes a 500.
 */
export function clientErrorFromDatabase(error: unknown): HttpError | null {
  const pg = asPgError(error);
  if (!pg) return null;
  const field = keyField(pg);
  const fieldPart = (ru: string, en: string) =>
    field
      ? {
          ru: ` (поле ${field})`,
          en: ` (field ${field})`,
          fields: [{ field, message: ru, messageEn: en }],
        }
      : null;
  switch (pg.code) {
    case '23503': {
      if (/is still referenced/.test(pg.detail ?? '')) {
        return new HttpError(
          409,
          'still_referenced',
          'Запись нельзя удалить или изменить: на неё ссылаются другие записи',
          'The record cannot be deleted or changed: other records refer to it',
        );
      }
      const f = fieldPart('запись с таким значением не существует', 'no record has this value');
      return new HttpError(
        400,
        'reference_not_found',
        `Указанная связанная запись не существует${f?.ru ?? ''}`,
        `The referenced record does not exist${f?.en ?? ''}`,
        f ? { fields: f.fields } : {},
      );
    }
    case '23505': {
      const f = fieldPart(
        'такое значение уже есть у другой записи',
        'another record has this value',
      );
      return new HttpError(
        409,
        'duplicate',
        `Запись с таким значением уже существует${f?.ru ?? ''}`,
        `A record with this value already exists${f?.en ?? ''}`,
        f ? { fields: f.fields } : {},
      );
    }
  }
  const invalid = INVALID_VALUE_CODES[pg.code];
  if (invalid) {
    // The database names the refused value (never a column); quoting it tells the client which one.
    const value = /value "(.{1,80})" is out of range|syntax for type \w+: "(.{1,80})"/.exec(
      pg.message ?? '',
    );
    const quoted = value ? ` «${value[1] ?? value[2]}»` : '';
    return new HttpError(
      400,
      'invalid_value',
      `Некорректное значение в запросе${quoted}: ${invalid.ru}`,
      `Invalid value in the request${quoted.replace(/[«»]/g, '"')}: ${invalid.en}`,
    );
  }
  return null;
}

/** U+0000 cannot be stored in PostgreSQL text: every string of the request is checked once, before validation. */
/** Parsed input (JSON, query, params) — not a raw upload's body stream, nor bytes. */
function isParsedObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return false;
  return typeof (value as { pipe?: unknown }).pipe !== 'function';
}

function nulFields(value: unknown, path: string[], out: string[], depth = 0): void {
  if (depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((v, k) => nulFields(v, [...path, String(k)], out, depth + 1));
  } else if (isParsedObject(value)) {
    // Parsed JSON only: a raw upload's body is a stream, whose internals are no input.
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) out.push([...path, key].join('.'));
      else nulFields(v, [...path, key], out, depth + 1);
    }
  }
}

/**
 * Errors Fastify's router raises before any route or hook runs (a path that is
 * not valid percent-encoded UTF-8): the same JSON error shape as everything else.
 * Passed as the `frameworkErrors` option when the instance is created.
 */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  void reply.status(status).send({
    error: {
      code: error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'bad_request',
      message: `Некорректный адрес запроса: ${error.message}`,
      messageEn: error.message,
    },
  });
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
  app.addHook('preValidation', async (request, reply) => {
    for (const [context, value] of [
      ['querystring', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const found: string[] = [];
      nulFields(value, [], found);
      if (found.length === 0) continue;
      const fields = found.map((field) => ({
        field: field || context,
        message: 'содержит нулевой символ (U+0000)',
        messageEn: 'contains a NUL character (U+0000)',
      }));
      return reply.status(400).send({
        error: {
          code: 'validation',
          message: `Неверный ${FIELD_LABELS[context] ?? 'ввод'}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
          messageEn: `Invalid ${context}: ${fields.map((f) => `${f.field}: ${f.messageEn}`).join('; ')}`,
          fields,
        },
      });
    }
  });
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
    const known =
      error instanceof DomainError
        ? httpErrorFromDomain(error)
        : error instanceof HttpError
          ? error
          : null;
    if (known) {
      return reply.status(known.statusCode).send({
        error: {
          code: known.code,
          message: known.messageRu,
          messageEn: known.messageEn,
          ...known.details,
        },
      });
    }
    const fromDatabase = clientErrorFromDatabase(error);
    if (fromDatabase) {
      request.log.info({ err: error }, 'database refused the request');
      return reply.status(fromDatabase.statusCode).send({
        error: {
          code: fromDatabase.code,
          message: fromDatabase.messageRu,
          messageEn: fromDatabase.messageEn,
          ...fromDatabase.details,
        },
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({
          error: {
            code: 'database_unavailable',
            message: 'База данных временно недоступна, повторите запрос через несколько секунд',
            messageEn: 'The database is temporarily unavailable; retry in a few seconds',
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
