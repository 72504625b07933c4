/** What other features may use of clusters/cooperation: its public surface. */
export { cooperationRoutes } from './cooperation.routes.ts';
export { findContractsOf, findMemberships, findPurchasesOf } from './cooperation.repository.ts';
export { loadCluster, participantsOf } from './cooperation.service.ts';
export type { ClusterParticipant } from './cooperation.service.ts';
// The registry import writes contracts through the same use cases as the editing routes.
export { createContract, updateContract } from './cooperation.service.ts';
