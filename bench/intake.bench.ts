// Document intake benchmark: the extractor over the factRuEval-2016 development
// set (../shared/corpora/factru-2016-devset, read in place, never copied), scored
// by the official evaluator (scripts/t1_eval.py -l, LocOrg counted as Location),
// plus throughput on one core and memory. Run: npm run bench:intake
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractIntake } from '../packages/core/src/intake/index.ts';
import { toTask1 } from '../packages/core/src/intake/factru.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV = path.resolve(ROOT, '../shared/corpora/factru-2016-devset');
if (!fs.existsSync(DEV)) {
  console.error(`factRuEval dev set not found at ${DEV}`);
  process.exit(1);
}
const books = fs
  .readdirSync(DEV)
  .filter((f) => /^book_\d+\.txt$/.test(f))
  .sort((a, b) => Number(a.slice(5, -4)) - Number(b.slice(5, -4)));
const texts = books.map((b) => fs.readFileSync(path.join(DEV, b), 'utf8').replace(/^\uFEFF/, ''));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-factru-'));

const rssBefore = process.memoryUsage().rss;
// Warm-up (gazetteer indexes are built on first use), then timed passes.
extractIntake(texts[0] ?? '');
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
let best = Infinity;
for (let pass = 0; pass < 3; pass++) {
  const t0 = performance.now();
  for (const t of texts) extractIntake(t);
  best = Math.min(best, performance.now() - t0);
}
books.forEach((b, i) =>
  fs.writeFileSync(
    path.join(out, b.replace(/\.txt$/, '.task1')),
    toTask1(extractIntake(texts[i]!)),
  ),
);
const rssAfter = process.memoryUsage().rss;

const report = execFileSync(
  'python3',
  [path.join(DEV, 'scripts/t1_eval.py'), '-s', DEV, '-t', out, '-l'],
  {
    cwd: path.join(DEV, 'scripts'),
    encoding: 'utf8',
  },
);
console.log(`factRuEval-2016 dev set: ${books.length} texts, ${(bytes / 1024).toFixed(0)} KB`);
console.log('Official evaluator, track 1, -l:');
console.log(report.trim());
console.log(
  `Throughput: ${(bytes / 1024 / (best / 1000)).toFixed(0)} KB/s on one core (best of 3 passes: ${best.toFixed(0)} ms for ${(bytes / 1024).toFixed(0)} KB)`,
);
console.log(
  `Memory: RSS ${(rssAfter / 2 ** 20).toFixed(0)} MB (+${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MB over the start of the run), heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
// The demo press releases (about 5 KB each): time per release, the "5 KB in ≤ 50 ms".
const seedsDir = path.join(ROOT, 'packages/server/src/demo/sources');
const seeds = fs
  .readdirSync(seedsDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const perRelease: number[] = [];
for (const seed of seeds) {
  const t0 = performance.now();
  for (let k = 0; k < 20; k++) extractIntake(seed);
  perRelease.push((performance.now() - t0) / 20);
}
console.log(
  `Seed releases (${seeds.map((s) => (Buffer.byteLength(s) / 1024).toFixed(1)).join(', ')} KB): ${perRelease.map((ms) => ms.toFixed(1)).join(', ')} ms each`,
);
console.log(`Responses: ${out}`);
