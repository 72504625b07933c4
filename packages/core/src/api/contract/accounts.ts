import { z } from 'zod';
import {
  LoginSchema,
  PasswordChangeSchema,
  PasswordSchema,
  ROLES,
  SessionListSchema,
  TotpCodeSchema,
  TotpEnrolmentSchema,
  UserCreateSchema,
  UserSchema,
  ViewerSchema,
} from '../accounts.schema.ts';
import { AuditSearchQuerySchema, AuditSearchResultSchema } from '../audit.schema.ts';
import { defineRoute, IdParamsSchema, OkSchema } from './kit.ts';

// Signing in and out, one's own account and sessions, the administrator's
// accounts, and the audit log.

export const loginRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/login',
  body: LoginSchema,
  response: ViewerSchema,
});

export const logoutRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  response: OkSchema,
});

export const meRoute = defineRoute({ method: 'GET', path: '/api/auth/me', response: ViewerSchema });

export const changePasswordRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/password',
  body: PasswordChangeSchema,
  response: ViewerSchema,
});

export const totpEnrolRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/totp/enrol',
  response: TotpEnrolmentSchema,
});

export const totpConfirmRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/totp/confirm',
  body: TotpCodeSchema,
  response: ViewerSchema,
});

export const totpDisableRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/totp/disable',
  body: z.object({ password: z.string().min(1, 'Введите пароль').max(1000) }),
  response: ViewerSchema,
});

export const mySessionsRoute = defineRoute({
  method: 'GET',
  path: '/api/auth/sessions',
  response: SessionListSchema,
});

export const endMySessionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/auth/sessions/:id',
  params: IdParamsSchema,
  response: OkSchema,
});

export const endMyOtherSessionsRoute = defineRoute({
  method: 'POST',
  path: '/api/auth/sessions/revoke-others',
  response: z.object({ ended: z.number().int() }),
});

export const listUsersRoute = defineRoute({
  method: 'GET',
  path: '/api/users',
  response: z.object({ items: z.array(UserSchema) }),
});

export const createUserRoute = defineRoute({
  method: 'POST',
  path: '/api/users',
  body: UserCreateSchema,
  response: UserSchema,
});

/** What an administrator may change on an account. */
export const UserPatchSchema = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  regions: z
    .array(z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО'))
    .max(89)
    .optional(),
  disabled: z.boolean().optional(),
  password: PasswordSchema.optional(),
  disableTotp: z
    .literal(true)
    .optional()
    .describe('Отключить второй фактор пользователя (потерян телефон)'),
  mustChangePassword: z
    .boolean()
    .optional()
    .describe('Потребовать смены пароля при следующем входе'),
});

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  path: '/api/users/:id',
  params: IdParamsSchema,
  body: UserPatchSchema,
  response: UserSchema,
});

export const unlockUserRoute = defineRoute({
  method: 'POST',
  path: '/api/users/:id/unlock',
  params: IdParamsSchema,
  response: z.object({ cleared: z.number().int() }),
});

export const userSessionsRoute = defineRoute({
  method: 'GET',
  path: '/api/users/:id/sessions',
  params: IdParamsSchema,
  response: SessionListSchema,
});

export const endUserSessionRoute = defineRoute({
  method: 'DELETE',
  path: '/api/users/:id/sessions/:sessionId',
  params: IdParamsSchema.extend({
    sessionId: z.coerce.number().int().min(1).max(2_147_483_647),
  }),
  response: OkSchema,
});

export const endUserSessionsRoute = defineRoute({
  method: 'DELETE',
  path: '/api/users/:id/sessions',
  params: IdParamsSchema,
  response: OkSchema,
});

export const auditRoute = defineRoute({
  method: 'GET',
  path: '/api/audit',
  query: AuditSearchQuerySchema,
  response: AuditSearchResultSchema,
});

export const auditExportRoute = defineRoute({
  method: 'GET',
  path: '/api/audit/export.csv',
  query: AuditSearchQuerySchema,
  response: z.string().describe('CSV, UTF-8 с BOM'),
});
