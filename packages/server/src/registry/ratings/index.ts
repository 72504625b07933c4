/** What other features may use of registry/ratings: its public surface. */
export { ratingListRoutes } from './rating.routes.ts';
