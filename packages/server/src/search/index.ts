/** What other features may use of search: its public surface. */
export { toPrefixTsQuery } from './search-query.ts';
export { searchRoutes } from './search.routes.ts';
