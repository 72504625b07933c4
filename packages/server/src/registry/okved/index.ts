/** What other features may use of registry/okved: its public surface. */
export { okvedRoutes } from './okved.routes.ts';
