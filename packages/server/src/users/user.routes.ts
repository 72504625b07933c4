import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  PasswordSchema,
  ROLES,
  SessionListSchema,
  UserCreateSchema,
  UserSchema,
} from '@promatlas/core/api/accounts.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/domain-errors.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { accountKey, deviceKey, LoginThrottle } from '../auth/index.ts';
import { knownDeviceKeys } from '../auth/index.ts';
import { deleteSessionById, deleteUserSessions, listSessions } from '../auth/index.ts';
import { sessionInfo } from '../auth/index.ts';
import { createUser, listUsers, updateUser } from './user.service.ts';
import { findUserById } from './user.repository.ts';

const UserPatchSchema = z.object({
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

/** Reads (GET) are not covered by the access rules of state-changing routes: checked here. */
export function requireAdministrator(request: FastifyRequest, what = 'Это'): void {
  if (request.viewer.user?.role !== 'administrator') {
    const message = [
      `${what} доступно только администратору`,
      'Only an administrator may do this',
    ] as const;
    throw request.viewer.user
      ? new ForbiddenError(...message)
      : new UnauthenticatedError(...message, { code: 'forbidden' });
  }
}

const context = (request: FastifyRequest) => ({
  actorId: request.viewer.user?.id ?? null,
  request,
});

async function existingUser(app: AppInstance, id: number) {
  const row = await findUserById(app.deps.db, id);
  if (!row)
    throw new NotFoundError({ ru: `Пользователь ${id} не найден`, en: `User ${id} not found` });
  return row;
}

export function userRoutes(app: AppInstance, throttle = new LoginThrottle()): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Учётные записи (только администратор)',
        response: {
          200: z.object({ items: z.array(UserSchema) }),
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      requireAdministrator(request, 'Список пользователей');
      return { items: await listUsers(app.deps.db) };
    },
  );
  app.post(
    '/api/users',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Создать учётную запись с ролью и регионами',
        body: UserCreateSchema,
        response: {
          201: UserSchema,
          400: ErrorResponseSchema,
          403: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(app.deps.db, request.body, context(request))),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Изменить роль, регионы, пароль или заблокировать',
        description:
          'Последнего действующего администратора нельзя заблокировать или лишить роли (409 last_administrator).',
        params: IdParamsSchema,
        body: UserPatchSchema,
        response: {
          200: UserSchema,
          400: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
    },
    async (request) => updateUser(app.deps.db, request.params.id, request.body, context(request)),
  );
  app.post(
    '/api/users/:id/unlock',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Снять задержки входа для учётной записи (после чужих неудачных попыток)',
        params: IdParamsSchema,
        response: {
          200: z.object({ cleared: z.number().int() }),
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const row = await existingUser(app, request.params.id);
      const keys = [
        accountKey(row.email),
        ...(await knownDeviceKeys(app.deps.db, row.id)).map(deviceKey),
      ];
      const cleared = await throttle.unlock(app.deps.db, keys);
      await recordSecurityEvent(app.deps.db, request, {
        action: 'account_unlocked',
        actorId: request.viewer.user?.id,
        subjectId: row.id,
        email: row.email,
      });
      return { cleared };
    },
  );
  app.get(
    '/api/users/:id/sessions',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Открытые сессии пользователя (только администратор)',
        params: IdParamsSchema,
        response: {
          200: SessionListSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      requireAdministrator(request, 'Список сессий пользователя');
      const row = await existingUser(app, request.params.id);
      return {
        items: sessionInfo(await listSessions(app.deps.db, row.id), request.viewer.sessionHash),
      };
    },
  );
  app.delete(
    '/api/users/:id/sessions/:sessionId',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Завершить сессию пользователя',
        params: IdParamsSchema.extend({
          sessionId: z.coerce.number().int().min(1).max(2_147_483_647),
        }),
        response: {
          200: z.object({ ok: z.literal(true) }),
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const row = await existingUser(app, request.params.id);
      if (!(await deleteSessionById(app.deps.db, row.id, request.params.sessionId)))
        throw new NotFoundError({
          ru: `Сессия ${request.params.sessionId} не найдена`,
          en: `Session ${request.params.sessionId} not found`,
        });
      await recordSecurityEvent(app.deps.db, request, {
        action: 'session_revoked',
        actorId: request.viewer.user?.id,
        subjectId: row.id,
        email: row.email,
        details: { sessionId: request.params.sessionId },
      });
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/users/:id/sessions',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Завершить все сессии пользователя',
        params: IdParamsSchema,
        response: {
          200: z.object({ ok: z.literal(true) }),
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const row = await existingUser(app, request.params.id);
      await deleteUserSessions(app.deps.db, row.id);
      await recordSecurityEvent(app.deps.db, request, {
        action: 'session_revoked',
        actorId: request.viewer.user?.id,
        subjectId: row.id,
        email: row.email,
        details: { all: true },
      });
      return { ok: true as const };
    },
  );
}
