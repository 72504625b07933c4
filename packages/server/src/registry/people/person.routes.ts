import { presentingConflicts, versionOf } from '../../http/write-routes.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { PersonPageSchema, PersonSchema } from '@promatlas/core/api/registry.schema.ts';

import type { AppInstance } from '../../http/app-instance.ts';
import { listQuerySchema, regionCodes } from '../shared/list-query.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { getPerson, listPeople } from './person.service.ts';

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
  PersonCreateSchema,
  PersonUpdateSchema,
  PositionCreateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import {
  noRegion,
  regionOfChild,
  regionOfNewPosition,
  regionOfPerson,
} from '../shared/region-resolvers.ts';
import { addPosition, personEditing } from './person-editing.service.ts';
import { removeChild } from '../shared/registry-editing.service.ts';

export function peopleRoutes(app: AppInstance): void {
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Люди и их последние известные должности',
        querystring: listQuerySchema(['name', '-name']),
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

  app.post(
    '/api/people',
    {
      config: { access: registry(noRegion, true) },
      schema: {
        tags: TAG,
        summary: 'Создать персону',
        body: PersonCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await personEditing.create(app.deps.db, mutationContext(request), request.body)),
  );
  app.patch(
    '/api/people/:id',
    {
      config: { access: registry(regionOfPerson, true) },
      schema: {
        tags: TAG,
        summary: 'Изменить персону',
        params: IdParamsSchema,
        body: PersonUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          personEditing.update(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.body,
          ),
        () => getPerson(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.delete(
    '/api/people/:id',
    {
      config: { access: registry(regionOfPerson, true) },
      schema: {
        tags: TAG,
        summary: 'Пометить персону удалённой',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          personEditing.remove(
            app.deps.db,
            mutationContext(request),
            request.params.id,
            request.query.version,
          ),
        () => getPerson(readDb(app, request.viewer), request.params.id),
      ),
  );
  app.post(
    '/api/people/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить персону',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      personEditing.restore(app.deps.db, mutationContext(request), request.params.id),
  );
  app.post(
    '/api/people/:id/positions',
    {
      config: { access: registry(regionOfNewPosition) },
      schema: {
        tags: TAG,
        summary: 'Записать новую должность персоны (прежние остаются в истории)',
        params: IdParamsSchema,
        body: PositionCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPosition(app.deps.db, mutationContext(request), request.params.id, request.body),
        ),
  );
  app.delete(
    '/api/positions/:id',
    {
      config: { access: registry(regionOfChild('position')) },
      schema: {
        tags: TAG,
        summary: 'Пометить должность удалённой',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentingConflicts(
        () =>
          removeChild(
            app.deps.db,
            mutationContext(request),
            'position',
            request.params.id,
            request.query.version,
          ),
        versionOf(request.params.id),
      ),
  );
}
