import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { similarOrganisationsRoute } from '@promatlas/core/api/contract.ts';
import {
  ClusterCreateSchema,
  ClusterMemberCreateSchema,
  ClusterUpdateSchema,
  ConflictResponseSchema,
  CreatedSchema,
  DuplicateResponseSchema,
  HistorySchema,
  OrganisationCreateSchema,
  OrganisationUpdateSchema,
  PersonCreateSchema,
  PersonUpdateSchema,
  PositionCreateSchema,
  SiteCreateSchema,
  SiteUpdateSchema,
  SourceCreateSchema,
  StatementCreateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import type { AccessRule, RegionResolver } from '../../auth/access.ts';
import { IdParamsSchema } from './params.ts';
import { readDb } from '../../db/read-db.ts';
import { getHistoryFor } from '../../audit/history.service.ts';
import {
  createOrganisation,
  deleteOrganisation,
  findSimilarOrganisations,
  restoreOrganisation,
  updateOrganisation,
} from '../organisations/organisation-editing.service.ts';
import {
  addClusterMember,
  addPosition,
  addStatement,
  clusterEditing,
  createSource,
  personEditing,
  removeChild,
  siteEditing,
} from './registry-editing.service.ts';
import {
  noRegion,
  regionFromBody,
  regionOfChild,
  regionOfNewMember,
  regionOfNewPosition,
  regionOfPerson,
  regionOfRecord,
  regionOfStatementSubject,
} from './region-resolvers.ts';

const TAG = ['Редактирование'];
/** A delete names the version it saw, like an update, so a record changed meanwhile is not deleted unseen. */
const DeleteQuery = z.object({
  version: z.coerce
    .number({ message: 'Укажите версию удаляемой записи (?version=…)' })
    .int('Версия — целое число')
    .min(1, 'Версия — целое число от 1')
    .max(2_147_483_647, 'Версия — целое число от 1')
    .describe('Версия записи, которую удаляют (обязательна)'),
});
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};
const writeErrors = {
  ...errors,
  409: z.union([ConflictResponseSchema, DuplicateResponseSchema, ErrorResponseSchema]),
};

const registry = (regions: RegionResolver, anyEditorWhenNoRegion = false): AccessRule => ({
  scope: 'registry',
  regions,
  anyEditorWhenNoRegion,
});

/**
 * Every state-changing registry route, each with its access rule. The
 * authorisation-matrix test (test/authorisation-matrix.test.ts) knows each
 * route; adding one here without teaching it the route fails that test.
 */
export function editingRoutes(app: AppInstance): void {
  const db = () => app.deps.db;
  const ctx = (request: { viewer: import('../../auth/viewer.ts').Viewer }) => ({
    viewer: request.viewer,
  });

  // ---- organisations ----
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
      reply.status(201).send(await createOrganisation(db(), ctx(request), request.body)),
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
    async (request) => updateOrganisation(db(), ctx(request), request.params.id, request.body),
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
      deleteOrganisation(db(), ctx(request), request.params.id, request.query.version),
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
    async (request) => restoreOrganisation(db(), ctx(request), request.params.id),
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

  // ---- people and positions ----
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
      reply.status(201).send(await personEditing.create(db(), ctx(request), request.body)),
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
    async (request) => personEditing.update(db(), ctx(request), request.params.id, request.body),
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
      personEditing.remove(db(), ctx(request), request.params.id, request.query.version),
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
    async (request) => personEditing.restore(db(), ctx(request), request.params.id),
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
        .send(await addPosition(db(), ctx(request), request.params.id, request.body)),
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
      removeChild(db(), ctx(request), 'position', request.params.id, request.query.version),
  );

  // ---- sites ----
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
      reply.status(201).send(await siteEditing.create(db(), ctx(request), request.body)),
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
    async (request) => siteEditing.update(db(), ctx(request), request.params.id, request.body),
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
      siteEditing.remove(db(), ctx(request), request.params.id, request.query.version),
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
    async (request) => siteEditing.restore(db(), ctx(request), request.params.id),
  );

  // ---- clusters and members ----
  app.post(
    '/api/clusters',
    {
      config: { access: registry(regionFromBody) },
      schema: {
        tags: TAG,
        summary: 'Создать кластер',
        body: ClusterCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await clusterEditing.create(db(), ctx(request), request.body)),
  );
  app.patch(
    '/api/clusters/:id',
    {
      config: { access: registry(regionOfRecord('cluster')) },
      schema: {
        tags: TAG,
        summary: 'Изменить кластер',
        params: IdParamsSchema,
        body: ClusterUpdateSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => clusterEditing.update(db(), ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/clusters/:id',
    {
      config: { access: registry(regionOfRecord('cluster')) },
      schema: {
        tags: TAG,
        summary: 'Пометить кластер удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      clusterEditing.remove(db(), ctx(request), request.params.id, request.query.version),
  );
  app.post(
    '/api/clusters/:id/restore',
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить кластер',
        params: IdParamsSchema,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) => clusterEditing.restore(db(), ctx(request), request.params.id),
  );
  app.post(
    '/api/clusters/:id/members',
    {
      config: { access: registry(regionOfNewMember) },
      schema: {
        tags: TAG,
        summary: 'Добавить организацию в участники кластера',
        params: IdParamsSchema,
        body: ClusterMemberCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addClusterMember(db(), ctx(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/cluster-members/:id',
    {
      config: { access: registry(regionOfChild('cluster_member')) },
      schema: {
        tags: TAG,
        summary: 'Исключить участника из кластера (пометить удалённым)',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      removeChild(db(), ctx(request), 'cluster_member', request.params.id, request.query.version),
  );

  // ---- facts and sources ----
  app.post(
    '/api/statements',
    {
      config: { access: registry(regionOfStatementSubject) },
      schema: {
        tags: TAG,
        summary: 'Записать факт о записи на дату (прежние значения остаются)',
        body: StatementCreateSchema,
        response: { 201: CreatedSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addStatement(
            db(),
            ctx(request),
            request.body,
            new Date().toISOString().slice(0, 10),
          ),
        ),
  );
  app.delete(
    '/api/statements/:id',
    {
      config: { access: registry(regionOfChild('statement')) },
      schema: {
        tags: TAG,
        summary: 'Пометить факт удалённым',
        params: IdParamsSchema,
        querystring: DeleteQuery,
        response: { 200: CreatedSchema, ...writeErrors },
      },
    },
    async (request) =>
      removeChild(db(), ctx(request), 'statement', request.params.id, request.query.version),
  );
  app.post(
    '/api/sources',
    {
      // A source's full text may have 1,000,000 characters: up to 4 MB of UTF-8 Cyrillic in JSON.
      bodyLimit: 4 * 1024 * 1024,
      config: { access: registry(noRegion, true) },
      schema: {
        tags: TAG,
        summary: 'Добавить источник (документ с полным текстом)',
        body: SourceCreateSchema,
        response: { 201: CreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSource(db(), request.body, { userId: request.viewer.user!.id })),
  );

  // ---- history ----
  app.get(
    '/api/history/:type/:id',
    {
      schema: {
        tags: TAG,
        summary: 'История записи: кто, когда, что изменил (до и после), из какого источника',
        params: z.object({
          type: z.enum(['organisation', 'person', 'site', 'cluster', 'region', 'event', 'project']),
          id: z.string().regex(/^\d{1,10}$/, 'Идентификатор — число или код региона'),
        }),
        description:
          'Только для вошедших пользователей: публичному читателю — 404 для любой записи (в истории есть черновики и имена редакторов). Удалённую запись видит только администратор.',
        response: { 200: HistorySchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) => getHistoryFor(db(), request.viewer, request.params.type, request.params.id),
  );
}
