import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parseConfig } from '../../server/src/config/config.ts';
import {
  openDatabase,
  prepareDatabase,
  startServer,
  type RunningServer,
} from '../../server/src/server.ts';
import { loadDefaultStatistics } from '../../server/src/demo/load-default-statistics.ts';

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

const TEMPLATE_PREFIX = 'promatlas-browser-template-';

/** A digest of the server's and core's sources: the demo database they build changes with them. */
async function sourceDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const root of ['packages/server/src', 'packages/core/src']) {
    const dir = path.join(REPOSITORY_ROOT, root);
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) {
      hash.update(file);
      hash.update(await readFile(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated database with the demo data, built once per version of the
 * server's sources and copied for every test file: a fresh PGlite cluster
 * (initdb), the migrations and the demo load take ~10 s a file otherwise.
 * Built aside and renamed into place, so a half-built template is never used.
 */
async function templateDataDir(): Promise<string> {
  const template = path.join(os.tmpdir(), `${TEMPLATE_PREFIX}${await sourceDigest()}`);
  if (existsSync(template)) return template;
  const building = await mkdtemp(path.join(os.tmpdir(), 'promatlas-browser-building-'));
  const connection = await openDatabase({ databaseUrl: undefined, dataDir: building });
  await prepareDatabase(connection, { demo: true });
  // What a first start loads after it is ready: built into the template so no test waits for it.
  await loadDefaultStatistics(connection.db);
  await connection.close();
  try {
    await rename(building, template);
  } catch {
    // Another run finished the same template first.
    await rm(building, { recursive: true, force: true });
  }
  // Templates of older sources, made over an hour ago, are dropped.
  for (const name of await readdir(os.tmpdir())) {
    const old = path.join(os.tmpdir(), name);
    if (!name.startsWith(TEMPLATE_PREFIX) || old === template) continue;
    const { mtimeMs } = await stat(old).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > 3_600_000) await rm(old, { recursive: true, force: true });
  }
  return template;
}

/**
 * `options.webDist` serves another build than packages/web/dist (a benchmark
 * comparing two builds of the web app in one run).
 */
export async function startBrowserHarness(
  options: { webDist?: string } = {},
): Promise<BrowserHarness> {
  const source = options.webDist ?? WEB_DIST;
  if (!existsSync(path.join(source, 'index.html'))) {
    throw new Error(
      `${path.join(source, 'index.html')} is missing: run \`npm run build -w @promatlas/web\` before the browser tests.`,
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
    await cp(await templateDataDir(), dataDir, { recursive: true });
    // A snapshot of dist/: the server keeps index.html in memory, so a rebuild
    // during the run (another terminal, another engineer) would otherwise leave
    // it pointing at deleted, renamed chunks.
    const webDist = await mkdtemp(path.join(os.tmpdir(), 'promatlas-browser-dist-'));
    cleanups.push(() => rm(webDist, { recursive: true, force: true }));
    await cp(source, webDist, { recursive: true });
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
    // Tests sign in as the first administrator directly: the first-run
    // password change it must make is tested on its own (server tests).
    if (server.firstAdministrator)
      await server.connection.db
        .updateTable('app_user')
        .set({ must_change_password: false })
        .where('email', '=', server.firstAdministrator.email)
        .execute();
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
