/** What other features may use of ratings: its public surface. */
export { computeRatingEdition } from './editions/compute-rating-edition.ts';
export { linkPublishedEditions } from './editions/edition.repository.ts';
export {
  findMethodologyRowByVersion,
  insertMethodologyRow,
} from './methodologies/methodology.repository.ts';
export { syncDefaultMethodologies } from './methodologies/sync-default-methodologies.ts';
export { ILLUSTRATIVE_DATASET } from './rating-labels.ts';
export { RatingsInputError, runRatingsCompute } from './ratings-compute-command.ts';
export { ratingRoutes } from './ratings.routes.ts';
export { IndicatorImportError, importIndicatorValues } from './values/import-indicator-values.ts';
export { readIndicatorTable } from './values/read-indicator-table.ts';
export type { IndicatorTable } from './values/read-indicator-table.ts';
export { getEdition, listEditions } from './editions/edition.service.ts';
export { listIndicatorValues } from './values/indicator-value.service.ts';
