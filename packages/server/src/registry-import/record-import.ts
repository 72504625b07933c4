// The linked-record importers, one file per entity; the shared planning kit is
// record-plan.ts and the batch writer record-writer.ts.
export { personWriter } from './person-import.ts';
export { siteWriter, clusterWriter } from './place-import.ts';
export { statementWriter } from './statement-import.ts';
export { contractWriter } from './contract-import.ts';
