/** What other features may use of registry/regions: its public surface. */
export { regionRoutes } from './region.routes.ts';
