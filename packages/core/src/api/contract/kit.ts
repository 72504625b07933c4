import { z } from 'zod';
import { PageQuerySchema } from '../common.schema.ts';

/**
 * The pieces every contract entry is made of: the route shape, the types a
 * caller derives from it, the URL builder, and the parameter schemas the
 * routes share.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: HttpMethod;
  /** Fastify's syntax: `/api/organisations/:id`. */
  path: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 200 (or 201) answer; errors always have the common error schema. */
  response: z.ZodType;
}

/** Checks an entry's shape while keeping its literal types (path, method, schemas). */
export function defineRoute<const R extends ApiRoute>(route: R): R {
  return route;
}

/** `/api/regions/:code/members/:id` → `'code' | 'id'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a caller passes for the path parameters (the path decides the names). */
export type RouteParams<R extends ApiRoute> = {
  [K in PathParamNames<R['path']>]: ParamValue<R, K>;
};
/**
 * A path parameter's value: what its schema reads (an enum's members), a
 * number also as the text of the page's own URL (`/organisations/:id`).
 */
type ParamValue<R extends ApiRoute, K extends string> = R['params'] extends z.ZodObject
  ? K extends keyof z.output<R['params']>
    ? z.output<R['params']>[K] extends number
      ? number | string
      : z.output<R['params']>[K]
    : string | number
  : string | number;
/** Query parameters the route accepts, each optional (the server applies the defaults). */
export type RouteQuery<R extends ApiRoute> = R['query'] extends z.ZodObject
  ? { [K in keyof z.output<R['query']>]?: z.output<R['query']>[K] | null | undefined }
  : never;
export type RouteBody<R extends ApiRoute> = R['body'] extends z.ZodType
  ? z.input<R['body']>
  : never;
export type RouteResponse<R extends ApiRoute> = z.output<R['response']>;

/** The input of a call: only the parts the route has, the path parameters required. */
export type RouteInput<R extends ApiRoute> = ([PathParamNames<R['path']>] extends [never]
  ? { params?: never }
  : { params: RouteParams<R> }) &
  (R['query'] extends z.ZodObject ? { query?: RouteQuery<R> } : { query?: never }) &
  (R['body'] extends z.ZodType ? { body: RouteBody<R> } : { body?: never });

/** The URL of a call: path parameters substituted (encoded), empty query parameters dropped. */
export function routeUrl<R extends ApiRoute>(route: R, input: RouteInput<R>): string {
  const { params, query } = input as {
    params?: Record<string, string | number>;
    query?: Record<string, unknown>;
  };
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path}: path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

// ---- shared parameter schemas ----

export const IdParamsSchema = z.object({
  id: z.coerce.number().int('Идентификатор — целое число').min(1).max(2_147_483_647),
});

export const RegionCodeParamsSchema = z.object({
  code: z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО, например 42'),
});

/** Query parameters every registry list accepts, plus a sort whitelist per list. */
export function listQuerySchema<
  const S extends readonly [string, ...string[]],
  E extends z.ZodRawShape = Record<never, never>,
>(sorts: S, extra: E = {} as E) {
  return PageQuerySchema.extend({
    sort: z
      .enum(sorts)
      .default(sorts[0])
      .describe(`Сортировка: ${sorts.join(', ')}; «-» в начале — по убыванию`),
    region: z
      .string()
      .regex(/^\d{2,5}(,\d{2,5})*$/, 'Коды регионов через запятую, например 42 или 42,68')
      .optional()
      .describe('Коды регионов (ОКАТО) через запятую'),
    q: z.string().trim().max(200).optional().describe('Полнотекстовый фильтр по названию'),
    ...extra,
  });
}

/** The version of the record a DELETE removes (optimistic concurrency: a stale version is refused with 409). */
export const DeleteQuerySchema = z.object({
  version: z.coerce
    .number({ message: 'Укажите версию удаляемой записи (?version=…)' })
    .int('Версия — целое число')
    .min(1, 'Версия — целое число от 1')
    .max(2_147_483_647, 'Версия — целое число от 1')
    .describe('Версия записи, которую удаляют (обязательна)'),
});

/** `{ ok: true }`: the answer of a change that returns nothing else. */
export const OkSchema = z.object({ ok: z.literal(true) });

/** A file export (CSV or XLSX): the browser downloads it through a link, never parses it. */
export const FileResponseSchema = z.string().describe('Файл CSV (UTF-8 с BOM) или XLSX');
