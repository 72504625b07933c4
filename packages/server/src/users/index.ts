/** What other features may use of users: its public surface. */
export { handOverFirstPassword } from './first-password-file.ts';
export { findUserByEmail, findUserById, toUser } from './user.repository.ts';
export { requireAdministrator, userRoutes } from './user.routes.ts';
export { createUser, ensureFirstAdministrator, listUsers } from './user.service.ts';
