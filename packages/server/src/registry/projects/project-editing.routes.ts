import {
  createProjectRoute,
  deleteProjectRoute,
  restoreProjectRoute,
  updateProjectRoute,
} from '@promatlas/core/api/contract/projects.ts';
import { ProjectWriteConflictSchema } from '@promatlas/core/api/projects.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import type { RegionResolver, Viewer } from '../../auth/index.ts';
import { readDb } from '../../db/read-db.ts';
import {
  EDIT_TAG as TAG,
  errors,
  mutationContext,
  registryAccess as registry,
} from '../../http/write-routes.ts';
import { StaleVersionError } from '../../shared/domain-errors.ts';
import { isRowId } from '../shared/region-resolvers.ts';
import { findProjectRegion } from './project.repository.ts';
import {
  createProject,
  deleteProject,
  restoreProject,
  updateProject,
} from './project-editing.service.ts';
import { getProject } from './project.service.ts';

const writeErrors = { ...errors, 409: ProjectWriteConflictSchema };

/** A new project lies in the region of its body (none: national, the administrator's). */
const projectFromBody: RegionResolver = async (request) => [
  ((request.body ?? {}) as { regionCode?: string | null }).regionCode ?? null,
];

/** An existing project lies in its region, and in the region it moves to. */
const ofProject: RegionResolver = async (request, db) => {
  const id = Number((request.params as { id?: string }).id);
  if (!isRowId(id)) return null;
  const row = await findProjectRegion(db, id);
  if (!row) return null;
  const body = (request.body ?? {}) as Record<string, unknown>;
  return [
    row.region_code,
    ...('regionCode' in body ? [(body['regionCode'] as string | null) ?? null] : []),
  ];
};

/**
 * A stale write answers with the project as its page shows it now, read once
 * the refused transaction has ended.
 */
async function presentingProject<T>(
  app: AppInstance,
  request: { viewer: Viewer },
  id: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    const current = await getProject(readDb(app, request.viewer), id);
    throw new StaleVersionError(current, error.currentVersion);
  }
}

/** Editing projects: participants and roles, site, cluster, milestones, investment, jobs, status. */
export function projectEditingRoutes(app: AppInstance): void {
  const db = () => app.deps.db;
  app.post(
    createProjectRoute.path,
    {
      config: { access: registry(projectFromBody) },
      schema: {
        tags: TAG,
        summary:
          'Создать проект: участники и роли, площадка, кластер, этапы с частичными датами, инвестиции, рабочие места, статус',
        body: createProjectRoute.body,
        response: { 201: createProjectRoute.response, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createProject(db(), mutationContext(request), request.body)),
  );
  app.patch(
    updateProjectRoute.path,
    {
      config: { access: registry(ofProject) },
      schema: {
        tags: TAG,
        summary: 'Изменить проект (с проверкой версии: 409 с текущим проектом при конфликте)',
        params: updateProjectRoute.params,
        body: updateProjectRoute.body,
        response: { 200: updateProjectRoute.response, ...writeErrors },
      },
    },
    async (request) =>
      presentingProject(app, request, request.params.id, () =>
        updateProject(db(), mutationContext(request), request.params.id, request.body),
      ),
  );
  app.delete(
    deleteProjectRoute.path,
    {
      config: { access: registry(ofProject) },
      schema: {
        tags: TAG,
        summary: 'Пометить проект удалённым (восстанавливает администратор)',
        params: deleteProjectRoute.params,
        querystring: deleteProjectRoute.query,
        response: { 200: deleteProjectRoute.response, ...writeErrors },
      },
    },
    async (request) =>
      presentingProject(app, request, request.params.id, () =>
        deleteProject(db(), mutationContext(request), request.params.id, request.query.version),
      ),
  );
  app.post(
    restoreProjectRoute.path,
    {
      config: { access: 'administrator' },
      schema: {
        tags: TAG,
        summary: 'Восстановить удалённый проект',
        params: restoreProjectRoute.params,
        response: { 200: restoreProjectRoute.response, ...writeErrors },
      },
    },
    async (request) => restoreProject(db(), mutationContext(request), request.params.id),
  );
}
