// What durable embedded storage costs: N small committed writes (one-row
// INSERT, autocommit, through the application's pg.Pool) on a PGlite data
// directory with fsync on commit (the default) and with it off (PGlite's own
// default), in the same run, rounds alternated so load from other processes
// falls on both alike. Also the first open of an empty directory (initdb),
// which with durability fsyncs every file once.
// Run: npx tsx bench/durability.bench.ts [--writes N] [--rounds R]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectPglite } from '../packages/server/src/db/connection.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const WRITES = arg('writes', 500);
const ROUNDS = arg('rounds', 3);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-durability-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function round(durable: boolean, n: number) {
  const dir = path.join(root, `${durable ? 'on' : 'off'}-${n}`);
  const t0 = performance.now();
  const c = await connectPglite(dir, { durable });
  const openMs = performance.now() - t0;
  try {
    const fsync = (await c.pool.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync;
    await c.pool.query('CREATE TABLE w (id int PRIMARY KEY, note text)');
    const each: number[] = [];
    const t1 = performance.now();
    for (let i = 0; i < WRITES; i++) {
      const s = performance.now();
      await c.pool.query('INSERT INTO w VALUES ($1, $2)', [i, `запись ${i}`]);
      each.push(performance.now() - s);
    }
    const totalMs = performance.now() - t1;
    return { durable, fsync, openMs, totalMs, medianMs: median(each) };
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `load before: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const results = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const durable of r % 2 ? [true, false] : [false, true]) {
    const result = await round(durable, r);
    results.push(result);
    console.log(
      `round ${r + 1} fsync=${result.fsync}: open ${result.openMs.toFixed(0)} ms; ` +
        `${WRITES} commits ${result.totalMs.toFixed(0)} ms ` +
        `(${((WRITES / result.totalMs) * 1000).toFixed(0)}/s, median ${result.medianMs.toFixed(2)} ms)`,
    );
  }
}
console.log(
  `load after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const summary = (durable: boolean) => {
  const rs = results.filter((r) => r.durable === durable);
  return {
    commitsPerSecond: (WRITES / median(rs.map((r) => r.totalMs))) * 1000,
    medianCommitMs: median(rs.map((r) => r.medianMs)),
    firstOpenMs: median(rs.map((r) => r.openMs)),
  };
};
const on = summary(true);
const off = summary(false);
const figures = {
  date: new Date().toISOString(),
  writes: WRITES,
  rounds: ROUNDS,
  on,
  off,
  commitTimeRatio: off.commitsPerSecond / on.commitsPerSecond,
  firstOpenRatio: on.firstOpenMs / off.firstOpenMs,
};
console.log(
  `fsync on: ${on.commitsPerSecond.toFixed(0)} commits/s (median ${on.medianCommitMs.toFixed(2)} ms); ` +
    `off: ${off.commitsPerSecond.toFixed(0)} commits/s (median ${off.medianCommitMs.toFixed(2)} ms); ` +
    `durable commits take ${figures.commitTimeRatio.toFixed(2)}× as long; ` +
    `first open ${on.firstOpenMs.toFixed(0)} vs ${off.firstOpenMs.toFixed(0)} ms`,
);
fs.mkdirSync('bench/out', { recursive: true });
fs.writeFileSync('bench/out/durability.json', JSON.stringify(figures, null, 2) + '\n');
fs.rmSync(root, { recursive: true, force: true });
