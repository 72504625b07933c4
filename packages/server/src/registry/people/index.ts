/** What other features may use of registry/people: its public surface. */
export { peopleRoutes } from './person.routes.ts';
export { PeopleListQuery } from './person.routes.ts';
export { listPeople } from './person.service.ts';
