import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { OrganisationPageSchema, OrganisationSchema } from '@promatlas/core/api/registry.schema.ts';
import { ORGANISATION_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { listQuerySchema, regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getOrganisation, listOrganisations } from './organisation.service.ts';
import { readDb } from '../../db/read-db.ts';

const ListQuery = listQuerySchema(['name', '-name', 'region', '-region', 'inn', '-inn'], {
  kind: z.enum(ORGANISATION_KINDS.values).optional().describe('Вид организации'),
  legalForm: z.string().max(20).optional().describe('Организационно-правовая форма: ООО, АО, ПАО…'),
  okved: z
    .string()
    .regex(
      /^([A-U]|\d{2}(\.\d{1,2}){0,3})$/,
      'Код ОКВЭД2: буква раздела (C) или код вида 25, 25.1, 25.11',
    )
    .optional()
    .describe('Код ОКВЭД2 или раздел; включает подчинённые коды'),
});

export function organisationRoutes(app: AppInstance): void {
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Список организаций с фильтрами, сортировкой и страницами',
        querystring: ListQuery,
        response: { 200: OrganisationPageSchema, 400: ErrorResponseSchema },
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
    '/api/organisations/:id',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Профиль организации со всеми связями и источниками',
        params: IdParamsSchema,
        response: { 200: OrganisationSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) => getOrganisation(readDb(app, request.viewer), request.params.id),
  );
}
