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
} from '@promatlas/core/api/accounts.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { UnauthenticatedError } from '../shared/domain-errors.ts';
import { IdParamsSchema } from '../registry/shared/params.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { toUser } from '../users/index.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { setDeviceCookie } from './known-device.ts';
import { LoginThrottle } from './login-limiter.ts';
import { changeOwnPassword } from './password-change.service.ts';
import { sessionInfo } from './session.presenter.ts';
import { deleteSession, listSessions, SESSION_DAYS } from './session.repository.ts';
import { revokeOtherOwnSessions, revokeOwnSession } from './session.service.ts';
import { signIn } from './sign-in.service.ts';
import { confirmTotpEnrolment, startTotpEnrolment, switchOffTotp } from './totp.service.ts';

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

const totpRequiredMessage = 'Введите код из приложения-аутентификатора';
/** The 401 bodies of a refused sign-in, by the reason's code. */
const SIGN_IN_REFUSED: Record<
  'unauthenticated' | 'totp_required' | 'totp_invalid',
  z.infer<typeof ErrorResponseSchema>
> = {
  unauthenticated: {
    error: {
      code: 'unauthenticated',
      message: 'Неверный адрес почты или пароль',
      messageEn: 'Wrong e-mail or password',
    },
  },
  totp_required: {
    error: {
      code: 'totp_required',
      message: totpRequiredMessage,
      messageEn: 'Enter the code from the authenticator app',
      fields: [
        {
          field: 'totpCode',
          message: totpRequiredMessage,
          messageEn: 'Enter the authenticator code',
        },
      ],
    },
  },
  totp_invalid: {
    error: {
      code: 'totp_invalid',
      message: 'Неверный код из приложения-аутентификатора',
      messageEn: 'Wrong authenticator code',
      fields: [{ field: 'totpCode', message: 'Неверный код', messageEn: 'Wrong code' }],
    },
  },
};

const secureCookie = (request: FastifyRequest) => request.protocol === 'https';

/** The signed-in user of a route with access 'signed_in' (the plugin has refused anyone else). */
function me(request: FastifyRequest) {
  const user = request.viewer.user;
  if (!user) throw new UnauthenticatedError();
  return user;
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
      const outcome = await signIn(app.deps.db, throttle, request, request.body);
      if (outcome.kind === 'throttled') return tooMany(reply, outcome.wait);
      if (outcome.kind === 'refused') return reply.status(401).send(SIGN_IN_REFUSED[outcome.code]);
      reply.setCookie(SESSION_COOKIE, outcome.session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(request),
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      if (outcome.deviceToken) setDeviceCookie(reply, outcome.deviceToken, secureCookie(request));
      return { user: toUser(outcome.account), csrfToken: outcome.session.csrfToken };
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
      const changed = await changeOwnPassword(
        app.deps.db,
        throttle,
        request,
        { userId: me(request).id, sessionHash: request.viewer.sessionHash },
        request.body,
      );
      if (changed.kind === 'throttled') return tooMany(reply, changed.wait);
      return { user: toUser(changed.value), csrfToken: request.viewer.csrfToken };
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
    async (request) => startTotpEnrolment(app.deps.db, me(request)),
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
      const updated = await confirmTotpEnrolment(
        app.deps.db,
        request,
        me(request).id,
        request.body.code,
      );
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
      const switched = await switchOffTotp(
        app.deps.db,
        throttle,
        request,
        me(request).id,
        request.body.password,
      );
      if (switched.kind === 'throttled') return tooMany(reply, switched.wait);
      return { user: toUser(switched.value), csrfToken: request.viewer.csrfToken };
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
      await revokeOwnSession(app.deps.db, request, me(request).id, request.params.id);
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
    async (request) => ({
      ended: await revokeOtherOwnSessions(
        app.deps.db,
        request,
        me(request).id,
        request.viewer.sessionHash,
      ),
    }),
  );
}
