import { CreatedSchema } from '../editing.schema.ts';
import { ProjectCreateSchema, ProjectUpdateSchema } from '../projects.schema.ts';
import { DeleteQuerySchema, defineRoute, IdParamsSchema } from './kit.ts';

// Editing projects: create, change (with the version check), delete (soft) and restore.

export const createProjectRoute = defineRoute({
  method: 'POST',
  path: '/api/projects',
  body: ProjectCreateSchema,
  response: CreatedSchema,
});
export const updateProjectRoute = defineRoute({
  method: 'PATCH',
  path: '/api/projects/:id',
  params: IdParamsSchema,
  body: ProjectUpdateSchema,
  response: CreatedSchema,
});
export const deleteProjectRoute = defineRoute({
  method: 'DELETE',
  path: '/api/projects/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const restoreProjectRoute = defineRoute({
  method: 'POST',
  path: '/api/projects/:id/restore',
  params: IdParamsSchema,
  response: CreatedSchema,
});
