/** What other features may use of search: its public surface. */
export { toPrefixTsQuery } from './search-query.ts';
export { searchRoutes } from './search.routes.ts';
export { searchRegistry } from './search.service.ts';
export { ReadCache } from './read-cache.ts';
export { registerReadCache } from './read-cache.plugin.ts';
