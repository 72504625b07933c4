import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../http/app-instance.ts';
import { decide, type AccessRule } from './access.ts';
import { findSession, touchSession } from './session.repository.ts';
import { PUBLIC_VIEWER, type Viewer } from './viewer.ts';

export const SESSION_COOKIE = 'promatlas_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Shorthands accepted in route options: `config: { access: 'analytics' }`. */
export type AccessOption = AccessRule | 'public' | 'signed_in' | 'administrator' | 'analytics';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
  interface FastifyContextConfig {
    access?: AccessOption;
  }
}

export function normaliseAccess(option: AccessOption | undefined): AccessRule | undefined {
  if (option === undefined) return undefined;
  return typeof option === 'string' ? { scope: option } : option;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user who must change the first-run password may still call. */
const WHILE_PASSWORD_CHANGE = new Set([
  'GET /api/health',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
]);
/** What an administrator who must enrol a second factor may still call. */
const WHILE_TOTP_ENROLMENT = new Set([
  ...WHILE_PASSWORD_CHANGE,
  'POST /api/auth/totp/enrol',
  'POST /api/auth/totp/confirm',
]);

/** State-changing routes seen at registration, with their access rules (for the authorisation matrix test). */
export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule | undefined;
}

/**
 * Sessions (HttpOnly, SameSite=Lax, Secure behind HTTPS cookie), CSRF token
 * check on every state-changing request of a signed-in user, access rules per
 * route, and security headers (CSP without inline scripts, nosniff,
 * frame-ancestors 'none').
 */
export async function registerAuth(app: AppInstance, routeTable: RouteAccess[]): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Served over plain HTTP on a laptop too: HSTS only makes sense behind a TLS proxy.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

  const regionNames = new Map<string, string>();
  const nameRegions = (codes: string[]) => codes.map((c) => regionNames.get(c) ?? c).join(', ');
  const loadRegionNames = async () => {
    if (regionNames.size) return;
    for (const r of await app.deps.db.selectFrom('region').select(['code', 'name']).execute())
      regionNames.set(r.code, r.name);
  };

  app.decorateRequest('viewer', null as unknown as Viewer);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (SAFE_METHODS.has(method)) continue;
      routeTable.push({ method, url: route.url, access: normaliseAccess(route.config?.access) });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.viewer = PUBLIC_VIEWER;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(app.deps.db, token);
    if (!session) return;
    await touchSession(app.deps.db, session.token_hash, session.last_seen_at);
    const user = {
      id: session.id,
      email: session.email,
      displayName: session.display_name,
      role: session.role as 'administrator',
      regions: session.regions,
      disabled: session.disabled,
      mustChangePassword: session.must_change_password,
      totpEnabled: session.totp_enabled,
    };
    request.viewer = {
      user,
      sessionHash: session.token_hash,
      sessionId: session.session_id,
      csrfToken: session.csrf_token,
    };
    // Until the first-run password is changed (or, when required, a second
    // factor enrolled) the session may do nothing else, reads included.
    if (!request.url.startsWith('/api/')) return;
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    if (user.mustChangePassword && !WHILE_PASSWORD_CHANGE.has(route))
      return deny(
        reply,
        403,
        'Смените пароль, выданный при установке: до этого другие действия недоступны',
        'Change the first-run password before doing anything else',
        'password_change_required',
      );
    if (
      app.deps.security?.totpRequiredForAdministrators &&
      user.role === 'administrator' &&
      !user.totpEnabled &&
      !WHILE_TOTP_ENROLMENT.has(route)
    )
      return deny(
        reply,
        403,
        'Администратору нужен второй фактор: подключите приложение-аутентификатор (TOTP)',
        'An administrator must enrol a second factor (TOTP) first',
        'totp_enrolment_required',
      );
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const rule = normaliseAccess(request.routeOptions.config?.access);
    if (!rule) {
      // A state-changing route without an access rule is for administrators
      // only; the authorisation-matrix test fails until it declares one.
      const decision = decide(request.viewer, { scope: 'administrator' }, null, nameRegions);
      if (!decision.allowed)
        return deny(reply, decision.status, decision.messageRu, decision.messageEn);
      return;
    }
    if (request.viewer.user && request.headers[CSRF_HEADER] !== request.viewer.csrfToken) {
      return deny(
        reply,
        403,
        'Запрос отклонён: нет или неверен CSRF-токен (обновите страницу)',
        'Missing or wrong CSRF token',
        'csrf',
      );
    }
    const editor = rule.scope === 'registry' && request.viewer.user?.role === 'regional_editor';
    if (editor) await loadRegionNames();
    const regions = editor ? await rule.regions(request, app.deps.db) : null;
    const decision = decide(request.viewer, rule, regions, nameRegions);
    if (!decision.allowed)
      return deny(reply, decision.status, decision.messageRu, decision.messageEn);
  });
}

function deny(
  reply: FastifyReply,
  status: number,
  messageRu: string,
  messageEn: string,
  code?: string,
) {
  return reply.status(status).send({
    error: {
      code: code ?? (status === 401 ? 'unauthenticated' : 'forbidden'),
      message: messageRu,
      messageEn,
    },
  });
}
