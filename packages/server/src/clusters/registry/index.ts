/** What other features may use of clusters/registry: its public surface. */
export { clusterRoutes } from './cluster.routes.ts';
export { ClusterListQuery } from './cluster.routes.ts';
export { getCluster, listClusters } from './cluster.service.ts';
export { clusterRegistryStatusRoutes } from './cluster-registry-status.routes.ts';
export { decisionDateForCheck, registryStatusOn } from './cluster-registry-status.service.ts';
