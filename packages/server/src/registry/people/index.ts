/** What other features may use of registry/people: its public surface. */
export { peopleRoutes } from './person.routes.ts';
