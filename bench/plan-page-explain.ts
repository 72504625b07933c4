// EXPLAIN ANALYZE of every statement the plan page API runs, as the public
// reader (`published` views) and as a signed-in user (`internal`), on the
// programmes benchmark's data (bench/lib/programmes-data.ts) in in-process
// PGlite. The SQL is captured from the service itself through Kysely's query
// log, so what is explained is what the server executes.
// Run: npx tsx bench/plan-page-explain.ts [--plans]   (--plans prints the full plans)
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import type { Database } from '../packages/server/src/db/database.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { readDbFor } from '../packages/server/src/db/read-db.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { planPage } from '../packages/server/src/registry/action-plans/plan-page.service.ts';
import { fillProgrammes } from './lib/programmes-data.ts';

const connection = await connectPglite('memory://');
await migrateToLatest(connection.db);
await syncReferenceData(connection.db);
const { planId } = await fillProgrammes(connection.db);
const pglite = connection.pglite!;

let captured: CompiledQuery[] = [];
const logged = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: connection.pool }),
  log: (e) => {
    if (e.level === 'query') captured.push(e.query);
  },
});
const full = process.argv.includes('--plans');

for (const schema of ['published', 'internal'] as const) {
  captured = [];
  await planPage(readDbFor(logged, schema), planId, {}, '2025-06-01');
  const statements = captured;
  console.log(`\n=== ${schema}: ${statements.length} statements`);
  let planning = 0;
  let execution = 0;
  for (const q of statements) {
    // Twice: the first run warms the catalogue caches the way a serving node has them.
    let text = '';
    for (let i = 0; i < 2; i++) {
      const res = await pglite.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS false) ${q.sql}`,
        q.parameters as unknown[],
      );
      text = res.rows.map((r) => r['QUERY PLAN']).join('\n');
    }
    const p = Number(/Planning Time: ([\d.]+)/.exec(text)?.[1] ?? 0);
    // EXPLAIN ANALYZE times every node of every loop, which inflates plans of
    // thousands of sub-plan calls: the statement's own CPU time (PGlite runs in
    // this process; median of 7 runs, plain execution, planning included) is the figure to compare.
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = process.cpuUsage();
      await pglite.query(q.sql, q.parameters as unknown[]);
      const used = process.cpuUsage(t0);
      runs.push((used.user + used.system) / 1000);
    }
    runs.sort((a, b) => a - b);
    const e = runs[3]!;
    planning += p;
    execution += e;
    console.log(
      `\n-- planning ${p.toFixed(1)} ms, statement CPU ${e.toFixed(1)} ms (median of 7): ${q.sql.slice(0, 140).replace(/\s+/g, ' ')}…`,
    );
    const seqScans = text
      .split('\n')
      .filter((l) => /Seq Scan|Hash Semi|Hash Join|WindowAgg|Sort /.test(l));
    console.log((full ? text : seqScans.join('\n')) || '(no seq scans / hashes / sorts)');
  }
  console.log(
    `\n${schema}: planning ${planning.toFixed(1)} ms (EXPLAIN), statements ${execution.toFixed(1)} ms in total`,
  );
}
await logged.destroy().catch(() => undefined);
await connection.close().catch(() => undefined);
