/** What other features may use of registry/organisations: its public surface. */
export { organisationRoutes } from './organisation.routes.ts';
export {
  organisationExportBatches,
  type OrganisationExportRow,
} from './organisation-list.repository.ts';
