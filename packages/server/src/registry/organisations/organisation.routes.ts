import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { getOrganisationRoute, listOrganisationsRoute } from '@promatlas/core/api/contract.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { regionCodes } from '../shared/list-query.ts';
import { getOrganisation, listOrganisations } from './organisation.service.ts';
import { readDb } from '../../db/read-db.ts';

export function organisationRoutes(app: AppInstance): void {
  app.get(
    listOrganisationsRoute.path,
    {
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
}
