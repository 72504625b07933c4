/**
 * Responsiveness while a large import runs: does one heavy request stall
 * everyone else?
 *
 * A server (`promatlas serve`, embedded PGlite in a fresh data directory with
 * the demo data) runs as a child process. An analyst streams a ~50 MB long
 * CSV to POST /api/uploads and imports it into a new dataset (POST
 * /api/datasets with the upload id). Meanwhile `/api/health` and an
 * organisation profile (GET /api/organisations/:id) are requested at a fixed
 * rate (open loop: a stalled server cannot slow the probe down and hide the
 * stall), and the server's resident memory is sampled.
 *
 * With BENCH_IMPORT=registry the import is a registry import instead: an
 * administrator uploads a CSV of BENCH_REGISTRY_ROWS generated organisations
 * (Windows-1251, «;», as Russian Excel saves it) to POST
 * /api/registry-imports/files and starts it as a background job (POST
 * /api/registry-imports), polled until it ends.
 *
 * Target: p99 < 100 ms for both probes during the import.
 *
 * Run: npx tsx bench/responsiveness.bench.ts  (BENCH_IMPORT_MB=50, BENCH_PORT=55451;
 * BENCH_IMPORT=registry BENCH_REGISTRY_ROWS=100000)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { FEDERAL_SUBJECTS } from '../packages/core/src/regions/federal-subjects.ts';
import { generateOrganisations, organisationsCsv } from './lib/organisation-rows.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 55451);
const TARGET_MB = Number(process.env.BENCH_IMPORT_MB ?? 50);
const REGISTRY = process.env.BENCH_IMPORT === 'registry';
const REGISTRY_ROWS = Number(process.env.BENCH_REGISTRY_ROWS ?? 100_000);
const PROBE_EVERY_MS = 50;
const BASE = `http://127.0.0.1:${PORT}`;
const CLI = path.join(ROOT, 'packages/server/bin/promatlas.js');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-resp-'));
const env = {
  ...process.env,
  PROMATLAS_DATA_DIR: dataDir,
  PROMATLAS_PORT: String(PORT),
  PROMATLAS_LOG_LEVEL: 'warn',
  PROMATLAS_WEB_DIST: path.join(dataDir, 'no-web'),
};
delete env.DATABASE_URL;

/** A long table: region, ОКВЭД2 division, year, value, and a note column that makes rows realistic in width. */
function writeCsv(file: string, targetBytes: number): { rows: number; bytes: number } {
  // ОКВЭД2 divisions (the numbers the classifier leaves unused are skipped).
  const unused = new Set([4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89]);
  const divisions = Array.from({ length: 99 }, (_, k) => k + 1)
    .filter((k) => !unused.has(k))
    .map((k) => String(k).padStart(2, '0'));
  const note = 'оценка по данным отчётности предприятий, без учёта совместителей и субъектов МСП';
  const out = fs.openSync(file, 'w');
  let bytes = 0;
  let rows = 0;
  const write = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    fs.writeSync(out, b);
    bytes += b.length;
  };
  write('регион,отрасль,год,значение,примечание\n');
  for (let year = 1950; bytes < targetBytes && year <= 2200; year++) {
    let chunk = '';
    for (const subject of FEDERAL_SUBJECTS)
      for (const division of divisions) {
        chunk += `"${subject.name}",${division},${year},${(rows * 7919) % 100000},${note}\n`;
        rows++;
      }
    write(chunk);
  }
  fs.closeSync(out);
  return { rows, bytes };
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s.at(-1) ?? NaN),
  };
}

/** p99 and max latency per window of the import, to see where the slow answers fall. */
function windows(timeline: [number, number][], width: number) {
  const byWindow = new Map<number, number[]>();
  for (const [at, took] of timeline) {
    const w = Math.floor(at / width);
    byWindow.set(w, [...(byWindow.get(w) ?? []), took]);
  }
  return [...byWindow]
    .sort((a, b) => a[0] - b[0])
    .map(([w, s]) => {
      const { p99, max, n } = stats(s);
      return `${(w * width) / 1000}s: n ${n} p99 ${p99} max ${max}`;
    });
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

type Auth = { cookie: string; 'x-csrf-token': string };

async function datasetImport(auth: Auth, uploadId: string) {
  const created = await fetch(`${BASE}/api/datasets`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Бенчмарк отзывчивости',
      measure: 'employment',
      file: {
        format: 'csv',
        uploadId,
        fileName: 'import.csv',
        mapping: {
          regionColumn: 'регион',
          industryColumn: 'отрасль',
          valueColumn: 'значение',
          yearColumn: 'год',
        },
      },
    }),
    signal: AbortSignal.timeout(30 * 60_000),
  });
  const body = (await created.json()) as { import?: { values: number; quarantined: number } };
  if (created.status !== 201) throw new Error(`import: ${created.status} ${JSON.stringify(body)}`);
  return body.import;
}

/** Starts the registry import job and polls it until it ends. */
async function registryImport(auth: Auth, uploadId: string) {
  const started = await fetch(`${BASE}/api/registry-imports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ uploadId, fileName: 'organisations.csv', entity: 'organisations' }),
  });
  const job = (await started.json()) as { id: number };
  if (started.status !== 202) throw new Error(`import: ${started.status} ${JSON.stringify(job)}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const res = await fetch(`${BASE}/api/registry-imports/${job.id}`, { headers: auth });
    const state = (await res.json()) as {
      status: string;
      rowsDone: number;
      counts: Record<string, number>;
      problems: unknown[];
    };
    if (state.status === 'queued' || state.status === 'running') continue;
    if (state.status !== 'done') throw new Error(`import ended ${JSON.stringify(state)}`);
    return { rows: state.rowsDone, ...state.counts };
  }
}

function writeOrganisations(file: string, n: number): { rows: number; bytes: number } {
  const bytes = organisationsCsv(generateOrganisations(n));
  fs.writeFileSync(file, bytes);
  return { rows: n, bytes: bytes.length };
}

async function main() {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const csv = path.join(dataDir, 'import.csv');
  const { rows, bytes } = REGISTRY
    ? writeOrganisations(csv, REGISTRY_ROWS)
    : writeCsv(csv, TARGET_MB * 1024 * 1024);
  console.log(
    `file: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${rows} rows (${REGISTRY ? 'registry import of organisations' : 'dataset import'})`,
  );

  const password = randomBytes(18).toString('base64url');
  const email = 'bench.analyst@example.org';
  await run([
    'users',
    'add',
    '--email',
    email,
    '--name',
    'Bench',
    '--role',
    REGISTRY ? 'administrator' : 'analyst',
    '--password',
    password,
  ]);

  const server = spawn(process.execPath, [CLI, 'serve'], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const stop = () => server.kill('SIGTERM');
  process.on('exit', stop);
  try {
    for (let k = 0; ; k++) {
      const ok = await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (k > 600) throw new Error(`server did not start:\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const login = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const auth = { cookie, 'x-csrf-token': csrfToken };
    const orgs = (await (await fetch(`${BASE}/api/organisations?pageSize=1`)).json()) as {
      items: { id: number }[];
    };
    const profile = `/api/organisations/${orgs.items[0]!.id}`;

    const samples: Record<string, Record<'health' | 'profile', number[]>> = {};
    // Warm-up first (JIT, caches), then a quiet baseline, then the upload and the import.
    let phase = 'warmup';
    const failures: string[] = [];
    const probe = async (name: 'health' | 'profile', url: string) => {
      const at = phase;
      const started = performance.now();
      try {
        const res = await fetch(`${BASE}${url}`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (!res.ok) failures.push(`${name} ${res.status} during ${at}`);
      } catch (error) {
        failures.push(`${name} ${(error as Error).name} during ${at}`);
      }
      const took = performance.now() - started;
      (samples[at] ??= { health: [], profile: [] })[name].push(took);
      if (at === 'import') timeline.push([started - importStarted, took]);
    };
    // During the import: [ms since it started, latency] of every probe, for the 5-second windows below.
    const timeline: [number, number][] = [];
    let importStarted = 0;
    let rssPeak = 0;
    const rssStart = rssMb(server.pid!);
    const timer = setInterval(() => {
      void probe('health', '/api/health');
      void probe('profile', profile);
      rssPeak = Math.max(rssPeak, rssMb(server.pid!));
    }, PROBE_EVERY_MS);

    await new Promise((r) => setTimeout(r, 3_000));
    phase = 'idle';
    await new Promise((r) => setTimeout(r, 5_000));
    phase = 'upload';
    const t0 = performance.now();
    const upload = await fetch(
      `${BASE}${REGISTRY ? '/api/registry-imports/files' : '/api/uploads'}`,
      {
        method: 'POST',
        headers: {
          ...auth,
          'content-type': 'application/octet-stream',
          'content-length': String(bytes),
        },
        body: fs.createReadStream(csv) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit,
    );
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const { uploadId } = (await upload.json()) as { uploadId: string };
    const t1 = performance.now();
    importStarted = performance.now();
    phase = 'import';
    const imported = REGISTRY
      ? await registryImport(auth, uploadId)
      : await datasetImport(auth, uploadId);
    const t2 = performance.now();
    phase = 'after';
    await new Promise((r) => setTimeout(r, 2_000));
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 500));

    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
      load: os.loadavg(),
      file: { mb: Math.round((bytes / 1024 / 1024) * 10) / 10, rows },
      uploadSeconds: Math.round((t1 - t0) / 100) / 10,
      importSeconds: Math.round((t2 - t1) / 100) / 10,
      imported,
      serverRssMb: { start: Math.round(rssStart), peak: Math.round(rssPeak) },
      probeEveryMs: PROBE_EVERY_MS,
      latencyMs: Object.fromEntries(
        Object.entries(samples).map(([p, s]) => [
          p,
          { health: stats(s.health), profile: stats(s.profile) },
        ]),
      ),
      importWindows: windows(timeline, 5_000),
      failures,
    };
    console.log(JSON.stringify(result, null, 2));
    const during = result.latencyMs['import'];
    const verdict = (name: 'health' | 'profile') =>
      during && during[name].p99 < 100 ? 'met' : 'MISSED';
    console.log(
      `target p99 < 100 ms during the import: health ${verdict('health')}, profile ${verdict('profile')}`,
    );
    fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, `bench/out/responsiveness${REGISTRY ? '-registry' : ''}.json`),
      JSON.stringify(result, null, 2),
    );
  } finally {
    stop();
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
