/**
 * The embedded engine in its worker thread against the engine in the calling
 * thread, in one process, alternating (worker, in-thread, worker, in-thread)
 * so that both see the same machine load:
 *  - small statements: 2,000 parameterised primary-key SELECTs through Kysely
 *    (the thread round trip is paid once per statement);
 *  - batched COPY: 20 transactions each COPYing 500 rows from a blob and
 *    updating them (the shape of a registry import's batch);
 *  - the event loop's longest stall while the batches run (gaps between 1 ms timer turns).
 *
 * Run: npx tsx bench/pglite-thread.bench.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connectPglite } from '../packages/server/src/db/connection.ts';

const ROUNDS = 2;
const SELECTS = 2_000;
const BATCHES = 20;
const BATCH = 500;

async function run(inThread: boolean) {
  const c = await connectPglite('memory://', { inThread });
  try {
    await sql`CREATE TABLE item (id int PRIMARY KEY, name text, n int)`.execute(c.db);
    await sql`INSERT INTO item SELECT i, 'item ' || i, 0 FROM generate_series(1, 1000) i`.execute(
      c.db,
    );
    let t0 = performance.now();
    for (let i = 0; i < SELECTS; i++)
      await sql`SELECT name FROM item WHERE id = ${(i % 1000) + 1}`.execute(c.db);
    const selectMs = (performance.now() - t0) / SELECTS;

    // The longest time between two turns of the event loop, counting the stretch up to the end:
    // if the loop never turns, that is the whole phase (a histogram would record nothing).
    let last = performance.now();
    let maxStallMs = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      maxStallMs = Math.max(maxStallMs, now - last);
      last = now;
    }, 1);
    t0 = performance.now();
    for (let b = 0; b < BATCHES; b++) {
      const first = 10_000 + b * BATCH;
      const text = Array.from({ length: BATCH }, (_, k) => `${first + k}\trow ${first + k}\t1\n`);
      await c.db.transaction().execute(async (trx) => {
        await c.pglite!.query("COPY item FROM '/dev/blob'", [], { blob: new Blob(text) });
        await sql`UPDATE item SET n = n + 1 WHERE id >= ${first}`.execute(trx);
      });
    }
    const copySeconds = (performance.now() - t0) / 1000;
    clearInterval(tick);
    maxStallMs = Math.max(maxStallMs, performance.now() - last);
    return { selectMs, rowsPerSecond: (BATCHES * BATCH) / copySeconds, maxStallMs };
  } finally {
    await c.close();
  }
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
for (let round = 0; round < ROUNDS; round++)
  for (const inThread of [false, true]) {
    const r = await run(inThread);
    console.log(
      `${inThread ? 'in-thread' : 'worker   '}  select ${r.selectMs.toFixed(2)} ms/statement  ` +
        `COPY batches ${r.rowsPerSecond.toFixed(0)} rows/s  event loop max stall ${r.maxStallMs.toFixed(0)} ms  ` +
        `(load ${os.loadavg()[0]!.toFixed(1)})`,
    );
  }
