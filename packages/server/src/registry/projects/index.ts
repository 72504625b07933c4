/** What other features may use of registry/projects: its public surface. */
export { projectRoutes } from './project.routes.ts';
export { ProjectListQuery } from './project.routes.ts';
export { listProjects } from './project.service.ts';
export { projectEditingRoutes } from './project-editing.routes.ts';
