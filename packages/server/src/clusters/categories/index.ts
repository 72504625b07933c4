/** What other features may use of clusters/categories: its public surface. */
export { clusterCategoryRoutes } from './cluster-category.routes.ts';
