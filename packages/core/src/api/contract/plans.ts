import { CreatedSchema } from '../editing.schema.ts';
import {
  ActionPlanCreateSchema,
  ActionPlanUpdateSchema,
  MeasureCreateSchema,
  MeasureDetailSchema,
  MeasureListQuerySchema,
  MeasureUpdateSchema,
  PlanPageSchema,
  ReportCreateSchema,
  TimelineSchema,
} from '../programmes.schema.ts';
import { DeleteQuerySchema, defineRoute, IdParamsSchema } from './kit.ts';

// Action plans at work: a plan's page, timeline and editing, its measures and
// their progress reports (the server's registry/action-plans routes).

const TodayQuery = MeasureListQuerySchema.pick({ today: true });

export const planPageRoute = defineRoute({
  method: 'GET',
  path: '/api/action-plans/:id/measures',
  params: IdParamsSchema,
  query: MeasureListQuerySchema,
  response: PlanPageSchema,
});
export const planTimelineRoute = defineRoute({
  method: 'GET',
  path: '/api/action-plans/:id/timeline',
  params: IdParamsSchema,
  query: TodayQuery,
  response: TimelineSchema,
});
export const createActionPlanRoute = defineRoute({
  method: 'POST',
  path: '/api/action-plans',
  body: ActionPlanCreateSchema,
  response: CreatedSchema,
});
export const updateActionPlanRoute = defineRoute({
  method: 'PATCH',
  path: '/api/action-plans/:id',
  params: IdParamsSchema,
  body: ActionPlanUpdateSchema,
  response: CreatedSchema,
});
export const deleteActionPlanRoute = defineRoute({
  method: 'DELETE',
  path: '/api/action-plans/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const restoreActionPlanRoute = defineRoute({
  method: 'POST',
  path: '/api/action-plans/:id/restore',
  params: IdParamsSchema,
  response: CreatedSchema,
});
export const createMeasureRoute = defineRoute({
  method: 'POST',
  path: '/api/measures',
  body: MeasureCreateSchema,
  response: CreatedSchema,
});
export const getMeasureRoute = defineRoute({
  method: 'GET',
  path: '/api/measures/:id',
  params: IdParamsSchema,
  query: TodayQuery,
  response: MeasureDetailSchema,
});
export const updateMeasureRoute = defineRoute({
  method: 'PATCH',
  path: '/api/measures/:id',
  params: IdParamsSchema,
  body: MeasureUpdateSchema,
  response: CreatedSchema,
});
export const deleteMeasureRoute = defineRoute({
  method: 'DELETE',
  path: '/api/measures/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const restoreMeasureRoute = defineRoute({
  method: 'POST',
  path: '/api/measures/:id/restore',
  params: IdParamsSchema,
  response: CreatedSchema,
});
export const addReportRoute = defineRoute({
  method: 'POST',
  path: '/api/measures/:id/reports',
  params: IdParamsSchema,
  body: ReportCreateSchema,
  response: CreatedSchema,
});
export const deleteReportRoute = defineRoute({
  method: 'DELETE',
  path: '/api/measure-reports/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
