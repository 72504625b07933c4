/** What other features may use of registry/sources: its public surface. */
export { sourceRoutes } from './source.routes.ts';
