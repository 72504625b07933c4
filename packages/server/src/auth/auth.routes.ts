import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  LoginSchema,
  PasswordChangeSchema,
  SessionListSchema,
  TotpCodeSchema,
  TotpEnrolmentSchema,
  ViewerSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import {
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../shared/domain-errors.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { recordSecurityEvent, userAgent } from '../audit/index.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { findKnownDevice, rememberDevice } from './known-device.ts';
import { accountKey, deviceKey, LoginThrottle } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  deleteSessionById,
  listSessions,
  SESSION_DAYS,
} from './session.repository.ts';
import { checkTotp, newTotpSecret, totpEnrolment, useTotpStep } from './totp.ts';
import { findUserByEmail, findUserById, toUser } from '../users/index.ts';

// A fixed hash to verify against when the e-mail is unknown, so the answer
// takes as long as for a known account (no account enumeration by timing).
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AbZMmHyojfeywaOay3SDSA$Fb4NkDMGmZK6clc5eLGjKee7pYs/xUt7be+ei85F+UI';

const OK = z.object({ ok: z.literal(true) });

function tooMany(reply: FastifyReply, wait: number) {
  reply.header('retry-after', String(wait));
  return reply.status(429).send({
    error: {
      code: 'rate_limited',
      message: `Слишком много неудачных попыток входа. Повторите через ${wait < 60 ? `${wait} с` : `${Math.ceil(wait / 60)} мин.`}`,
      messageEn: `Too many failed sign-in attempts; retry in ${wait} s`,
    },
  });
}

const secureCookie = (request: FastifyRequest) => request.protocol === 'https';

/** The signed-in user of a route with access 'signed_in' (the plugin has refused anyone else). */
function me(request: FastifyRequest) {
  const user = request.viewer.user;
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function sessionInfo(
  rows: Awaited<ReturnType<typeof listSessions>>,
  currentHash: string | null,
) {
  return rows.map((s) => ({
    id: s.id,
    createdAt: new Date(s.created_at).toISOString(),
    lastSeenAt: new Date(s.last_seen_at).toISOString(),
    ip: s.ip,
    userAgent: s.user_agent,
    current: s.token_hash === currentHash,
  }));
}

/**
 * The signed-in user's account once their password is confirmed. The password
 * is guessed no faster here than at sign-in: the attempt is reserved on the
 * account's limit first (`wait` > 0: retry later) and the limit is cleared
 * when it succeeds; a wrong password is a field error.
 */
async function confirmOwnPassword(
  app: AppInstance,
  throttle: LoginThrottle,
  request: FastifyRequest,
  given: { password: string; field: string; messageRu: string; messageEn: string },
): Promise<
  | { row: NonNullable<Awaited<ReturnType<typeof findUserById>>>; wait: 0 }
  | { row: null; wait: number }
> {
  const db = app.deps.db;
  const row = await findUserById(db, me(request).id);
  if (!row) throw new UnauthenticatedError();
  const wait = await throttle.reserveAccount(db, accountKey(row.email));
  if (wait > 0) return { row: null, wait };
  if (!(await verifyPassword(row.password_hash, given.password)))
    throw new ValidationError(given.messageRu, given.messageEn, {
      code: 'wrong_password',
      fields: [{ field: given.field, message: given.messageRu, messageEn: given.messageEn }],
    });
  await db.deleteFrom('login_throttle').where('key', '=', accountKey(row.email)).execute();
  return { row, wait: 0 };
}

export function authRoutes(app: AppInstance, throttle = new LoginThrottle()): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Доступ'],
        summary: 'Вход: ставит cookie сессии и возвращает CSRF-токен',
        description:
          'Попытка резервируется до проверки пароля: не более 20 неудач с одного адреса за 15 минут; ' +
          'для учётной записи после 5 неудач — растущие задержки (браузер, уже входивший в эту учётную ' +
          'запись, их не ждёт). С включённым вторым фактором без totpCode отвечает 401 totp_required.',
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
      const db = app.deps.db;
      const { email, password, totpCode } = request.body;
      const addressWait = await throttle.reserveAddress(db, request.ip);
      if (addressWait > 0) {
        await recordSecurityEvent(db, request, {
          action: 'sign_in_throttled',
          email,
          details: { limit: 'address', retryAfter: addressWait },
        });
        return tooMany(reply, addressWait);
      }
      const row = await findUserByEmail(db, email);
      const device = row ? await findKnownDevice(db, request, row.id) : null;
      const key = device ? deviceKey(device) : accountKey(email);
      const accountWait = await throttle.reserveAccount(db, key);
      if (accountWait > 0) {
        await recordSecurityEvent(db, request, {
          action: 'sign_in_throttled',
          subjectId: row?.id,
          email,
          details: { limit: device ? 'known_device' : 'account', retryAfter: accountWait },
        });
        return tooMany(reply, accountWait);
      }
      const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
      if (!row || !ok || row.disabled) {
        await recordSecurityEvent(db, request, {
          action: 'sign_in_failed',
          subjectId: row?.id,
          email,
          details: { reason: row?.disabled && ok ? 'disabled' : 'password' },
        });
        return reply.status(401).send({
          error: {
            code: 'unauthenticated',
            message: 'Неверный адрес почты или пароль',
            messageEn: 'Wrong e-mail or password',
          },
        });
      }
      if (row.totp_enabled && row.totp_secret) {
        // The attempt stays counted until the code is right, so codes cannot be guessed faster than passwords.
        if (!totpCode)
          return reply.status(401).send({
            error: {
              code: 'totp_required',
              message: 'Введите код из приложения-аутентификатора',
              messageEn: 'Enter the code from the authenticator app',
              fields: [
                {
                  field: 'totpCode',
                  message: 'Введите код из приложения-аутентификатора',
                  messageEn: 'Enter the authenticator code',
                },
              ],
            },
          });
        const step = checkTotp(
          row.totp_secret,
          row.email,
          totpCode,
          row.totp_last_step === null ? null : Number(row.totp_last_step),
        );
        if (step === null || !(await useTotpStep(db, row.id, step))) {
          await recordSecurityEvent(db, request, {
            action: 'sign_in_failed',
            subjectId: row.id,
            email,
            details: { reason: 'totp' },
          });
          return reply.status(401).send({
            error: {
              code: 'totp_invalid',
              message: 'Неверный код из приложения-аутентификатора',
              messageEn: 'Wrong authenticator code',
              fields: [
                {
                  field: 'totpCode',
                  message: 'Неверный код',
                  messageEn: 'Wrong code',
                },
              ],
            },
          });
        }
      }
      await throttle.succeeded(db, request.ip, key);
      const session = await createSession(db, row.id, {
        ip: request.ip,
        userAgent: userAgent(request),
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(request),
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      await rememberDevice(db, reply, row.id, device, secureCookie(request));
      await recordSecurityEvent(db, request, {
        action: 'sign_in',
        actorId: row.id,
        subjectId: row.id,
        email: row.email,
        details: { knownDevice: device !== null, totp: row.totp_enabled },
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
        response: { 200: OK },
      },
    },
    async (request, reply) => {
      if (request.viewer.sessionHash) {
        await deleteSession(app.deps.db, request.viewer.sessionHash);
        await recordSecurityEvent(app.deps.db, request, {
          action: 'sign_out',
          actorId: request.viewer.user?.id,
          subjectId: request.viewer.user?.id,
        });
      }
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
    async (request) => ({
      user: request.viewer.user,
      csrfToken: request.viewer.csrfToken,
      totpRequired: Boolean(
        app.deps.security?.totpRequiredForAdministrators &&
        request.viewer.user?.role === 'administrator' &&
        !request.viewer.user.totpEnabled,
      ),
    }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Сменить свой пароль (другие сессии завершаются)',
        body: PasswordChangeSchema,
        response: {
          200: ViewerSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const db = app.deps.db;
      const confirmed = await confirmOwnPassword(app, throttle, request, {
        password: request.body.currentPassword,
        field: 'currentPassword',
        messageRu: 'Неверный текущий пароль',
        messageEn: 'Wrong current password',
      });
      if (!confirmed.row) return tooMany(reply, confirmed.wait);
      const row = confirmed.row;
      const { newPassword } = request.body;
      if (newPassword === request.body.currentPassword)
        throw new ValidationError(
          'Новый пароль совпадает с текущим',
          'The new password equals the current one',
          {
            fields: [
              {
                field: 'newPassword',
                message: 'Новый пароль совпадает с текущим',
                messageEn: 'Same as the current password',
              },
            ],
          },
        );
      await assertPasswordAcceptable(
        newPassword,
        { email: row.email, displayName: row.display_name },
        'newPassword',
      );
      const updated = await db
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(newPassword),
          must_change_password: false,
          password_changed_at: new Date(),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const ended = await deleteOtherSessions(db, row.id, request.viewer.sessionHash ?? '');
      await recordSecurityEvent(db, request, {
        action: 'password_changed',
        actorId: row.id,
        subjectId: row.id,
        email: row.email,
        details: { otherSessionsEnded: ended, wasFirstRun: row.must_change_password },
      });
      return { user: toUser(updated), csrfToken: request.viewer.csrfToken };
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Начать подключение второго фактора: новый секрет, otpauth URI и QR-код',
        response: { 200: TotpEnrolmentSchema, 401: ErrorResponseSchema, 409: ErrorResponseSchema },
      },
    },
    async (request) => {
      const user = me(request);
      if (user.totpEnabled)
        throw new ConflictError(
          'Второй фактор уже подключён: сначала отключите его',
          'TOTP is already enabled',
          { code: 'totp_enabled' },
        );
      const secret = newTotpSecret();
      await app.deps.db
        .updateTable('app_user')
        .set({ totp_secret: secret })
        .where('id', '=', user.id)
        .execute();
      return totpEnrolment(secret, user.email);
    },
  );
  app.post(
    '/api/auth/totp/confirm',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Подтвердить второй фактор кодом из приложения — после этого вход спрашивает код',
        body: TotpCodeSchema,
        response: {
          200: ViewerSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const user = me(request);
      const row = await findUserById(app.deps.db, user.id);
      if (!row?.totp_secret || row.totp_enabled)
        throw new ConflictError(
          'Сначала начните подключение второго фактора',
          'Start the TOTP enrolment first',
          { code: 'totp_not_enrolling' },
        );
      const step = checkTotp(row.totp_secret, row.email, request.body.code);
      if (step === null)
        throw new ValidationError('Неверный код из приложения', 'Wrong authenticator code', {
          code: 'totp_invalid',
          fields: [
            { field: 'code', message: 'Неверный код из приложения', messageEn: 'Wrong code' },
          ],
        });
      const updated = await app.deps.db
        .updateTable('app_user')
        .set({ totp_enabled: true, totp_last_step: step })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordSecurityEvent(app.deps.db, request, {
        action: 'totp_enabled',
        actorId: row.id,
        subjectId: row.id,
        email: row.email,
      });
      return { user: toUser(updated), csrfToken: request.viewer.csrfToken };
    },
  );
  app.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Отключить свой второй фактор (нужен текущий пароль)',
        body: z.object({ password: z.string().min(1, 'Введите пароль').max(1000) }),
        response: {
          200: ViewerSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const db = app.deps.db;
      const confirmed = await confirmOwnPassword(app, throttle, request, {
        password: request.body.password,
        field: 'password',
        messageRu: 'Неверный пароль',
        messageEn: 'Wrong password',
      });
      if (!confirmed.row) return tooMany(reply, confirmed.wait);
      const row = confirmed.row;
      const updated = await db
        .updateTable('app_user')
        .set({ totp_enabled: false, totp_secret: null, totp_last_step: null })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (row.totp_enabled)
        await recordSecurityEvent(db, request, {
          action: 'totp_disabled',
          actorId: row.id,
          subjectId: row.id,
          email: row.email,
        });
      return { user: toUser(updated), csrfToken: request.viewer.csrfToken };
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['Доступ'],
        summary: 'Мои открытые сессии: когда начаты и последний раз видны, адрес, браузер',
        response: { 200: SessionListSchema, 401: ErrorResponseSchema },
      },
    },
    async (request) => {
      const user = me(request);
      return {
        items: sessionInfo(await listSessions(app.deps.db, user.id), request.viewer.sessionHash),
      };
    },
  );
  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Завершить одну из своих сессий',
        params: IdParamsSchema,
        response: { 200: OK, 401: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request) => {
      const user = me(request);
      if (!(await deleteSessionById(app.deps.db, user.id, request.params.id)))
        throw new NotFoundError({
          ru: `Сессия ${request.params.id} не найдена`,
          en: `Session ${request.params.id} not found`,
        });
      await recordSecurityEvent(app.deps.db, request, {
        action: 'session_revoked',
        actorId: user.id,
        subjectId: user.id,
        details: { sessionId: request.params.id },
      });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/auth/sessions/revoke-others',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['Доступ'],
        summary: 'Завершить все свои сессии, кроме этой',
        response: { 200: z.object({ ended: z.number().int() }), 401: ErrorResponseSchema },
      },
    },
    async (request) => {
      const user = me(request);
      const ended = await deleteOtherSessions(
        app.deps.db,
        user.id,
        request.viewer.sessionHash ?? '',
      );
      await recordSecurityEvent(app.deps.db, request, {
        action: 'session_revoked',
        actorId: user.id,
        subjectId: user.id,
        details: { allOthers: true, ended },
      });
      return { ended };
    },
  );
}
