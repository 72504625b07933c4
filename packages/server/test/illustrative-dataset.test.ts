import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_CATEGORIES } from '@promatlas/core/clusters/default-cluster-categories.ts';
import { connectPglite } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/server.ts';
import {
  ILLUSTRATIVE_DATASET,
  illustrativeClusterEmployment,
} from '../src/demo/illustrative-cluster-employment.ts';
import { loadIllustrativeDataset } from '../src/demo/load-illustrative-dataset.ts';
import { loadDefaultStatistics, ROSSTAT_ORG_COUNTS } from '../src/demo/load-default-statistics.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import type { ClusterCandidates, ClusterMap, ClusterPortfolio, DatasetList } from './api-types.ts';

const CELLS = 85 * DEFAULT_CLUSTER_CATEGORIES.length * 5;

describe('illustrative cluster employment', () => {
  it('is generated deterministically: 85 subjects × every default category × 5 years, whole numbers ≥ 0', () => {
    const a = illustrativeClusterEmployment();
    expect(a).toEqual(illustrativeClusterEmployment());
    expect(a).toHaveLength(CELLS);
    expect(a.every((v) => Number.isInteger(v.value) && v.value >= 0)).toBe(true);
    expect(ILLUSTRATIVE_DATASET.name.startsWith('Иллюстративные данные')).toBe(true);
  });

  it('is not loaded by preparing a database, even with the demo; loaded on request, it is labelled illustrative', async () => {
    const connection = await connectPglite('memory://');
    try {
      await prepareDatabase(connection, { demo: true });
      const rows = await connection.db.selectFrom('statistical_dataset').select('name').execute();
      expect(rows).toEqual([]);
      // Loaded on request (`promatlas db seed-demo --illustrative`), it is labelled illustrative.
      expect(await loadIllustrativeDataset(connection.db)).toBe(CELLS);
      expect(
        await connection.db
          .selectFrom('statistical_dataset')
          .select(['name', 'illustrative', 'industry_classification'])
          .execute(),
      ).toEqual([
        {
          name: ILLUSTRATIVE_DATASET.name,
          illustrative: true,
          industry_classification: 'cluster_category',
        },
      ]);
    } finally {
      await connection.close();
    }
  });
});

describe.each(databaseKinds())('illustrative dataset on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    expect(await loadIllustrativeDataset(t.database.db)).toBe(CELLS);
    expect(await loadIllustrativeDataset(t.database.db)).toBeNull();
    // Loaded after it: the real table still comes first.
    await loadDefaultStatistics(t.database.db);
  });
  afterAll(async () => t?.close());

  it('comes after the real Rosstat table in the list, so the cluster pages never open on it by default', async () => {
    const { body } = await t.getJson<DatasetList>('/api/datasets');
    expect(body.items.map((d: { name: string }) => d.name)).toEqual([
      ROSSTAT_ORG_COUNTS.datasetName,
      ILLUSTRATIVE_DATASET.name,
    ]);
  });

  it('drives the cluster map, and every answer says the data are illustrative', async () => {
    const { body: list } = await t.getJson<DatasetList>('/api/datasets');
    const demo = list.items.find((d) => d.illustrative)!;
    expect(demo).toMatchObject({
      name: ILLUSTRATIVE_DATASET.name,
      years: [2019, 2020, 2021, 2022, 2023],
      valueCount: CELLS,
    });
    const map = await t.getJson<ClusterMap>(
      `/api/clusters-analytics/map?dataset=${demo.id}&year=2023&industry=metallurgy`,
    );
    expect(map.status).toBe(200);
    expect(map.body.level).toBe('category');
    expect(map.body.items).toHaveLength(85);
    expect(map.body.dataset.illustrative).toBe(true);
    expect(map.body.notes[0]).toMatchObject({
      kind: 'illustrative',
      message: 'Иллюстративные данные: не реальная статистика',
    });
    expect(map.body.items.every((item) => Number.isFinite(item.locationQuotient))).toBe(true);
    const portfolio = await t.getJson<ClusterPortfolio>(
      `/api/clusters-analytics/portfolio?dataset=${demo.id}&year=2023&baseYear=2019&region=${encodeURIComponent('Липецкая обл.')}`,
    );
    expect(portfolio.status).toBe(200);
    expect(portfolio.body.region).toEqual({ code: '42', name: 'Липецкая область' });
    expect(portfolio.body.clusterStrength.strength).toBeGreaterThanOrEqual(0);
    expect(portfolio.body.clusterStrength.strength).toBeLessThanOrEqual(1);
    const candidates = await t.getJson<ClusterCandidates>(
      `/api/clusters-analytics/candidates?dataset=${demo.id}&year=2023&region=42`,
    );
    expect(candidates.status).toBe(200);
  });
});

describe('promatlas db seed-demo --illustrative', { timeout: 180_000 }, () => {
  it('loads the made-up dataset when asked, saying it is not real statistics', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-seed-illustrative-'));
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/promatlas.js');
    const { DATABASE_URL: _ignored, ...env } = process.env;
    try {
      const { stdout } = await promisify(execFile)(
        'node',
        [bin, 'db', 'seed-demo', '--illustrative'],
        { cwd: dir, env: { ...env, PROMATLAS_DATA_DIR: path.join(dir, 'data') } },
      );
      expect(stdout).toContain(`Иллюстративный набор (не реальная статистика): значений ${CELLS}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
