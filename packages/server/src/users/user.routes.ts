import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { ROLES, UserCreateSchema, UserSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { HttpError } from '../http/errors.ts';
import { createUser, listUsers, updateUser } from './user.service.ts';

const UserPatchSchema = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  regions: z
    .array(z.string().regex(/^\d{2,5}$/, 'Код региона — 2–5 цифр ОКАТО'))
    .max(89)
    .optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12, 'Пароль не короче 12 символов').max(1000).optional(),
});

export function userRoutes(app: AppInstance): void {
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
      if (request.viewer.user?.role !== 'administrator') {
        throw new HttpError(
          request.viewer.user ? 403 : 401,
          'forbidden',
          'Список пользователей доступен только администратору',
          'Only an administrator may list users',
        );
      }
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
    async (request, reply) => reply.status(201).send(await createUser(app.deps.db, request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'administrator' },
      schema: {
        tags: ['Доступ'],
        summary: 'Изменить роль, регионы, пароль или заблокировать',
        params: IdParamsSchema,
        body: UserPatchSchema,
        response: {
          200: UserSchema,
          400: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) => updateUser(app.deps.db, request.params.id, request.body),
  );
}
