import { CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import {
  DecisionCreateSchema,
  DecisionTaskSchema,
  DecisionUpdateSchema,
  EventCreateSchema,
  EventParticipantCreateSchema,
  EventUpdateSchema,
  EventWorkSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import type { Viewer } from '../../auth/index.ts';
import { readDb } from '../../db/read-db.ts';
import { IdParamsSchema } from '../shared/params.ts';
import { eventFromBody, ofDecision, ofEvent, ofParticipant } from '../shared/programme-access.ts';
import {
  DeleteQuery,
  programme,
  readErrors,
  TAG,
  versioned,
  writeErrors,
} from '../shared/programme-route-kit.ts';
import { taskFromDecision } from '../action-plans/index.ts';
import {
  addDecision,
  addParticipant,
  createEvent,
  deleteEvent,
  eventWork,
  removeEventChild,
  restoreEvent,
  updateDecision,
  updateEvent,
} from './event-editing.service.ts';

/**
 * An agenda is capped at AGENDA_MAX_CHARS by the schema; the body limit of
 * these routes is larger, so an oversized agenda (a pasted 10 MB file) is
 * answered with a field-level error rather than a bare «request too large».
 */
const EVENT_BODY_LIMIT = 16 * 1024 * 1024;

/** Events at work: create and edit sessions, their participants and decisions; decisions become tasks. */
export function eventEditingRoutes(app: AppInstance): void {
  const db = () => app.deps.db;
  const ctx = (request: { viewer: Viewer }) => ({ viewer: request.viewer });

  app.post(
    '/api/events',
    {
      bodyLimit: EVENT_BODY_LIMIT,
      config: { access: programme(eventFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать мероприятие: вид, дата, место, регион, участники, повестка, решения',
        body: EventCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEvent(db(), ctx(request), request.body)),
  );
  app.patch(
    '/api/events/:id',
    {
      bodyLimit: EVENT_BODY_LIMIT,
      config: { access: programme(ofEvent) },
      schema: {
        tags: TAG,
        summary: 'Изменить мероприятие (с проверкой версии: 409 при конфликте)',
        params: IdParamsSchema,
        body: EventUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        updateEvent(db(), ctx(request), request.params.id, request.body),
      ),
  );
  app.delete(
    '/api/events/:id',
    {
      config: { access: programme(ofEvent) },
      schema: {
        tags: TAG,
        summary: 'Пометить мероприятие удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        deleteEvent(db(), ctx(request), request.params.id, request.query.version),
      ),
  );
  app.post(
    '/api/events/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённое мероприятие',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => restoreEvent(db(), ctx(request), request.params.id),
  );
  app.get(
    '/api/events/:id/work',
    {
      schema: {
        tags: TAG,
        summary: 'Повестка, решения мероприятия и задачи по ним; порождённые планы',
        params: IdParamsSchema,
        response: { 200: EventWorkSchema, ...readErrors },
      },
    },
    async (request) => eventWork(readDb(app, request.viewer), request.params.id),
  );
  app.post(
    '/api/events/:id/participants',
    {
      config: { access: programme(ofEvent) },
      schema: {
        tags: TAG,
        summary:
          'Добавить участника: организация или персона с должностью, которую она тогда занимала',
        params: IdParamsSchema,
        body: EventParticipantCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addParticipant(db(), ctx(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/event-participants/:id',
    {
      config: { access: programme(ofParticipant) },
      schema: {
        tags: TAG,
        summary: 'Убрать участника мероприятия',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        removeEventChild(
          db(),
          ctx(request),
          'event_participant',
          request.params.id,
          request.query.version,
        ),
      ),
  );
  app.post(
    '/api/events/:id/decisions',
    {
      config: { access: programme(ofEvent) },
      schema: {
        tags: TAG,
        summary: 'Записать решение мероприятия',
        params: IdParamsSchema,
        body: DecisionCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDecision(db(), ctx(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/event-decisions/:id',
    {
      config: { access: programme(ofDecision) },
      schema: {
        tags: TAG,
        summary: 'Изменить решение',
        params: IdParamsSchema,
        body: DecisionUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        updateDecision(db(), ctx(request), request.params.id, request.body),
      ),
  );
  app.delete(
    '/api/event-decisions/:id',
    {
      config: { access: programme(ofDecision) },
      schema: {
        tags: TAG,
        summary: 'Пометить решение удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      versioned(request.params.id, () =>
        removeEventChild(
          db(),
          ctx(request),
          'event_decision',
          request.params.id,
          request.query.version,
        ),
      ),
  );
  app.post(
    '/api/event-decisions/:id/task',
    {
      config: { access: programme(ofDecision) },
      schema: {
        tags: TAG,
        summary:
          'Сделать решение задачей: текст решения — название, указываются только ответственный и срок',
        params: IdParamsSchema,
        body: DecisionTaskSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await taskFromDecision(db(), ctx(request), request.params.id, request.body)),
  );
}
