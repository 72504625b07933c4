import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
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
  /** The browser's one (persistent) context, on a fresh user-data directory. */
  context: BrowserContext;
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Stand-in for the server's own static serving, used only when the server
 * refuses to start with webDist set (a server-side defect, reported). Serves
 * dist/ with the SPA fallback and forwards /api/* to the real server.
 */
async function startStaticProxy(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const index = readFileSync(path.join(WEB_DIST, 'index.html'));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const upstream = http.request(new URL(url.pathname + url.search, apiUrl), { method: request.method, headers: request.headers }, (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      });
      upstream.on('error', () => response.writeHead(502).end());
      request.pipe(upstream);
      return;
    }
    const file = path.join(WEB_DIST, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (file.startsWith(WEB_DIST) && path.extname(file) && existsSync(file)) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } else if (!path.extname(url.pathname)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(index);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Builds the HTTP app without a database to see whether it accepts webDist;
 * cheap (no PGlite), so a refusal costs no second database start.
 */
async function serverCanServeWebDist(): Promise<boolean> {
  const { buildApp } = await import('../../server/src/http/app.ts');
  try {
    const app = await buildApp({ deps: { db: undefined as never, databaseKind: 'pglite' } as never, logger: false, webDist: WEB_DIST });
    await app.close();
    return true;
  } catch (error) {
    if (/Not found handler already set/.test(String(error))) return false;
    throw error;
  }
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${path.join(WEB_DIST, 'index.html')} is missing: run \`npm run build -w @promatlas/web\` before the browser tests.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  }
  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const configFor = async (webDist: string) => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'promatlas-browser-data-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const config = parseConfig(
        { PROMATLAS_PORT: '0', PROMATLAS_HOST: '127.0.0.1', PROMATLAS_DATA_DIR: dataDir, PROMATLAS_LOG_LEVEL: 'silent', PROMATLAS_WEB_DIST: webDist },
        REPOSITORY_ROOT,
      );
      return { ...config, port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' as const, webDist };
    };

    let server: RunningServer;
    let url: string;
    if (await serverCanServeWebDist()) {
      server = await startServer(await configFor(WEB_DIST));
      cleanups.push(() => server.close());
      url = server.url;
    } else {
      console.warn('browser-harness: the server cannot serve web/dist yet (duplicate not-found handler); serving dist from the harness instead.');
      server = await startServer(await configFor(path.join(os.tmpdir(), 'promatlas-no-web-dist')));
      cleanups.push(() => server.close());
      const proxy = await startStaticProxy(server.url);
      cleanups.push(() => proxy.close());
      url = proxy.url;
    }

    // Playwright takes the user-data directory as a parameter of a persistent
    // context rather than as --user-data-dir in args; it passes it on as that flag.
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'promatlas-chromium-'));
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(userDataDir, {
      headless: true,
      executablePath: CHROMIUM,
      args: LAUNCH_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
    });
    cleanups.push(() => context.close());
    // Offline except our own server: any other request is a bug (no CDNs, tiles or fonts).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

    return {
      url,
      context,
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
