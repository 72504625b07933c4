import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  PersonPageSchema,
  PersonSchema,
  ProjectPageSchema,
  ProjectSchema,
} from '@promatlas/core/api/registry.schema.ts';
import { PROJECT_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { listQuerySchema, regionCodes } from './shared/list-query.ts';
import { IdParamsSchema } from './shared/params.ts';
import { getPerson, listPeople } from './people/person.service.ts';
import { getProject, listProjects } from './projects/project.service.ts';
import { readDb } from '../db/read-db.ts';

/** The lists' filters and sort, reused by their exports. */
export const PeopleListQuery = listQuerySchema(['name', '-name']);
export const ProjectListQuery = listQuerySchema(['title', '-title'], {
  kind: z.enum(PROJECT_KINDS.values).optional(),
});

export function peopleRoutes(app: AppInstance): void {
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Люди и их последние известные должности',
        querystring: PeopleListQuery,
        response: { 200: PersonPageSchema, 400: ErrorResponseSchema },
      },
    },
    async ({ query: q, viewer }) =>
      listPeople(readDb(app, viewer), {
        regions: regionCodes(q.region),
        q: q.q,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
  );
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Персона: должности с датами, мероприятия, подписанные соглашения',
        params: IdParamsSchema,
        response: { 200: PersonSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async ({ params, viewer }) => getPerson(readDb(app, viewer), params.id),
  );
}

export function projectRoutes(app: AppInstance): void {
  app.get(
    '/api/projects',
    {
      schema: {
        tags: ['Программы'],
        summary: 'Проекты: инвестиционные, совместные проекты кластеров, социальные',
        querystring: ProjectListQuery,
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
