/** What other features may use of clusters/analytics: its public surface. */
export { clusterAnalyticsRoutes } from './cluster-analytics.routes.ts';
export { toCsv, toXlsx, type ExportTable } from './cluster-analytics.export.ts';
