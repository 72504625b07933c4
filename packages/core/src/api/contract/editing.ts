import { z } from 'zod';
import {
  ClusterCreateSchema,
  ClusterMemberCreateSchema,
  ClusterUpdateSchema,
  CreatedSchema,
  OrganisationCreateSchema,
  OrganisationUpdateSchema,
  PersonCreateSchema,
  PersonUpdateSchema,
  PositionCreateSchema,
  SiteCreateSchema,
  SiteUpdateSchema,
  SourceCreateSchema,
  StatementCreateSchema,
} from '../editing.schema.ts';
import { HistorySchema } from '../audit.schema.ts';
import { defineRoute, DeleteQuerySchema, IdParamsSchema } from './kit.ts';

// The registry's write routes: create, change, delete (soft) and restore a
// record, its positions, members and facts, new sources, and a record's history.

/** The four routes of a record the registry edits through a form. */
function recordRoutes<const P extends string, C extends z.ZodType, U extends z.ZodType>(
  path: P,
  create: C,
  update: U,
) {
  return {
    create: defineRoute({ method: 'POST', path, body: create, response: CreatedSchema }),
    update: defineRoute({
      method: 'PATCH',
      path: `${path}/:id` as `${P}/:id`,
      params: IdParamsSchema,
      body: update,
      response: CreatedSchema,
    }),
    remove: defineRoute({
      method: 'DELETE',
      path: `${path}/:id` as `${P}/:id`,
      params: IdParamsSchema,
      query: DeleteQuerySchema,
      response: CreatedSchema,
    }),
    restore: defineRoute({
      method: 'POST',
      path: `${path}/:id/restore` as `${P}/:id/restore`,
      params: IdParamsSchema,
      response: CreatedSchema,
    }),
  };
}

export const organisationWrites = recordRoutes(
  '/api/organisations',
  OrganisationCreateSchema,
  OrganisationUpdateSchema,
);
export const personWrites = recordRoutes('/api/people', PersonCreateSchema, PersonUpdateSchema);
export const siteWrites = recordRoutes('/api/sites', SiteCreateSchema, SiteUpdateSchema);
export const clusterWrites = recordRoutes(
  '/api/clusters',
  ClusterCreateSchema,
  ClusterUpdateSchema,
);

export const addPositionRoute = defineRoute({
  method: 'POST',
  path: '/api/people/:id/positions',
  params: IdParamsSchema,
  body: PositionCreateSchema,
  response: CreatedSchema,
});

export const deletePositionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/positions/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});

export const addClusterMemberRoute = defineRoute({
  method: 'POST',
  path: '/api/clusters/:id/members',
  params: IdParamsSchema,
  body: ClusterMemberCreateSchema,
  response: CreatedSchema,
});

export const deleteClusterMemberRoute = defineRoute({
  method: 'DELETE',
  path: '/api/cluster-members/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});

export const createStatementRoute = defineRoute({
  method: 'POST',
  path: '/api/statements',
  body: StatementCreateSchema,
  response: CreatedSchema,
});

export const deleteStatementRoute = defineRoute({
  method: 'DELETE',
  path: '/api/statements/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});

export const createSourceRoute = defineRoute({
  method: 'POST',
  path: '/api/sources',
  body: SourceCreateSchema,
  response: CreatedSchema,
});

/** The record types with an audit trail. */
export const HistoryTypeSchema = z.enum([
  'organisation',
  'person',
  'site',
  'cluster',
  'region',
  'event',
  'project',
]);

export const historyRoute = defineRoute({
  method: 'GET',
  path: '/api/history/:type/:id',
  params: z.object({
    type: HistoryTypeSchema,
    id: z.string().regex(/^\d{1,10}$/, 'Идентификатор — число или код региона'),
  }),
  response: HistorySchema,
});
