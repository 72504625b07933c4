// Breakdown of a server start on an existing PGlite data dir (same steps as startServer).
// Run: npx tsx bench/start-breakdown.ts <data-dir>
import { performance } from 'node:perf_hooks';
const t0 = performance.now();
const { openDatabase, prepareDatabase } = await import('../packages/server/src/server.ts');
const { buildApp } = await import('../packages/server/src/http/app.ts');
const t1 = performance.now();
const dir = process.argv[2]!;
const c = await openDatabase({ databaseUrl: undefined, dataDir: dir });
const t2 = performance.now();
await prepareDatabase(c, { demo: true });
const t3 = performance.now();
const app = await buildApp({
  deps: { db: c.db, databaseKind: c.kind } as never,
  logger: false,
  webDist: undefined,
});
const t4 = performance.now();
console.log(
  `import ${(t1 - t0).toFixed(0)} ms, open PGlite ${(t2 - t1).toFixed(0)} ms, prepare ${(t3 - t2).toFixed(0)} ms, buildApp ${(t4 - t3).toFixed(0)} ms`,
);
await app.close();
await c.close();
