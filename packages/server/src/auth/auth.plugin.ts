import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../http/app-instance.ts';
import { decide, type AccessRule } from './access.ts';
import { listRegionNames } from './account.repository.ts';
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
export const WHILE_PASSWORD_CHANGE = new Set([
  'GET /api/health',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
]);
/** What an administrator who must enrol a second factor may still call. */
export const WHILE_TOTP_ENROLMENT = new Set([
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
    for (const r of await listRegionNames(app.deps.db)) regionNames.set(r.code, r.name);
  };

  app.decorateRequest('viewer', null as unknown as Viewer);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (SAFE_METHODS.has(method)) continue;
      routeTable.push({ method, url: route.url, access: normaliseAccess(route.config?.access) });
    }
  });

  // Everything that does not need the body is decided in onRequest, before
  // Fastify reads and parses it: an anonymous or wrong-role request to a
  // state-changing route is refused without its body ever being buffered.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.viewer = PUBLIC_VIEWER;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(app.deps.db, token) : undefined;
    if (session) {
      await touchSession(app.deps.db, session.token_hash, session.last_seen_at);
      request.viewer = {
        user: {
          id: session.id,
          email: session.email,
          displayName: session.display_name,
          role: session.role as 'administrator',
          regions: session.regions,
          disabled: session.disabled,
          mustChangePassword: session.must_change_password,
          totpEnabled: session.totp_enabled,
        },
        sessionHash: session.token_hash,
        sessionId: session.session_id,
        csrfToken: session.csrf_token,
      };
    }
    // Unknown routes of any method reach the not-found handler (404), not an access decision.
    if (request.is404) return;
    const user = request.viewer.user;
    // Until the first-run password is changed (or, when required, a second
    // factor enrolled) the session may do nothing else, reads included.
    if (user && request.url.startsWith('/api/')) {
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
    }
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
    // Without regions (null) the decision is the role's alone: anonymous → 401, a role that can
    // never do this → 403; a regional editor passes here and is checked against the regions below.
    const decision = decide(request.viewer, rule, null, nameRegions);
    if (!decision.allowed)
      return deny(reply, decision.status, decision.messageRu, decision.messageEn);
  });

  // The regional check needs the parsed body and the record (the regions a change touches), so it
  // runs after validation — only for regional editors, whom onRequest has already let through.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || request.is404) return;
    const rule = normaliseAccess(request.routeOptions.config?.access);
    if (rule?.scope !== 'registry' || request.viewer.user?.role !== 'regional_editor') return;
    await loadRegionNames();
    const regions = await rule.regions(request, app.deps.db);
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
