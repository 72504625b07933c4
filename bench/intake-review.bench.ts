// Review page readiness for a 5 KB press release: how long after the upload the
// API has everything the review page shows (text, mentions, proposals matched with
// the registry), on the embedded database with the demo data, in one process
// (app.inject: no network). Baselines measured in the same run: the extractor and
// proposal builder alone (pure, no database), and GET /api/health (the HTTP stack).
// Target: the review page ready ≤ 1 s after upload. Run: npm run bench:intake-review
import fs from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildProposals, extractIntake } from '../packages/core/src/intake/index.ts';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import { prepareDatabase } from '../packages/server/src/server.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { signIn } from '../packages/server/test/sessions.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = path.join(ROOT, 'packages/server/src/demo/sources');
const seeds = ['001_73c7b348e58883e6.txt', '002_d7c196e4e83e66a2.txt'].map((f) =>
  fs.readFileSync(path.join(SOURCES, f), 'utf8'),
);
// About 5 KB of UTF-8 (Cyrillic is two bytes a letter): seed 001 and the start of seed 002.
let release = seeds.join('\n\n');
while (Buffer.byteLength(release, 'utf8') > 5 * 1024) release = release.slice(0, -20);
release = release.slice(0, release.lastIndexOf('.') + 1);
const RUNS = 20;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
};
const fmt = (x: { median: number; p95: number; max: number }) =>
  `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, max ${x.max.toFixed(1)} ms`;

const connection = await connectPglite('memory://');
await prepareDatabase(connection, { demo: true });
const app = await buildApp({
  deps: { db: connection.db, databaseKind: connection.kind } as never,
  logger: false,
  webDist: undefined,
});
const editor = await signIn(app, 'regional_editor', ['42']);

const pure: number[] = [];
const health: number[] = [];
const upload: number[] = [];
const reload: number[] = [];
let proposals = 0;
for (let i = -3; i < RUNS; i++) {
  // A different last line each time, so every upload is a new document (the same text is reused).
  const text = `${release}\nВыпуск ${i + 1000}.`;
  let t = performance.now();
  const r = extractIntake(text, { published: '2024-03-14' });
  proposals = buildProposals(text, r, { published: '2024-03-14' }).length;
  const tPure = performance.now() - t;
  t = performance.now();
  await app.inject({ method: 'GET', url: '/api/health' });
  const tHealth = performance.now() - t;
  t = performance.now();
  const res = await editor.request<{ document: { id: number } }>('POST', '/api/intake/documents', {
    text,
    publisher: 'Пресс-служба',
    published: '2024-03-14',
  });
  const tUpload = performance.now() - t;
  if (res.status !== 201) throw new Error(`upload: ${res.status}`);
  t = performance.now();
  const again = await editor.request('GET', `/api/intake/documents/${res.body.document.id}`);
  const tReload = performance.now() - t;
  if (again.status !== 200) throw new Error(`review: ${again.status}`);
  if (i < 0) continue; // warm-up
  pure.push(tPure);
  health.push(tHealth);
  upload.push(tUpload);
  reload.push(tReload);
}
const [p, h, u, g] = [stats(pure), stats(health), stats(upload), stats(reload)];
console.log(
  `${new Date().toUTCString()}; ${cpus().length} CPUs (${cpus()[0]?.model}); load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; Node ${process.version}; PGlite in memory with the demo data`,
);
console.log(
  `Release: ${Buffer.byteLength(release, 'utf8')} bytes, ${release.length} characters, ${proposals} proposals; ${RUNS} runs after 3 warm-up runs`,
);
console.log(`extractor + proposals alone (baseline): ${fmt(p)}`);
console.log(`GET /api/health (HTTP baseline):        ${fmt(h)}`);
console.log(
  `POST /api/intake/documents → review:   ${fmt(u)} (${(u.median / p.median).toFixed(1)}× the extractor)`,
);
console.log(
  `GET /api/intake/documents/:id:          ${fmt(g)} (${(g.median / p.median).toFixed(1)}× the extractor)`,
);
console.log(`Target ≤ 1000 ms after upload: ${u.p95 <= 1000 ? 'met' : 'NOT met'} (p95)`);
await app.close();
await connection.close();
