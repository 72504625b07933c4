/** What other features may use of map: its public surface. */
export { mapRoutes } from './map.routes.ts';
