/** What other features may use of clusters/cooperation: its public surface. */
export { cooperationRoutes } from './cooperation.routes.ts';
export { findContractsOf, findMemberships, findPurchasesOf } from './cooperation.repository.ts';
export { loadCluster, participantsOf } from './cooperation.service.ts';
export type { ClusterParticipant } from './cooperation.service.ts';
