import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn } from './sessions.ts';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { createUser, ensureFirstAdministrator } from '../src/users/user.service.ts';
import { ValidationError } from '../src/shared/domain-errors.ts';
import { handOverFirstPassword } from '../src/users/first-password-file.ts';
import { parseConfig } from '../src/config/config.ts';
import type { AuditSearchResult, ErrorBody, SessionList, User, Viewer } from './api-types.ts';

const GOOD = 'лиловый-сокол-над-рекой';
let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}.${++seq}`;

interface Attempt {
  email: string;
  password: string;
  ip?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  totpCode?: string;
}

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

describe.each(databaseKinds())('sign-in that holds on %s', (kind) => {
  let t: TestApp;
  /** The same database behind a reverse proxy at 127.0.0.1 (PROMATLAS_TRUSTED_PROXIES=127.0.0.1). */
  let proxied: AppInstance;
  /** The same database with PROMATLAS_TOTP_REQUIRED_FOR_ADMINISTRATORS=true. */
  let totpRequired: AppInstance;
  let first: { email: string; password: string } | null;

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Before any other account exists, as on a fresh install.
    first = await ensureFirstAdministrator(t.app.deps.db);
    proxied = await buildApp({
      deps: {
        db: t.app.deps.db,
        databaseKind: t.database.kind,
        security: { trustedProxies: ['127.0.0.1'], totpRequiredForAdministrators: false },
      },
    });
    totpRequired = await buildApp({
      deps: {
        db: t.app.deps.db,
        databaseKind: t.database.kind,
        security: { trustedProxies: [], totpRequiredForAdministrators: true },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await proxied?.close();
    await totpRequired?.close();
    await t?.close();
  });

  const login = (a: Attempt, app: AppInstance = t.app) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: a.email,
        password: a.password,
        ...(a.totpCode ? { totpCode: a.totpCode } : {}),
      },
      remoteAddress: a.ip ?? '10.0.0.1',
      headers: a.headers ?? {},
      cookies: a.cookies ?? {},
    });

  const account = async (role: 'administrator' | 'analyst' = 'analyst') => {
    const email = `u${uniq()}@signin.test`;
    const user = await createUser(t.app.deps.db, {
      email,
      displayName: 'Проверка входа',
      role,
      regions: [],
      password: GOOD,
    });
    return { ...user, password: GOOD };
  };

  /** A signed-in session: cookie and CSRF token, as the web app holds them. */
  const session = async (a: Attempt, app: AppInstance = t.app) => {
    const res = await login(a, app);
    expect(res.statusCode, res.body).toBe(200);
    const token = cookieOf(res, 'promatlas_session')!;
    const csrf = res.json().csrfToken as string;
    const call = (method: string, url: string, payload?: object, ip = a.ip ?? '10.0.0.1') =>
      app.inject({
        method: method as 'GET',
        url,
        remoteAddress: ip,
        cookies: { promatlas_session: token },
        headers: { 'x-csrf-token': csrf, 'user-agent': a.headers?.['user-agent'] ?? 'vitest' },
        ...(payload ? { payload } : {}),
      });
    return { res, token, csrf, call, device: cookieOf(res, 'promatlas_device') };
  };

  it('makes the first administrator change the first-run password before anything else', async () => {
    expect(first).not.toBeNull();
    const s = await session({ email: first!.email, password: first!.password, ip: '10.20.0.1' });
    expect(s.res.json().user.mustChangePassword).toBe(true);
    for (const url of ['/api/organisations', '/api/users', '/api/audit']) {
      const res = await s.call('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('password_change_required');
      expect(res.json().error.message).toMatch(/Смените пароль/);
    }
    const create = await s.call('POST', '/api/people', { lastName: 'Иванов' });
    expect(create.statusCode).toBe(403);
    expect((await s.call('GET', '/api/auth/me')).json().user.email).toBe(first!.email);
    const weak = await s.call('POST', '/api/auth/password', {
      currentPassword: first!.password,
      newPassword: 'aaaaaaaaaaaa',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('newPassword');
    const changed = await s.call('POST', '/api/auth/password', {
      currentPassword: first!.password,
      newPassword: GOOD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await s.call('GET', '/api/users')).statusCode).toBe(200);
    expect(
      (await login({ email: first!.email, password: first!.password, ip: '10.20.0.2' })).statusCode,
    ).toBe(401);
  });

  it('writes the first-run password to an owner-only file in the data directory, never to standard output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-first-'));
    const log = vi.spyOn(console, 'log');
    try {
      const server = {
        firstAdministrator: { email: 'admin@promatlas.local', password: 'Zt5_kq9LmPw2x-секрет' },
        connection: { db: t.app.deps.db },
      } as unknown as Parameters<typeof handOverFirstPassword>[1];
      const file = await handOverFirstPassword(dir, server);
      expect(file).toBe(path.join(dir, 'first-administrator-password.txt'));
      expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file!, 'utf8')).toContain('Zt5_kq9LmPw2x-секрет');
      expect(log.mock.calls.flat().join(' ')).not.toContain('Zt5_kq9LmPw2x');
      // A later start, once no administrator has a first-run password left, removes the file.
      await t.app.deps.db
        .updateTable('app_user')
        .set({ must_change_password: false })
        .where('role', '=', 'administrator')
        .execute();
      await handOverFirstPassword(dir, { ...server, firstAdministrator: null } as typeof server);
      expect(fs.existsSync(file!)).toBe(false);
    } finally {
      log.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reserves the attempt before the password check: of 200 parallel guesses from one address only 20 are checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login({
          email: `guess${i}.${uniq()}@signin.test`,
          password: `guess-${i}`,
          ip: '10.66.0.1',
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(180);
    const failures = await t.app.deps.db
      .selectFrom('security_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'sign_in_failed')
      .where('ip', '=', '10.66.0.1')
      .executeTakeFirstOrThrow();
    expect(Number(failures.n)).toBe(20);
  }, 120_000);

  it('checks only five of 200 parallel guesses at one account from 200 addresses', async () => {
    const target = await account();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        login({ email: target.email, password: `guess-${i}`, ip: `10.67.${i >> 8}.${i & 255}` }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
  }, 120_000);

  it("does not let an attacker's five wrong passwords stop the administrator signing in from their known browser, and still limits the attacker", async () => {
    const admin = await account('administrator');
    const known = await session({ email: admin.email, password: admin.password, ip: '10.30.0.1' });
    expect(known.device).toBeTruthy();
    for (let i = 0; i < 5; i++)
      expect(
        (await login({ email: admin.email, password: `wrong-${i}`, ip: '10.31.0.1' })).statusCode,
      ).toBe(401);
    // The attacker, even with the right password, now waits (a growing delay, not a lock).
    const delayed = await login({ email: admin.email, password: admin.password, ip: '10.31.0.1' });
    expect(delayed.statusCode).toBe(429);
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThan(0);
    // The administrator's browser is known: it signs in at once.
    const again = await login({
      email: admin.email,
      password: admin.password,
      ip: '10.30.0.1',
      cookies: { promatlas_device: known.device! },
    });
    expect(again.statusCode).toBe(200);
    // A known browser of another account gives nothing to the attacker.
    const other = await account();
    const otherSession = await session({
      email: other.email,
      password: other.password,
      ip: '10.31.0.1',
    });
    const borrowed = await login({
      email: admin.email,
      password: admin.password,
      ip: '10.31.0.1',
      cookies: { promatlas_device: otherSession.device! },
    });
    expect(borrowed.statusCode).toBe(429);
    // The hard per-address limit still applies to the attacker's address.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        (await login({ email: `x${i}.${uniq()}@signin.test`, password: 'x', ip: '10.31.0.1' }))
          .statusCode,
      );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(15);
  });

  it('gives a successful sign-in back only its own reservation: signing in between guesses does not reset the address limit, and many sign-ins from one office address pass', async () => {
    const insider = await account();
    const ip = '10.90.0.1';
    const guesses: number[] = [];
    for (let i = 0; i < 22; i++) {
      await login({ email: insider.email, password: insider.password, ip });
      guesses.push(
        (await login({ email: `g${i}.${uniq()}@signin.test`, password: 'x', ip })).statusCode,
      );
    }
    expect(guesses.filter((s) => s === 401)).toHaveLength(20);
    expect(guesses.slice(20)).toEqual([429, 429]);
    const office = await account();
    for (let i = 0; i < 30; i++)
      expect(
        (await login({ email: office.email, password: office.password, ip: '10.91.0.1' }))
          .statusCode,
      ).toBe(200);
  }, 120_000);

  it('lets an administrator lift the delay of an account, recorded as a security event', async () => {
    const admin = await signIn(t.app, 'administrator');
    const target = await account();
    for (let i = 0; i < 5; i++)
      await login({ email: target.email, password: `wrong-${i}`, ip: `10.40.0.${i}` });
    expect(
      (await login({ email: target.email, password: target.password, ip: '10.40.1.1' })).statusCode,
    ).toBe(429);
    const analyst = await signIn(t.app, 'analyst');
    expect((await analyst.request('POST', `/api/users/${target.id}/unlock`)).status).toBe(403);
    const unlocked = await admin.request<{ cleared: number }>(
      'POST',
      `/api/users/${target.id}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.cleared).toBeGreaterThan(0);
    expect(
      (await login({ email: target.email, password: target.password, ip: '10.40.1.1' })).statusCode,
    ).toBe(200);
    const events = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?trail=security&userId=${target.id}`,
    );
    const actions = events.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account_unlocked',
        'sign_in_throttled',
        'sign_in_failed',
        'sign_in',
      ]),
    );
  });

  it('behind a trusted proxy, 20 failures from one forwarded address do not block another forwarded address', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 20; i++)
      expect(
        (
          await login(
            {
              email: `p${i}.${uniq()}@signin.test`,
              password: 'x',
              ip: '127.0.0.1',
              headers: from('203.0.113.5'),
            },
            proxied,
          )
        ).statusCode,
      ).toBe(401);
    const blocked = await login(
      {
        email: `p.${uniq()}@signin.test`,
        password: 'x',
        ip: '127.0.0.1',
        headers: from('203.0.113.5'),
      },
      proxied,
    );
    expect(blocked.statusCode).toBe(429);
    const neighbour = await login(
      {
        email: `p.${uniq()}@signin.test`,
        password: 'x',
        ip: '127.0.0.1',
        headers: from('203.0.113.6'),
      },
      proxied,
    );
    expect(neighbour.statusCode).toBe(401);
  });

  it("ignores an untrusted peer's X-Forwarded-For: its failures count against the peer's own address", async () => {
    for (let i = 0; i < 20; i++)
      await login({
        email: `q${i}.${uniq()}@signin.test`,
        password: 'x',
        ip: '10.50.0.1',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
    const spoofed = await login({
      email: `q.${uniq()}@signin.test`,
      password: 'x',
      ip: '10.50.0.1',
      headers: { 'x-forwarded-for': '198.51.100.200' },
    });
    expect(spoofed.statusCode).toBe(429);
  });

  it('sets a Secure session cookie when a trusted proxy says the request came over TLS, and only then', async () => {
    const user = await account();
    const viaTls = await login(
      {
        email: user.email,
        password: user.password,
        ip: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      },
      proxied,
    );
    expect(viaTls.statusCode).toBe(200);
    expect(viaTls.cookies.find((c) => c.name === 'promatlas_session')!.secure).toBe(true);
    expect(viaTls.cookies.find((c) => c.name === 'promatlas_device')!.secure).toBe(true);
    const untrusted = await login({
      email: user.email,
      password: user.password,
      ip: '10.51.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(untrusted.statusCode).toBe(200);
    expect(untrusted.cookies.find((c) => c.name === 'promatlas_session')!.secure).toBeFalsy();
  });

  it('refuses weak passwords field by field in Russian and English: too short, one repeated character, the e-mail, common, too simple', async () => {
    const admin = await signIn(t.app, 'administrator');
    const body = (password: string, email = `newcomer.${uniq()}@signin.test`) => ({
      email,
      displayName: 'Новичок',
      role: 'analyst',
      password,
    });
    for (const [password, problem, email] of [
      ['короткий', /12/],
      ['aaaaaaaaaaaa', /одного повторяющегося символа/],
      ['newcomer-signin-2026', /адрес электронной почты/, 'newcomer-signin@signin.test'],
      ['password1234', /распространённых|простой/],
      ['qwertyuiop12', /распространённых|простой/],
      ['1234567890ab', /распространённых|простой/],
    ] as const) {
      const res = await admin.request<ErrorBody>('POST', '/api/users', body(password, email));
      expect(res.status, password).toBe(400);
      const field = res.body.error.fields![0]!;
      expect(field.field).toBe('password');
      expect(field.message, password).toMatch(problem);
      expect(field.messageEn).toMatch(/[a-z]/);
    }
    expect((await admin.request('POST', '/api/users', body(GOOD))).status).toBe(201);
    // The command line (`users add`) goes through the same service.
    await expect(
      createUser(t.app.deps.db, { ...body('aaaaaaaaaaaa'), role: 'analyst', regions: [] }),
    ).rejects.toBeInstanceOf(ValidationError);
    // So does an administrator's password reset.
    const target = await account();
    const reset = await admin.request('PATCH', `/api/users/${target.id}`, {
      password: 'aaaaaaaaaaaa',
    });
    expect(reset.status).toBe(400);
  });

  it('refuses to disable or demote the last active administrator with 409', async () => {
    const last = await signIn(t.app, 'administrator');
    const me = (await last.request<Viewer>('GET', '/api/auth/me')).body.user!;
    const others = await t.app.deps.db
      .updateTable('app_user')
      .set({ disabled: true })
      .where('role', '=', 'administrator')
      .where('id', '<>', me.id)
      .where('disabled', '=', false)
      .returning('id')
      .execute();
    try {
      const disable = await last.request<ErrorBody>('PATCH', `/api/users/${me.id}`, {
        disabled: true,
      });
      expect(disable.status).toBe(409);
      expect(disable.body.error.code).toBe('last_administrator');
      expect(disable.body.error.message).toMatch(/последний/);
      const demote = await last.request('PATCH', `/api/users/${me.id}`, { role: 'analyst' });
      expect(demote.status).toBe(409);
      // With a second active administrator it is allowed.
      await t.app.deps.db
        .updateTable('app_user')
        .set({ disabled: false })
        .where('id', '=', others[0]!.id)
        .execute();
      const second = await account('administrator');
      expect(
        (await last.request('PATCH', `/api/users/${second.id}`, { role: 'analyst' })).status,
      ).toBe(200);
    } finally {
      if (others.length)
        await t.app.deps.db
          .updateTable('app_user')
          .set({ disabled: false })
          .where(
            'id',
            'in',
            others.map((o) => o.id),
          )
          .execute();
    }
  });

  it('asks for a TOTP code at sign-in once the second factor is confirmed', async () => {
    const user = await account();
    const s = await session({ email: user.email, password: user.password, ip: '10.60.0.1' });
    const enrol = await s.call('POST', '/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().uri).toMatch(/^otpauth:\/\/totp\/PromAtlas:/);
    expect(enrol.json().qrSvg).toMatch(/^<svg/);
    const totp = new TOTP({
      secret: Secret.fromBase32(enrol.json().secret),
      digits: 6,
      period: 30,
    });
    const wrongCode = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, '0');
    expect((await s.call('POST', '/api/auth/totp/confirm', { code: wrongCode })).statusCode).toBe(
      400,
    );
    const confirmed = await s.call('POST', '/api/auth/totp/confirm', { code: totp.generate() });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().user.totpEnabled).toBe(true);
    const noCode = await login({ email: user.email, password: user.password, ip: '10.60.0.2' });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    const bad = await login({
      email: user.email,
      password: user.password,
      ip: '10.60.0.2',
      totpCode: wrongCode,
    });
    expect(bad.json().error.code).toBe('totp_invalid');
    // The code used to confirm cannot be used again (no replay within its 90 s)…
    const replayed = await login({
      email: user.email,
      password: user.password,
      ip: '10.60.0.2',
      totpCode: totp.generate(),
    });
    expect(replayed.json().error.code).toBe('totp_invalid');
    // …the next period's code (within the accepted drift) is accepted once.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    const good = await login({
      email: user.email,
      password: user.password,
      ip: '10.60.0.2',
      totpCode: next,
    });
    expect(good.statusCode).toBe(200);
    const again = await login({
      email: user.email,
      password: user.password,
      ip: '10.60.0.3',
      totpCode: next,
    });
    expect(again.json().error.code).toBe('totp_invalid');
    const disable = await s.call('POST', '/api/auth/totp/disable', { password: user.password });
    expect(disable.json().user.totpEnabled).toBe(false);
  });

  it('lets an administrator switch off the second factor of a user who lost their phone', async () => {
    const user = await account();
    const s = await session({ email: user.email, password: user.password, ip: '10.62.0.1' });
    const enrol = (await s.call('POST', '/api/auth/totp/enrol')).json();
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.secret) });
    await s.call('POST', '/api/auth/totp/confirm', { code: totp.generate() });
    const admin = await signIn(t.app, 'administrator');
    const patched = await admin.request<User>('PATCH', `/api/users/${user.id}`, {
      disableTotp: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.totpEnabled).toBe(false);
    expect(
      (await login({ email: user.email, password: user.password, ip: '10.62.0.2' })).statusCode,
    ).toBe(200);
    const events = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?action=totp_disabled&userId=${user.id}`,
    );
    expect(events.body.items[0]!.details).toEqual({ byAdministrator: true });
  });

  it('lets only one of two administrators disabling each other at the same moment succeed', async () => {
    const a = await signIn(t.app, 'administrator');
    const b = await signIn(t.app, 'administrator');
    const idA = (await a.request<Viewer>('GET', '/api/auth/me')).body.user!.id;
    const idB = (await b.request<Viewer>('GET', '/api/auth/me')).body.user!.id;
    const others = await t.app.deps.db
      .updateTable('app_user')
      .set({ disabled: true })
      .where('role', '=', 'administrator')
      .where('id', 'not in', [idA, idB])
      .where('disabled', '=', false)
      .returning('id')
      .execute();
    try {
      const [ab, ba] = await Promise.all([
        a.request('PATCH', `/api/users/${idB}`, { disabled: true }),
        b.request('PATCH', `/api/users/${idA}`, { disabled: true }),
      ]);
      // One succeeds. The other is refused as the last administrator (409) — or, when the
      // first change has already ended the other's sessions, as signed out (401).
      const statuses = [ab.status, ba.status].sort();
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const active = await t.app.deps.db
        .selectFrom('app_user')
        .select('id')
        .where('role', '=', 'administrator')
        .where('disabled', '=', false)
        .execute();
      expect(active).toHaveLength(1);
    } finally {
      await t.app.deps.db
        .updateTable('app_user')
        .set({ disabled: false })
        .where('id', 'in', [idA, idB, ...others.map((o) => o.id)])
        .execute();
    }
  });

  it('makes an administrator without TOTP enrol before doing anything else when TOTP is required', async () => {
    const admin = await account('administrator');
    const s = await session(
      { email: admin.email, password: admin.password, ip: '10.61.0.1' },
      totpRequired,
    );
    const blocked = await s.call('GET', '/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('totp_enrolment_required');
    const enrol = await s.call('POST', '/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.json().secret) });
    expect(
      (await s.call('POST', '/api/auth/totp/confirm', { code: totp.generate() })).statusCode,
    ).toBe(200);
    expect((await s.call('GET', '/api/users')).statusCode).toBe(200);
    // Other roles are not asked.
    const analyst = await account();
    const a = await session(
      { email: analyst.email, password: analyst.password, ip: '10.61.0.2' },
      totpRequired,
    );
    expect((await a.call('GET', '/api/organisations')).statusCode).toBe(200);
  });

  it('lists own sessions with address and browser, revokes one or all others, and lets an administrator revoke any', async () => {
    const user = await account();
    const one = await session({
      email: user.email,
      password: user.password,
      ip: '10.70.0.1',
      headers: { 'user-agent': 'Firefox тест' },
    });
    const two = await session({
      email: user.email,
      password: user.password,
      ip: '10.70.0.2',
      headers: { 'user-agent': 'Chromium тест' },
    });
    const three = await session({ email: user.email, password: user.password, ip: '10.70.0.3' });
    const list = (await one.call('GET', '/api/auth/sessions')).json().items;
    expect(list).toHaveLength(3);
    const current = list.find((s: { current: boolean }) => s.current);
    expect(current).toMatchObject({ ip: '10.70.0.1', userAgent: 'Firefox тест' });
    const second = list.find((s: { ip: string }) => s.ip === '10.70.0.2');
    expect(second.userAgent).toBe('Chromium тест');
    expect((await one.call('DELETE', `/api/auth/sessions/${second.id}`)).statusCode).toBe(200);
    expect((await two.call('GET', '/api/auth/me')).json().user).toBeNull();
    // Another user's session id is not found among mine.
    const stranger = await account();
    const s3 = await session({
      email: stranger.email,
      password: stranger.password,
      ip: '10.70.0.9',
    });
    const strangerId = (await s3.call('GET', '/api/auth/sessions')).json().items[0].id;
    expect((await one.call('DELETE', `/api/auth/sessions/${strangerId}`)).statusCode).toBe(404);
    expect((await one.call('POST', '/api/auth/sessions/revoke-others')).json().ended).toBe(1);
    expect((await three.call('GET', '/api/auth/me')).json().user).toBeNull();
    expect((await one.call('GET', '/api/auth/me')).json().user.email).toBe(user.email);
    const admin = await signIn(t.app, 'administrator');
    const theirs = await admin.request<SessionList>('GET', `/api/users/${user.id}/sessions`);
    expect(theirs.body.items).toHaveLength(1);
    expect(
      (await admin.request('DELETE', `/api/users/${user.id}/sessions/${theirs.body.items[0]!.id}`))
        .status,
    ).toBe(200);
    expect((await one.call('GET', '/api/auth/me')).json().user).toBeNull();
    const analyst = await signIn(t.app, 'analyst');
    expect((await analyst.request('GET', `/api/users/${user.id}/sessions`)).status).toBe(403);
  });

  it('records password, role and session events, and lets administrators search and export the audit trail as CSV', async () => {
    const admin = await signIn(t.app, 'administrator');
    const user = await account();
    const hostile = '=HYPERLINK("http://evil.example","x")';
    const s = await session({
      email: user.email,
      password: user.password,
      ip: '10.80.0.1',
      headers: { 'user-agent': hostile },
    });
    await s.call('POST', '/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'другой-лиловый-сокол',
    });
    await admin.request('PATCH', `/api/users/${user.id}`, {
      role: 'regional_editor',
      regions: ['42'],
    });
    const search = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?trail=security&userId=${user.id}`,
    );
    expect(search.status).toBe(200);
    const actions = search.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account_created', 'sign_in', 'password_changed', 'role_changed']),
    );
    const role = search.body.items.find((e) => e.action === 'role_changed')!;
    expect(role.details!.after).toEqual({ role: 'regional_editor', regions: ['42'] });
    expect(JSON.stringify(search.body)).not.toContain('другой-лиловый-сокол');
    const byAction = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?action=password_changed&userId=${user.id}`,
    );
    expect(byAction.body.items).toHaveLength(1);
    expect(byAction.body.items[0]).toMatchObject({
      trail: 'security',
      ip: '10.80.0.1',
      entity: { type: 'user', id: String(user.id) },
    });
    const today = new Date().toISOString().slice(0, 10);
    const future = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?userId=${user.id}&from=2999-01-01`,
    );
    expect(future.body.items).toHaveLength(0);
    const ranged = await admin.request<AuditSearchResult>(
      'GET',
      `/api/audit?userId=${user.id}&from=2000-01-01&to=${today}`,
    );
    expect(ranged.body.total).toBeGreaterThanOrEqual(4);
    const impossible = await admin.request<ErrorBody>('GET', '/api/audit?from=2026-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.fields![0]!.field).toBe('from');
    // Record changes are in the same search.
    await admin.request('POST', '/api/people', { lastName: 'Журналов' });
    const changes = await admin.request<AuditSearchResult>(
      'GET',
      '/api/audit?trail=changes&entityType=person&action=create',
    );
    expect(changes.body.items.length).toBeGreaterThan(0);
    expect(changes.body.items[0]!.trail).toBe('changes');
    const exporter = await account('administrator');
    const exporterSession = await session({
      email: exporter.email,
      password: exporter.password,
      ip: '10.80.0.2',
    });
    const csv = await exporterSession.call('GET', `/api/audit/export.csv?userId=${user.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('password_changed');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.body).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
    const analyst = await signIn(t.app, 'analyst');
    expect((await analyst.request('GET', '/api/audit')).status).toBe(403);
    expect((await t.getJson('/api/audit')).status).toBe(401);
    expect((await t.getJson('/api/audit/export.csv')).status).toBe(401);
  });

  it('reads PROMATLAS_TRUSTED_PROXIES as addresses and CIDR ranges, and refuses anything else', () => {
    expect(
      parseConfig({ PROMATLAS_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }, '/').trustedProxies,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(parseConfig({}, '/').trustedProxies).toEqual([]);
    expect(() => parseConfig({ PROMATLAS_TRUSTED_PROXIES: 'proxy.local' }, '/')).toThrow(
      /PROMATLAS_TRUSTED_PROXIES/,
    );
    expect(() => parseConfig({ PROMATLAS_TRUSTED_PROXIES: '10.0.0.0/33' }, '/')).toThrow(
      /PROMATLAS_TRUSTED_PROXIES/,
    );
  });
});
