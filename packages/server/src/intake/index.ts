/** Document intake: what other features may use. */
export { intakeRoutes } from './intake.routes.ts';
export { readDocument, textOfHtml, INTAKE_FILE_LIMIT } from './read-document.ts';
