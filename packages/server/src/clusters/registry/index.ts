/** What other features may use of clusters/registry: its public surface. */
export { clusterRoutes } from './cluster.routes.ts';
export { ClusterListQuery } from './cluster.routes.ts';
export { getCluster, listClusters } from './cluster.service.ts';
