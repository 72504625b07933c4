/** What other features may use of clusters/mapping: its public surface. */
export { ClusterMapInputError, runClusterMap } from './cluster-map-command.ts';
