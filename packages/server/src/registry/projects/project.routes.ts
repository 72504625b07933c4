import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { ProjectPageSchema, ProjectSchema } from '@promatlas/core/api/registry.schema.ts';
import { PROJECT_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import { listQuerySchema, regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getProject, listProjects } from './project.service.ts';

export function projectRoutes(app: AppInstance): void {
  app.get(
    '/api/projects',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Проекты: инвестиционные, совместные проекты кластеров, социальные',
        querystring: listQuerySchema(['title', '-title'], {
          kind: z.enum(PROJECT_KINDS.values).optional(),
        }),
        response: { 200: ProjectPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listProjects(readDb(app, viewer), {
        regions: regionCodes(q.region),
        kind: q.kind,
        q: q.q,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Проект: участники, полученная поддержка, сроки',
        params: IdParamsSchema,
        response: { 200: ProjectSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getProject(readDb(app, viewer), params.id),
  );
}
