/** What other features may use of registry/events: its public surface. */
export { eventRoutes } from './event.routes.ts';
export { EventListQuery } from './event.routes.ts';
export { listEvents } from './event.service.ts';
export { eventEditingRoutes } from './event-editing.routes.ts';
