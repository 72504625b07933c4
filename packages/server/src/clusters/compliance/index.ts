/** What other features may use of clusters/compliance: its public surface. */
export { complianceRoutes } from './compliance.routes.ts';
export { checkClusterCompliance } from './compliance.service.ts';
