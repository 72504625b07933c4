import { z } from 'zod';
import { EntityRefSchema, PageQuerySchema } from './common.schema.ts';
import {
  OrganisationPageSchema,
  OrganisationSchema,
  RegionPageSchema,
  RegionSchema,
  SiteListItemSchema,
} from './registry.schema.ts';
import { SearchQuerySchema, SearchResponseSchema } from './search.schema.ts';
import { ORGANISATION_KINDS } from '../domain/vocabulary.ts';

/**
 * The API contract: each route's method, path, parameters, query, body and
 * response declared once. The server registers its routes from these entries
 * (path and schemas), the web client builds URLs and reads responses from
 * them, so a wrong path, parameter or field fails the typecheck on both sides.
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
  [K in PathParamNames<R['path']>]: string | number;
};
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

// ---- the routes ----

export const searchRoute = defineRoute({
  method: 'GET',
  path: '/api/search',
  query: SearchQuerySchema,
  response: SearchResponseSchema,
});

export const listOrganisationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations',
  query: listQuerySchema(['name', '-name', 'region', '-region', 'inn', '-inn'], {
    kind: z.enum(ORGANISATION_KINDS.values).optional().describe('Вид организации'),
    legalForm: z
      .string()
      .max(20)
      .optional()
      .describe('Организационно-правовая форма: ООО, АО, ПАО…'),
    okved: z
      .string()
      .regex(
        /^([A-U]|\d{2}(\.\d{1,2}){0,3})$/,
        'Код ОКВЭД2: буква раздела (C) или код вида 25, 25.1, 25.11',
      )
      .optional()
      .describe('Код ОКВЭД2 или раздел; включает подчинённые коды'),
  }),
  response: OrganisationPageSchema,
});

export const getOrganisationRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id',
  params: IdParamsSchema,
  response: OrganisationSchema,
});

export const similarOrganisationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/similar',
  query: z.object({
    name: z.string().trim().min(2).max(500),
    region: z
      .string()
      .regex(/^\d{2,5}$/)
      .optional(),
  }),
  response: z.object({ items: z.array(EntityRefSchema.extend({ similarity: z.number() })) }),
});

export const listRegionsRoute = defineRoute({
  method: 'GET',
  path: '/api/regions',
  query: PageQuerySchema.extend({
    pageSize: z.coerce.number().int().min(1).max(200).default(100),
    sort: z.enum(['name', '-name', 'okato', '-okato']).default('name'),
    federalDistrict: z
      .string()
      .max(10)
      .optional()
      .describe('Код федерального округа: CFD, NWFD, …'),
    q: z.string().trim().max(200).optional(),
  }),
  response: RegionPageSchema,
});

export const getRegionRoute = defineRoute({
  method: 'GET',
  path: '/api/regions/:code',
  params: RegionCodeParamsSchema,
  response: RegionSchema,
});

export const mapSitesRoute = defineRoute({
  method: 'GET',
  path: '/api/map/sites',
  response: z.object({ items: z.array(SiteListItemSchema) }),
});

/** Every route of the contract, by name (the web client and the contract test iterate it). */
export const contract = {
  search: searchRoute,
  listOrganisations: listOrganisationsRoute,
  getOrganisation: getOrganisationRoute,
  similarOrganisations: similarOrganisationsRoute,
  listRegions: listRegionsRoute,
  getRegion: getRegionRoute,
  mapSites: mapSitesRoute,
} as const;
export type Contract = typeof contract;
