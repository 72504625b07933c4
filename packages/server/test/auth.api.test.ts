import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { createUser } from '../src/users/user.service.ts';
import { signIn } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';

describe.each(databaseKinds())('accounts and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await createUser(t.app.deps.db, {
      email: 'editor@lipetsk.test',
      displayName: 'Редактор',
      role: 'regional_editor',
      regions: ['42'],
      password: 'очень-длинный-пароль',
    });
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('signs in with an HttpOnly, SameSite=Lax session cookie and returns a CSRF token', async () => {
    const res = await login('Editor@Lipetsk.test', 'очень-длинный-пароль');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'promatlas_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(res.json().user).toMatchObject({ role: 'regional_editor', regions: ['42'] });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { promatlas_session: cookie.value },
    });
    expect(me.json().user.email).toBe('editor@lipetsk.test');
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('stores the password as an argon2id hash', async () => {
    const row = await t.app.deps.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('email', '=', 'editor@lipetsk.test')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with the same message as an unknown account', async () => {
    const wrong = await login('editor@lipetsk.test', 'не тот пароль', '10.0.0.2');
    const unknown = await login('nobody@lipetsk.test', 'не тот пароль', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('rate-limits sign-in per account after five failures, even with the right password, and says when to retry', async () => {
    await createUser(t.app.deps.db, {
      email: 'target@test.ru',
      displayName: 'Цель',
      role: 'analyst',
      regions: [],
      password: 'правильный-пароль-1',
    });
    for (let i = 0; i < 5; i++)
      expect((await login('target@test.ru', `wrong-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login('target@test.ru', 'правильный-пароль-1', '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a state-changing request of a signed-in user without the CSRF token', async () => {
    const editor = await signIn(t.app, 'regional_editor', ['42']);
    const withToken = await editor.request('POST', '/api/people', { lastName: 'Иванов' });
    expect(withToken.status).toBe(201);
    const res = await login('editor@lipetsk.test', 'очень-длинный-пароль', '10.0.0.3');
    const cookie = res.cookies.find((c) => c.name === 'promatlas_session')!;
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: { lastName: 'Петров' },
      cookies: { promatlas_session: cookie.value },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf');
  });

  it('ends the session on sign-out', async () => {
    const res = await login('editor@lipetsk.test', 'очень-длинный-пароль', '10.0.0.4');
    const cookie = res.cookies.find((c) => c.name === 'promatlas_session')!;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { promatlas_session: cookie.value },
      headers: { 'x-csrf-token': res.json().csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { promatlas_session: cookie.value },
    });
    expect(me.json().user).toBeNull();
  });

  it('sends security headers: CSP without inline scripts, nosniff, frame-ancestors none', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets only an administrator create accounts', async () => {
    const admin = await signIn(t.app, 'administrator');
    const analyst = await signIn(t.app, 'analyst');
    const body = {
      email: 'new@test.ru',
      displayName: 'Новый',
      role: 'regional_editor',
      regions: ['68'],
      password: 'достаточно-длинный',
    };
    expect((await analyst.request('POST', '/api/users', body)).status).toBe(403);
    const created = await admin.request('POST', '/api/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'regional_editor', regions: ['68'] });
    expect(created.body).not.toHaveProperty('passwordHash');
    const noRegion = await admin.request<ErrorBody>('POST', '/api/users', {
      ...body,
      email: 'x@test.ru',
      regions: [],
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.error.fields![0]!.field).toBe('regions');
  });
});
