// The administrator's pages: one lazy chunk.
export { UsersPage } from './UsersPage.tsx';
export { AuditPage } from './AuditPage.tsx';
