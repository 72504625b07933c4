import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { LoginSchema, ViewerSchema } from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { LoginLimiter } from './login-limiter.ts';
import { verifyPassword } from './password.ts';
import { createSession, deleteSession, SESSION_DAYS } from './session.repository.ts';
import { findUserByEmail, toUser } from '../users/user.repository.ts';

// A fixed hash to verify against when the e-mail is unknown, so the answer
// takes as long as for a known account (no account enumeration by timing).
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AbZMmHyojfeywaOay3SDSA$Fb4NkDMGmZK6clc5eLGjKee7pYs/xUt7be+ei85F+UI';

export function authRoutes(app: AppInstance, limiter = new LoginLimiter()): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Доступ'],
        summary: 'Вход: ставит cookie сессии и возвращает CSRF-токен',
        body: LoginSchema,
        response: {
          200: ViewerSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const wait = limiter.retryAfter(email, request.ip);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return reply.status(429).send({
          error: {
            code: 'rate_limited',
            message: `Слишком много неудачных попыток входа. Повторите через ${Math.ceil(wait / 60)} мин.`,
            messageEn: `Too many failed sign-in attempts; retry in ${wait} s`,
          },
        });
      }
      const row = await findUserByEmail(app.deps.db, email);
      const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
      if (!row || !ok || row.disabled) {
        limiter.recordFailure(email, request.ip);
        return reply.status(401).send({
          error: {
            code: 'unauthenticated',
            message: 'Неверный адрес почты или пароль',
            messageEn: 'Wrong e-mail or password',
          },
        });
      }
      limiter.recordSuccess(email);
      const session = await createSession(app.deps.db, row.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      return { user: toUser(row), csrfToken: session.csrfToken };
    },
  );
  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Доступ'],
        summary: 'Выход: завершает сессию',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      if (request.viewer.sessionHash) await deleteSession(app.deps.db, request.viewer.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Текущий пользователь и CSRF-токен (user = null для читателя без входа)',
        response: { 200: ViewerSchema },
      },
    },
    async (request) => ({ user: request.viewer.user, csrfToken: request.viewer.csrfToken }),
  );
}
