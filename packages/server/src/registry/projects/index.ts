/** What other features may use of registry/projects: its public surface. */
export { projectRoutes } from './project.routes.ts';
