/** What other features may use of registry/agreements: its public surface. */
export { agreementRoutes } from './agreement.routes.ts';
export { AgreementListQuery } from './agreement.routes.ts';
export { listAgreements } from './agreement.service.ts';
export { agreementEditingRoutes } from './agreement-editing.routes.ts';
