import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseConfig } from '../../server/src/config/config.ts';
import { startServer, type RunningServer } from '../../server/src/server.ts';

/**
 * Browser tests drive the built web app (packages/web/dist) served by the real
 * PromAtlas server on an embedded database with the demo data, in Debian's
 * Chromium. Nothing is built here: run `npm run build -w @promatlas/web` first.
 */
declare global {
  interface Window {
    /** Set by the map page (src/map/RegionMap.tsx). */
    __promatlasMap?: import('maplibre-gl').Map;
  }
}

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
export const CHROMIUM = '/usr/bin/chromium';
export const REPOSITORY_ROOT = path.resolve(WEB_DIST, '../../..');

export interface BrowserHarness {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The running server: its database (server.connection.db) lets a test create accounts. */
  server: RunningServer;
  /** The browser's one (persistent) context, on a fresh user-data directory. */
  context: BrowserContext;
  /**
   * A second browser with its own cookies (a persistent context cannot open
   * another), for a test in which two people are signed in at once.
   */
  newContext(): Promise<BrowserContext>;
  /** A new page at 1280×800 unless told otherwise. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `${path.join(WEB_DIST, 'index.html')} is missing: run \`npm run build -w @promatlas/web\` before the browser tests.`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  }
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'promatlas-browser-data-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // A snapshot of dist/: the server keeps index.html in memory, so a rebuild
    // during the run (another terminal, another engineer) would otherwise leave
    // it pointing at deleted, renamed chunks.
    const webDist = await mkdtemp(path.join(os.tmpdir(), 'promatlas-browser-dist-'));
    cleanups.push(() => rm(webDist, { recursive: true, force: true }));
    await cp(WEB_DIST, webDist, { recursive: true });
    const config = parseConfig(
      {
        PROMATLAS_PORT: '0',
        PROMATLAS_HOST: '127.0.0.1',
        PROMATLAS_DATA_DIR: dataDir,
        PROMATLAS_LOG_LEVEL: 'silent',
        PROMATLAS_WEB_DIST: webDist,
      },
      REPOSITORY_ROOT,
    );
    const server = await startServer({
      ...config,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'silent' as const,
      webDist,
    });
    cleanups.push(() => server.close());
    const url = server.url;

    const launch = async () => {
      // Playwright takes the user-data directory as a parameter of a persistent
      // context rather than as --user-data-dir in args; it passes it on as that flag.
      const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'promatlas-chromium-'));
      cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
      const launched = await chromium.launchPersistentContext(userDataDir, {
        headless: true,
        executablePath: CHROMIUM,
        args: LAUNCH_ARGS,
        viewport: { width: 1280, height: 800 },
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
      });
      cleanups.push(() => launched.close());
      // Offline except our own server: any other request is a bug (no CDNs, tiles or fonts).
      await launched.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      return launched;
    };
    const context = await launch();

    return {
      url,
      server,
      context,
      newContext: launch,
      async newPage(viewport = { width: 1280, height: 800 }) {
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Collects page errors and failed requests, so a test can assert the page ran cleanly. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
