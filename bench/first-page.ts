/**
 * First page on the embedded database:
 * 1. time from spawning `npx promatlas serve --port N --data-dir <fresh temp dir>`
 *    (PGlite, migrations, reference data and the demo loaded on first start) to
 *    the first successful GET / returning the HTML app shell;
 * 2. the same for a second start on the now existing data directory;
 * 3. gzipped size (zlib level 9) of the first page's JavaScript: the script
 *    src and modulepreload hrefs of packages/web/dist/index.html;
 * 4. if Chromium is installed: the JavaScript the browser actually fetches to
 *    render `/` (entry chunks plus lazily imported ones), gzipped the same way.
 *
 * Builds the web app first if packages/web/dist/index.html is missing.
 * Run: npx tsx bench/first-page.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'packages/web/dist');
const PORT = Number(process.env.FIRST_PAGE_PORT ?? 55442);
const TARGET_MS = 2000;
const TARGET_KB = 350;

const gz = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1);

interface StartResult {
  ok: boolean;
  ms: number | null;
  note: string;
}

/**
 * The run command's server start (`npm start` ends in `node packages/server/bin/promatlas-bundle.mjs serve`,
 * after building the web app and the server bundle); `npx promatlas serve` compiles the TypeScript with tsx
 * instead and is measured too, for comparison.
 */
const BUNDLE = ['packages/server/bin/promatlas-bundle.mjs'];
const TSX = ['packages/server/bin/promatlas.js'];

async function timeFirstPage(
  dataDir: string,
  label: string,
  entry: string[] = BUNDLE,
): Promise<StartResult> {
  const started = performance.now();
  const env = { ...process.env };
  delete env.DATABASE_URL; // embedded PGlite
  env.PROMATLAS_LOG_LEVEL = 'warn';
  const child = spawn('node', [...entry, 'serve', '--port', String(PORT), '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so npx and the node it starts stop together
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  let result: StartResult;
  try {
    const deadline = started + 60_000;
    for (;;) {
      if (child.exitCode !== null) {
        result = {
          ok: false,
          ms: null,
          note: `server exited with code ${child.exitCode}: ${log
            .replace(/npm warn[^\n]*\n/g, '')
            .trim()
            .slice(0, 500)}`,
        };
        break;
      }
      if (performance.now() > deadline) {
        result = {
          ok: false,
          ms: null,
          note: `no HTML at / within 60 s; server output: ${log.trim().slice(0, 500)}`,
        };
        break;
      }
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/`);
        const body = await res.text();
        if (
          res.ok &&
          /text\/html/.test(res.headers.get('content-type') ?? '') &&
          body.includes('id="root"')
        ) {
          result = { ok: true, ms: performance.now() - started, note: '' };
          // The server listens before its database is ready; wait for that too,
          // so the next start does not find a half-prepared data directory.
          for (;;) {
            if (performance.now() > deadline) {
              result.readyMs = null;
              break;
            }
            const health = await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null);
            if (health?.status === 200) {
              result.readyMs = performance.now() - started;
              break;
            }
            await new Promise((r) => setTimeout(r, 25));
          }
          break;
        }
        if (!res.ok) {
          result = {
            ok: false,
            ms: null,
            note: `GET / answered HTTP ${res.status}: ${body.slice(0, 200)}`,
          };
          break;
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
  console.log(
    `${label}: ${result.ok ? `first page ${Math.round(result.ms!)} ms (target ≤ ${TARGET_MS} ms: ${result.ms! <= TARGET_MS ? 'met' : 'MISSED'}); database ready (/api/health 200) at ${result.readyMs ? `${Math.round(result.readyMs)} ms` : 'not within 60 s'}` : `FAILED — ${result.note}`}`,
  );
  return result;
}

const report: Record<string, unknown> = {};

// Web build.
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.log('packages/web/dist/index.html missing: npm run build -w @promatlas/web');
  const b = spawnSync('npm', ['run', 'build', '-w', '@promatlas/web'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (b.status !== 0) {
    console.log(`web build FAILED (exit ${b.status}):\n${(b.stdout + b.stderr).slice(-2000)}`);
    report.webBuild = { ok: false, output: (b.stdout + b.stderr).slice(-2000) };
  } else report.webBuild = { ok: true };
}

// Start times.
const build = spawnSync('node', ['packages/server/scripts/build.mjs'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (build.status !== 0) console.log(`server bundle build FAILED: ${build.stderr}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-first-page-'));
report.firstStart = await timeFirstPage(
  dataDir,
  'first start, fresh data dir (PGlite init + migrations + demo)',
);
report.secondStart = await timeFirstPage(dataDir, 'second start, existing data dir');
report.secondStartTsx = await timeFirstPage(
  dataDir,
  'second start with `npx promatlas serve` (tsx, no bundle)',
  TSX,
);

// First-page JavaScript from index.html.
if (fs.existsSync(path.join(DIST, 'index.html'))) {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g))
    refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g))
    refs.add(m[1]!);
  const files = [...refs].map((ref) => {
    const buf = fs.readFileSync(path.join(DIST, ref.replace(/^\//, '')));
    return { file: ref, bytes: buf.length, gzip: gz(buf) };
  });
  const total = files.reduce((s, f) => s + f.gzip, 0);
  console.log(
    `first-page JavaScript (index.html script + modulepreload), gzip -9: ${kb(total)} KB (target ≤ ${TARGET_KB} KB: ${total / 1024 <= TARGET_KB ? 'met' : 'MISSED'})`,
  );
  for (const f of files) console.log(`  ${f.file}: ${kb(f.bytes)} KB raw, ${kb(f.gzip)} KB gzip`);
  report.entryJs = { totalGzipBytes: total, files };
}

// What a browser really fetches for `/` (lazy chunks included), if Chromium is here.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (chromium && (report.secondStart as StartResult).ok) {
  const { chromium: pw } = await import('playwright-core');
  const env = { ...process.env };
  delete env.DATABASE_URL;
  env.PROMATLAS_LOG_LEVEL = 'warn';
  const child = spawn('node', [...BUNDLE, 'serve', '--port', String(PORT), '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (let i = 0; i < 400; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
      } catch {
        /* wait */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const browser = await pw.launch({
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    const js: string[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (/\.m?js$/.test(u.pathname)) js.push(u.pathname);
    });
    const t = performance.now();
    await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'networkidle' });
    const loadedMs = performance.now() - t;
    await browser.close();
    const files = [...new Set(js)].map((p) => {
      const buf = fs.readFileSync(path.join(DIST, p.replace(/^\//, '')));
      return { file: p, gzip: gz(buf) };
    });
    const total = files.reduce((s, f) => s + f.gzip, 0);
    console.log(
      `browser, GET / until network idle: ${Math.round(loadedMs)} ms; JavaScript fetched (incl. lazy chunks and workers), gzip -9: ${kb(total)} KB`,
    );
    for (const f of files) console.log(`  ${f.file}: ${kb(f.gzip)} KB gzip`);
    report.browser = { networkIdleMs: loadedMs, totalGzipBytes: total, files };
  } catch (error) {
    console.log(
      `browser measurement failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  }
}

fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/first-page.json'), JSON.stringify(report, null, 2));
