/** What other features may use of registry/sites: its public surface. */
export { siteRoutes } from './site.routes.ts';
export { siteListItem, type SiteListRow } from './site.presenter.ts';
