import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

// Sign-in that holds, in the browser: the forced password change, the
// second factor, sessions, the journal and the unlock button.

const NEWCOMER = {
  email: 'newcomer@promatlas.test',
  password: 'выданный-пароль-2026',
  name: 'Новый Сотрудник',
};
const TOTP_USER = {
  email: 'totp@promatlas.test',
  password: 'лиловый-сокол-над-рекой',
  name: 'Осторожный Аналитик',
};

let h: BrowserHarness;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  await createUser(db, {
    email: NEWCOMER.email,
    displayName: NEWCOMER.name,
    role: 'analyst',
    regions: [],
    password: NEWCOMER.password,
    mustChangePassword: true,
  });
  await createUser(db, {
    email: TOTP_USER.email,
    displayName: TOTP_USER.name,
    role: 'analyst',
    regions: [],
    password: TOTP_USER.password,
  });
  page = await h.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await h?.close();
});

const text = (l: Locator) => l.innerText();

async function fillSignIn(p: Page, who: { email: string; password: string }): Promise<void> {
  await p.goto(`${h.url}/login`);
  await p.locator('[data-testid=input-email]').fill(who.email);
  await p.locator('[data-testid=input-password]').fill(who.password);
  await p.locator('[data-testid=sign-in-submit]').click();
}

async function signOut(p: Page): Promise<void> {
  await p.locator('[data-testid=user-menu-button]').hover();
  await p.locator('[data-testid=sign-out]').click();
  // Signed out: «Войти» in the top bar, or — on a page that needs an account — the sign-in form.
  await p.locator('[data-testid=sign-in-link], [data-testid=input-email]').first().waitFor();
  await p.locator('[data-testid=user-menu]').waitFor({ state: 'detached' });
}

describe('signing in', () => {
  it('sends a user with a password to change to «Смена пароля» and keeps them there until it is changed', async () => {
    await fillSignIn(page, NEWCOMER);
    await page.locator('[data-testid=password-change-required]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.goto(`${h.url}/organisations`);
    await page.locator('[data-testid=password-change-required]').waitFor();
    const form = page.locator('[data-testid=password-form]');
    await form.locator('[data-testid=input-currentPassword]').fill(NEWCOMER.password);
    await form.locator('[data-testid=input-newPassword]').fill('aaaaaaaaaaaa');
    await form.locator('[data-testid=input-repeat]').fill('aaaaaaaaaaaa');
    await form.locator('[data-testid=submit]').click();
    await expect
      .poll(() => text(form.locator('[data-testid=error-newPassword]')))
      .toContain('одного повторяющегося символа');
    await form.locator('[data-testid=input-newPassword]').fill('серебряный-ключ-от-сада');
    await form.locator('[data-testid=input-repeat]').fill('серебряный-ключ-от-сада');
    await form.locator('[data-testid=submit]').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${h.url}/organisations`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/organisations');
    await signOut(page);
    expect(pageErrors).toEqual([]);
  });

  it('enrols a TOTP app from the page and then asks for its code at sign-in', async () => {
    await fillSignIn(page, TOTP_USER);
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.goto(`${h.url}/account/totp`);
    await page.locator('[data-testid=totp-start]').click();
    await page.locator('[data-testid=totp-qr]').waitFor();
    const secret = await text(page.locator('[data-testid=totp-secret]'));
    const totp = new TOTP({ secret: Secret.fromBase32(secret.trim()) });
    const form = page.locator('[data-testid=totp-confirm-form]');
    await form.locator('[data-testid=input-code]').fill(totp.generate());
    await form.locator('[data-testid=submit]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=totp-state]')))
      .toContain('Второй фактор подключён');
    await signOut(page);
    await fillSignIn(page, TOTP_USER);
    await page.locator('[data-testid=input-totpCode]').waitFor();
    // The confirming code is spent: the next period's code (within the accepted drift).
    await page
      .locator('[data-testid=input-totpCode]')
      .fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.goto(`${h.url}/account/sessions`);
    await expect.poll(() => page.locator('[data-testid=session-row]').count()).toBe(1);
    await signOut(page);
    expect(pageErrors).toEqual([]);
  });

  it('shows the administrator the journal of sign-ins and lets them lift an account’s delays', async () => {
    // Five wrong passwords for the analyst, as an outsider would try.
    for (let i = 0; i < 5; i++)
      await page.evaluate(
        async ({ email, i }) => {
          await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: `не-тот-пароль-${i}` }),
          });
        },
        { email: NEWCOMER.email, i },
      );
    const admin = h.server.firstAdministrator!;
    await fillSignIn(page, admin);
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.goto(`${h.url}/admin/audit?trail=security&action=sign_in_failed`);
    await expect
      .poll(() => page.locator('[data-testid=audit-row][data-action=sign_in_failed]').count())
      .toBeGreaterThanOrEqual(5);
    expect(await text(page.locator('[data-testid=audit-table]'))).toContain('Неудачный вход');
    expect(await page.locator('[data-testid=audit-export]').getAttribute('href')).toContain(
      '/api/audit/export.csv?trail=security&action=sign_in_failed',
    );
    await page.goto(`${h.url}/admin/users`);
    const row = page.locator(`[data-testid=user-row][data-email="${NEWCOMER.email}"]`);
    await row.locator('[data-testid=unlock-user]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=users-notice]')))
      .toContain('Задержки входа');
    await row.locator('[data-testid=user-sessions-link]').click();
    await page.locator('[data-testid=sessions-table]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
