/** What other features may use of programmes: its routes. */
export { programmeViewRoutes } from './programmes.routes.ts';
