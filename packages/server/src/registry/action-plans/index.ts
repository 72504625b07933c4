/** What other features may use of registry/action-plans: its public surface. */
export { actionPlanRoutes } from './action-plan.routes.ts';
export { ActionPlanListQuery } from './action-plan.routes.ts';
export { listActionPlans } from './action-plan.service.ts';
