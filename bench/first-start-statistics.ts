// First start of an empty embedded database: what the shipped statistics cost.
// Three runs in one process on in-memory PGlite: prepareDatabase with the demo, the
// illustrative dataset the first start used to load, and loadDefaultStatistics (full
// ОКВЭД2 + Rosstat organisations table), then the same call on a database that has them.
// Then one `startServer` on an empty data directory: ready, the first /api/datasets
// answer (it queues behind the background import on PGlite's one connection) and the
// end of the import. Run: npx tsx bench/first-start-statistics.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import { parseConfig } from '../packages/server/src/config/config.ts';
import { prepareDatabase, startServer } from '../packages/server/src/server.ts';
import { loadIllustrativeDataset } from '../packages/server/src/demo/load-illustrative-dataset.ts';
import { loadDefaultStatistics } from '../packages/server/src/demo/load-default-statistics.ts';

const since = (t: number) => Math.round(performance.now() - t);
for (let run = 1; run <= 3; run++) {
  const c = await connectPglite('memory://');
  let t = performance.now();
  await prepareDatabase(c, { demo: true });
  const prepare = since(t);
  t = performance.now();
  await loadIllustrativeDataset(c.db);
  const illustrative = since(t);
  t = performance.now();
  await loadDefaultStatistics(c.db);
  const statistics = since(t);
  t = performance.now();
  await loadDefaultStatistics(c.db);
  const again = since(t);
  console.log(
    `run ${run}: prepareDatabase(demo) ${prepare} ms, illustrative dataset ${illustrative} ms, default statistics ${statistics} ms, again ${again} ms`,
  );
  await c.close();
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-first-start-'));
const config = parseConfig({ PROMATLAS_DATA_DIR: dataDir }, process.cwd());
const t0 = performance.now();
const server = await startServer({
  ...config,
  port: 0,
  host: '127.0.0.1',
  dataDir,
  logLevel: 'silent',
});
const ready = since(t0);
await fetch(`${server.url}/api/datasets`);
const firstAnswer = since(t0);
await server.statistics;
console.log(
  `startServer on an empty directory: ready ${ready} ms, first /api/datasets ${firstAnswer} ms, statistics loaded ${since(t0)} ms`,
);
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
