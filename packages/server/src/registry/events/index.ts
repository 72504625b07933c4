/** What other features may use of registry/events: its public surface. */
export { eventRoutes } from './event.routes.ts';
export { eventEditingRoutes } from './event-editing.routes.ts';
