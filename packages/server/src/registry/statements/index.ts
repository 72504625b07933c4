/** What other features may use of registry/statements: its public surface. */
export { statementRoutes } from './statement.routes.ts';
