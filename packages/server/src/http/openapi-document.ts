import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  CSRF_HEADER,
  normaliseAccess,
  SESSION_COOKIE,
  WHILE_TOTP_ENROLMENT,
  type AccessOption,
} from '../auth/index.ts';

/**
 * What the generated OpenAPI document says beyond the route schemas: servers,
 * security schemes, tag descriptions, and per operation a stable operationId,
 * the security that applies and the error responses the access rules and
 * validation can give. Everything here is derived from the route table, so a
 * new route is documented the same way without repeating it.
 */

const SESSION = 'session';
const CSRF = 'csrf';

const TAGS: Array<{ name: string; description: string }> = [
  { name: 'Служебное', description: 'Состояние сервера и базы данных' },
  { name: 'Поиск', description: 'Полнотекстовый поиск по реестру и источникам' },
  {
    name: 'Реестр',
    description: 'Регионы, организации, люди, площадки, кластеры, события, проекты, рейтинги',
  },
  { name: 'Программы', description: 'Соглашения, планы мероприятий и меры поддержки' },
  { name: 'Карта', description: 'Точки и границы для карты' },
  { name: 'Источники', description: 'Документы-источники и подтверждающие цитаты' },
  { name: 'Справочники', description: 'Классификаторы: ОКВЭД, регионы, категории' },
  { name: 'Доступ', description: 'Вход, сессии, пароли, второй фактор, учётные записи, журнал' },
  {
    name: 'Редактирование',
    description: 'Изменение записей реестра с проверкой версии и региональных прав',
  },
  {
    name: 'Аналитика',
    description: 'Наборы данных, карантин импорта, категории и показатели кластеров',
  },
  {
    name: 'Рейтинги',
    description:
      'Методики рейтингов, рассчитанные и опубликованные издания, разложение баллов, чувствительность, сравнение',
  },
];

const ERRORS: Record<400 | 401 | 403 | 404, { ru: string }> = {
  400: { ru: 'Неверный запрос: в error.fields — поле и причина' },
  401: { ru: 'Нужно войти в систему' },
  403: {
    ru: 'Недостаточно прав, нет или неверен CSRF-токен, или сначала нужно сменить пароль',
  },
  404: { ru: 'Запись не найдена' },
};
const errorResponse = (status: keyof typeof ERRORS) =>
  ErrorResponseSchema.describe(ERRORS[status].ru);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `GET /api/organisations/:id/history` → `getOrganisationsByIdHistory`: stable, derived from the route alone. */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api(\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith(':') || segment.startsWith('{')
        ? `by-${segment.replace(/^[:{]|}$/g, '')}`
        : segment,
    )
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words]
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
}

interface RouteSchema {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

const documentRoute: Transform = (input) => {
  const { route, url } = input;
  const schema = (input.schema ?? {}) as RouteSchema;
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
  const rule = normaliseAccess(route.config?.access as AccessOption | undefined);
  // A route without response schemas sends a file (an export): its 200 is documented as such.
  const response: Record<string, unknown> = schema.response
    ? { ...schema.response }
    : {
        200: {
          description: 'Файл; тип — в заголовке Content-Type',
          content: { '*/*': { schema: z.string() } },
        },
      };
  const declares = (status: number) => String(status) in response;
  const add = (status: keyof typeof ERRORS) => {
    if (!declares(status)) response[status] = errorResponse(status);
  };

  let security: Array<Record<string, string[]>>;
  if (SAFE_METHODS.has(method)) {
    // A read that declares 401 is for signed-in users; any other read is public, and a session may
    // show more of it (unpublished records).
    security = declares(401) ? [{ [SESSION]: [] }] : [{}, { [SESSION]: [] }];
  } else if (rule?.scope === 'public') {
    // Anyone may call it; a signed-in caller must send the CSRF token too.
    security = [{}, { [SESSION]: [], [CSRF]: [] }];
  } else {
    security = [{ [SESSION]: [], [CSRF]: [] }];
    add(401);
  }

  if (schema.params || schema.querystring || schema.body) add(400);
  // A session that must first change its password (or enrol a second factor) is refused
  // everything else; a state-changing request of a signed-in user without the CSRF token too.
  if (!WHILE_TOTP_ENROLMENT.has(`${method} ${route.url}`) || !SAFE_METHODS.has(method)) add(403);
  if (/[:{]/.test(route.url) && (schema.params || !SAFE_METHODS.has(method))) add(404);

  return jsonSchemaTransform({
    ...input,
    url,
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdFor(method, route.url),
      security: schema.security ?? security,
      response,
    },
  } as Parameters<Transform>[0]);
};

/**
 * OpenAPI 3.0 reads `nullable` only beside a `type`: a nullable union
 * (`anyOf` without a type, e.g. a partial date or its words) carries
 * `nullable` on each member instead, which says the same.
 */
function nullableUnions(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullableUnions(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema['nullable'] === true && !('type' in schema) && Array.isArray(schema['anyOf'])) {
    delete schema['nullable'];
    schema['anyOf'] = (schema['anyOf'] as Array<Record<string, unknown>>).map((member) =>
      'type' in member ? { ...member, nullable: true } : member,
    );
  }
  for (const value of Object.values(schema)) nullableUnions(value);
}

const transformObject: NonNullable<FastifyDynamicSwaggerOptions['transformObject']> = (
  documentObject,
) => {
  if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
  const document = documentObject.openapiObject;
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      const id = (operation as { operationId?: string }).operationId;
      if (!id) continue;
      const other = seen.get(id);
      if (other) throw new Error(`operationId ${id} is used by ${other} and ${method} ${path}`);
      seen.set(id, `${method} ${path}`);
    }
  }
  nullableUnions(document.paths);
  nullableUnions(document.components);
  return document;
};

export const swaggerOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: {
      title: 'PromAtlas API',
      description: 'Открытый API Промышленного атласа: реестр, поиск, карта, источники.',
      version: '0.1.0',
    },
    servers: [{ url: '/', description: 'Этот сервер (API под /api)' }],
    components: {
      securitySchemes: {
        [SESSION]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Сессия после POST /api/auth/login (HttpOnly, SameSite=Lax)',
        },
        [CSRF]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: `Токен из GET /api/auth/me; обязателен для изменяющих запросов вошедшего пользователя (заголовок ${CSRF_HEADER})`,
        },
      },
    },
    tags: TAGS,
  },
  transform: documentRoute,
  transformObject,
};
