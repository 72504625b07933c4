import { listSitesRoute } from '@promatlas/core/api/contract/registry.ts';
import { presentingConflicts } from '../../http/write-routes.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { SitePageSchema, SiteSchema } from '@promatlas/core/api/registry.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getSite, listSites } from './site.service.ts';
import { readDb } from '../../db/read-db.ts';
import {
  DeleteQuery,
  EDIT_TAG as TAG,
  mutationContext,
  registryAccess as registry,
  writeErrors,
} from '../../http/write-routes.ts';
import {
  CreatedSchema,
  SiteCreateSchema,
  SiteUpdateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import { regionFromBody, regionOfRecord } from '../shared/region-resolvers.ts';
import { siteEditing } from './site-editing.service.ts';

// Declared with the API contract, so the web client builds the same query.
const ListQuery = listSitesRoute.query;

export function siteRoutes(app: AppInstance): void {
  app.get(
    '/api/sites',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Площадки: ОЭЗ, технопарки, индустриальные парки, ТОР',
        querystring: ListQuery,
        response: { 200: SitePageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listSites(readDb(app, viewer), {
        filter: { regions: regionCodes(q.region), kind: q.kind, sezType: q.sezType, q: q.q },
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/sites/:id',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль площадки: тип, регион, резиденты, факты и рейтинги с источниками',
        params: IdParamsSchema,
        response: { 200: SiteSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getSite(readDb(app, viewer), params.id),
  );

  app.post(
    '/api/sites',
    {
      config: { access: registry(regionFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать площадку (ОЭЗ, технопарк, индустриальный парк, ТОР)',
        body: SiteCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await siteEditing.create(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/sites/:id',
    {
      config: { access: registry(regionOfRecord('site')) },
      schema: {
        tags: TAG,
        summary: 'Изменить площадку',
        params: IdParamsSchema,
        body: SiteUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          siteEditing.update(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        () => getSite(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.delete(
    '/api/sites/:id',
    {
      config: { access: registry(regionOfRecord('site')) },
      schema: {
        tags: TAG,
        summary: 'Пометить площадку удалённой',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          siteEditing.remove(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.query.version,
          ),
        () => getSite(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.post(
    '/api/sites/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить площадку',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      siteEditing.restore(app.deps.db, mutationContext(request), request.params.id),
  );
}
