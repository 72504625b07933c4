// Every list's export, one file per list under lists/; the shared reader and column helpers are in list-export.ts.
export type { ListColumn, ListExport } from './list-export.ts';
export { actionPlansExport } from './lists/action-plans.export.ts';
export { agreementsExport } from './lists/agreements.export.ts';
export { clustersExport } from './lists/clusters.export.ts';
export { eventsExport } from './lists/events.export.ts';
export { mapRegionsExport } from './lists/map-regions.export.ts';
export { organisationsExport, type OrganisationExportQuery } from './lists/organisations.export.ts';
export { peopleExport } from './lists/people.export.ts';
export { projectsExport } from './lists/projects.export.ts';
export { ratingEditionsExport } from './lists/rating-editions.export.ts';
export { regionsExport } from './lists/regions.export.ts';
export { searchExport } from './lists/search.export.ts';
export { sitesExport } from './lists/sites.export.ts';
export { sourcesExport } from './lists/sources.export.ts';
export { clusterCategoriesExport } from './lists/cluster-categories.export.ts';
export {
  cooperationContractsExport,
  cooperationPurchasesExport,
} from './lists/cooperation-contracts.export.ts';
export { datasetValuesExport } from './lists/dataset-values.export.ts';
export { indicatorValuesExport } from './lists/indicator-values.export.ts';
export { datasetsExport } from './lists/datasets.export.ts';
export { statementsExport } from './lists/statements.export.ts';
