import type { AppInstance } from './app-instance.ts';
import { healthRoutes } from './health.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { organisationRoutes } from '../registry/organisations/organisation.routes.ts';

/** Every API route of the server, in one place. */
export function registerApiRoutes(app: AppInstance): void {
  healthRoutes(app);
  searchRoutes(app);
  organisationRoutes(app);
}
