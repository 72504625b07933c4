import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PreconditionError } from '../shared/domain-errors.ts';

/** The flags the browser tests use (see docs): headless, no sandbox as root, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function browserMissing(detail: string): PreconditionError {
  return new PreconditionError(
    `PDF недоступен: на сервере не установлен браузер Chromium (${detail}). Напечатайте страницу отчёта из браузера («Печать» → «Сохранить как PDF») или выгрузите XLSX; администратору: apt-get install chromium или PROMATLAS_CHROMIUM_PATH.`,
    `PDF is unavailable: the Chromium browser is not installed on the server (${detail}). Print the report page from your browser (Print → Save as PDF) or download the XLSX; administrators: apt-get install chromium or set PROMATLAS_CHROMIUM_PATH.`,
    { code: 'pdf_browser_missing' },
  );
}

/**
 * Prints the report's web page — the same page people print, with its A4
 * print stylesheet and page numbers — to PDF in headless Chromium. The page
 * is loaded from this server itself, with the reader's cookie, so the PDF
 * shows exactly what the reader may see. Each call starts and ends its own
 * browser on a fresh profile: reports are rare, and nothing lingers.
 */
export async function printPageToPdf(options: {
  chromiumPath: string;
  url: string;
  cookie: string | undefined;
  lang?: 'ru' | 'en';
}): Promise<Buffer> {
  if (!existsSync(options.chromiumPath)) throw browserMissing(options.chromiumPath);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw browserMissing('playwright-core');
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'promatlas-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.chromiumPath,
    // Playwright passes the profile directory on as --user-data-dir itself.
    args: CHROMIUM_ARGS,
    locale: options.lang === 'en' ? 'en-GB' : 'ru-RU',
    headless: true,
    extraHTTPHeaders: options.cookie ? { cookie: options.cookie } : {},
  });
  try {
    // Nothing but this server: a report page fetches no outside resource.
    const origin = new URL(options.url).origin;
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    await page.goto(options.url, { waitUntil: 'load' });
    await page.waitForSelector('[data-report-ready]', { timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
