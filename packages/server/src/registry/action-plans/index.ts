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
} from './measure.service.ts';
export { taskFromDecision } from './measure-editing.service.ts';
export { planPage, planSources, type PlanSource } from './plan-page.service.ts';
export { flagRules, updateFlagRules } from './plan-page.repository.ts';
export { regionMeasureLists } from './measure-lists.repository.ts';
export { measuresTable } from './measure-export.ts';
