import type { AppInstance } from './app-instance.ts';
import { healthRoutes } from './health.routes.ts';
import { vocabularyRoutes } from './vocabulary.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { organisationRoutes } from '../registry/organisations/organisation.routes.ts';
import { siteRoutes } from '../registry/sites/site.routes.ts';
import { clusterRoutes } from '../registry/clusters/cluster.routes.ts';
import { eventRoutes } from '../registry/events/event.routes.ts';
import { programmeRoutes } from '../registry/programmes.routes.ts';
import { peopleRoutes, projectRoutes } from '../registry/people-projects.routes.ts';
import { regionRoutes, sourceRoutes } from '../registry/reference.routes.ts';
import { mapRoutes } from '../map/map.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { userRoutes } from '../users/user.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { editingRoutes } from '../editing/editing.routes.ts';
import { clusterCategoryRoutes } from '../cluster-categories/cluster-category.routes.ts';
import { ratingRoutes } from '../ratings/ratings.routes.ts';
import { datasetRoutes } from '../datasets/dataset.routes.ts';
import { clusterAnalyticsRoutes } from '../cluster-analytics/cluster-analytics.routes.ts';
import { uploadRoutes } from '../imports/upload.routes.ts';
import { exportRoutes } from '../exports/exports.routes.ts';

/** Every API route of the server, in one place. */
export function registerApiRoutes(app: AppInstance): void {
  healthRoutes(app);
  vocabularyRoutes(app);
  authRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  editingRoutes(app);
  searchRoutes(app);
  organisationRoutes(app);
  peopleRoutes(app);
  siteRoutes(app);
  clusterRoutes(app);
  eventRoutes(app);
  programmeRoutes(app);
  projectRoutes(app);
  regionRoutes(app);
  sourceRoutes(app);
  mapRoutes(app);
  ratingRoutes(app);
  uploadRoutes(app);
  datasetRoutes(app);
  clusterAnalyticsRoutes(app);
  clusterCategoryRoutes(app);
  exportRoutes(app);
}
