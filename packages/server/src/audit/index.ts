/** What other features may use of audit: its public surface. */
export { auditSnapshot, importedFile, writeAudit } from './audit.repository.ts';
export type { AuditActor } from './audit.repository.ts';
export { auditRoutes } from './audit.routes.ts';
export { recordSecurityEvent, userAgent } from './security-events.ts';
export type { SecurityEventClient } from './security-events.ts';
