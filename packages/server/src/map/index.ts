/** What other features may use of map: its public surface. */
export { mapRoutes } from './map.routes.ts';
export { MeasureSchema } from './map.routes.ts';
export { MAP_MEASURES, regionMeasure, type MapMeasure } from './map.service.ts';
