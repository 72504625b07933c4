/** What other features may use of clusters/suppliers: its public surface. */
export { supplierRoutes } from './supplier.routes.ts';
