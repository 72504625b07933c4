import { presentingConflicts } from '../../http/write-routes.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { getOrganisationRoute, listOrganisationsRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../shared/list-query.ts';
import { getOrganisation, listOrganisations } from './organisation.service.ts';
import { readDb } from '../../db/read-db.ts';
import {
  DeleteQuery,
  EDIT_TAG as TAG,
  mutationContext,
  registryAccess as registry,
  writeErrors,
} from '../../http/write-routes.ts';
import { similarOrganisationsRoute } from '@promatlas/core/api/contract.ts';
import {
  CreatedSchema,
  OrganisationCreateSchema,
  OrganisationUpdateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { regionFromBody, regionOfRecord } from '../shared/region-resolvers.ts';
import {
  createOrganisation,
  deleteOrganisation,
  findSimilarOrganisations,
  restoreOrganisation,
  updateOrganisation,
} from './organisation-editing.service.ts';

export function organisationRoutes(app: AppInstance): void {
  app.get(
    listOrganisationsRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: ['Реестр'],
        summary: 'Список организаций с фильтрами, сортировкой и страницами',
        querystring: listOrganisationsRoute.query,
        response: { 200: listOrganisationsRoute.response, 400: ErrorResponseSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const viewer = request.viewer;
      return listOrganisations(readDb(app, viewer), {
        filter: {
          regions: regionCodes(q.region),
          kind: q.kind,
          legalForm: q.legalForm,
          okved: q.okved,
          q: q.q,
        },
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      });
    },
  );
  app.get(
    getOrganisationRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль организации со всеми связями и источниками',
        params: getOrganisationRoute.params,
        response: {
          200: getOrganisationRoute.response,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => getOrganisation(readDb(app, request.viewer), request.params.id),
  );

  app.post(
    '/api/organisations',
    {
      config: { access: registry(regionFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать организацию (ИНН/ОГРН проверяются, дубликаты отклоняются)',
        body: OrganisationCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createOrganisation(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/organisations/:id',
    {
      config: { access: registry(regionOfRecord('organisation')) },
      schema: {
        tags: TAG,
        summary: 'Изменить организацию (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: OrganisationUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          updateOrganisation(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        () => getOrganisation(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.delete(
    '/api/organisations/:id',
    {
      config: { access: registry(regionOfRecord('organisation')) },
      schema: {
        tags: TAG,
        summary: 'Пометить организацию удалённой (восстанавливает администратор)',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          deleteOrganisation(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.query.version,
          ),
        () => getOrganisation(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.post(
    '/api/organisations/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённую организацию',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      restoreOrganisation(app.deps.db, mutationContext(request), request.params.id),
  );
  app.get(
    similarOrganisationsRoute.path,
    {
      schema: {
        tags: TAG,
        summary: 'Возможные дубликаты: организации региона с похожими названиями',
        querystring: similarOrganisationsRoute.query,
        response: {
          200: similarOrganisationsRoute.response,
          400: ErrorResponseSchema,
        },
      },
    },
    async (request) =>
      findSimilarOrganisations(
        readDb(app, request.viewer),
        request.query.name,
        request.query.region,
      ),
  );
}
