/** What other features may use of registry/sources: its public surface. */
export { sourceRoutes } from './source.routes.ts';
export { SourceListQuery } from './source.routes.ts';
export { listSources } from './source.service.ts';
