/** What other features may use of registry/agreements: its public surface. */
export { agreementRoutes } from './agreement.routes.ts';
export { agreementEditingRoutes } from './agreement-editing.routes.ts';
