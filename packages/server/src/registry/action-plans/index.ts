/** What other features may use of registry/action-plans: its public surface. */
export { actionPlanRoutes } from './action-plan.routes.ts';
export { ActionPlanListQuery } from './action-plan.routes.ts';
export { listActionPlans } from './action-plan.service.ts';
export { actionPlanWorkRoutes, sendTable } from './action-plan-work.routes.ts';
export {
  currentFlagRules,
  filterMeasures,
  loadDeadlines,
  loadMeasures,
  planPage,
  planSources,
  type PlanSource,
  taskFromDecision,
} from './measure.service.ts';
export { flagRules, updateFlagRules } from './measure.repository.ts';
export { regionMeasureLists } from './measure.repository.ts';
export { measuresTable } from './measure-export.ts';
