/** What other features may use of registry/organisations: its public surface. */
export { organisationRoutes } from './organisation.routes.ts';
export {
  organisationExportRows,
  organisationIdsInListOrder,
} from './organisation-list.repository.ts';
