/** What other features may use of auth: its public surface. */
export type { AccessRule, RegionResolver } from './access.ts';
export {
  CSRF_HEADER,
  SESSION_COOKIE,
  WHILE_TOTP_ENROLMENT,
  normaliseAccess,
  registerAuth,
} from './auth.plugin.ts';
export type { AccessOption, RouteAccess } from './auth.plugin.ts';
export { authRoutes } from './auth.routes.ts';
export { sessionInfo } from './session.presenter.ts';
export { knownDeviceKeys } from './known-device.ts';
export { LoginThrottle, accountKey, deviceKey } from './login-limiter.ts';
export { assertPasswordAcceptable } from './password-policy.ts';
export { hashPassword } from './password.ts';
export { deleteSessionById, deleteUserSessions, listSessions } from './session.repository.ts';
export type { Viewer } from './viewer.ts';
