import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.ts';
import { createDataset, deleteDataset } from '../src/datasets/dataset.service.ts';
import { loadDefaultStatistics, ROSSTAT_ORG_COUNTS } from '../src/demo/load-default-statistics.ts';
import { ILLUSTRATIVE_DATASET } from '../src/demo/illustrative-cluster-employment.ts';
import { SHIPPED_DATA_DIR, SHIPPED_FILES } from '../src/reference/shipped-data.ts';
import { connectPglite } from '../src/db/connection.ts';
import { prepareDatabase, startServer } from '../src/server.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { sharedFile } from './shared-data.ts';
import type { ClusterMap, DatasetList } from './api-types.ts';

const ROSSTAT_VALUES = 12_533;

describe('the official data shipped with PromAtlas', () => {
  it.each(Object.values(SHIPPED_FILES))(
    '%s is byte-identical to the copy in ../shared/data',
    (name) => {
      const shipped = fs.readFileSync(path.join(SHIPPED_DATA_DIR, name));
      expect(shipped.equals(fs.readFileSync(sharedFile(`data/${name}`)))).toBe(true);
    },
  );

  it('names its source in the README beside it', () => {
    const readme = fs.readFileSync(path.join(SHIPPED_DATA_DIR, 'README.md'), 'utf8');
    for (const name of Object.values(SHIPPED_FILES)) expect(readme).toContain(`\`${name}\``);
    expect(readme).toContain('Rosstat');
  });
});

describe.each(databaseKinds())('default statistics on %s', (kind) => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof loadDefaultStatistics>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    first = await loadDefaultStatistics(t.database.db);
  });
  afterAll(async () => t?.close());

  it('loads the full ОКВЭД2 classifier and the Rosstat table with every value matched', async () => {
    expect(first.okvedCodes).toBe(2881);
    const okved = await t.database.db
      .selectFrom('okved')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(okved.n)).toBe(2881);
    expect(first.rosstat!.import).toMatchObject({
      values: ROSSTAT_VALUES,
      regions: 83,
      industries: 38,
      years: [2019, 2020, 2021, 2022],
      // Only total rows and the oblasts that include autonomous okrugs are set aside.
      quarantineByReason: [
        { reasonCode: 'region_includes_parts', rows: 78 },
        { reasonCode: 'total_row', rows: 83 },
      ],
    });
  });

  it('records the source document naming Rosstat, the table, the measure, the unit and the years', async () => {
    const dataset = await t.database.db
      .selectFrom('statistical_dataset as d')
      .innerJoin('source_document as s', 's.id', 'd.source_id')
      .select([
        'd.id',
        'd.measure',
        'd.unit',
        'd.illustrative',
        'd.industry_classification',
        'd.source_text',
        'd.provenance',
        's.slug',
        's.publisher',
        's.title',
        's.text',
      ])
      .where('d.id', '=', first.rosstat!.datasetId)
      .executeTakeFirstOrThrow();
    expect(dataset).toMatchObject({
      measure: 'establishments',
      unit: 'единиц',
      illustrative: false,
      industry_classification: 'okved2',
      slug: ROSSTAT_ORG_COUNTS.sourceSlug,
      publisher: 'Федеральная служба государственной статистики (Росстат)',
    });
    expect(dataset.title).toContain('Количество организаций по данным государственной регистрации');
    expect(dataset.title).toContain('2017–2022');
    expect(dataset.source_text).toBe(dataset.title);
    expect(dataset.text).toContain('количество организаций');
    expect(dataset.text).toContain('единица измерения: единица');
    expect(dataset.text).toContain('2019–2022');
    const sha = (await import('node:crypto'))
      .createHash('sha256')
      .update(fs.readFileSync(path.join(SHIPPED_DATA_DIR, SHIPPED_FILES.rosstatOrgCounts)))
      .digest('hex');
    expect(dataset.provenance).toContain(SHIPPED_FILES.rosstatOrgCounts);
    expect(dataset.provenance).toContain(sha);
    expect(dataset.provenance).toContain(`значений ${ROSSTAT_VALUES}`);
  });

  it('is the default dataset: first in the list the cluster pages open on, and it drives the map', async () => {
    const { body } = await t.getJson<DatasetList>('/api/datasets');
    expect(body.items[0]).toMatchObject({
      id: first.rosstat!.datasetId,
      measure: 'establishments',
      illustrative: false,
      years: [2019, 2020, 2021, 2022],
      valueCount: ROSSTAT_VALUES,
    });
    const map = await t.getJson<ClusterMap>(
      `/api/clusters-analytics/map?dataset=${first.rosstat!.datasetId}&year=2022&industry=C`,
    );
    expect(map.status).toBe(200);
    expect(map.body.items).toHaveLength(83);
    expect(map.body.dataset.measure).toBe('establishments');
    const lipetsk = map.body.items.find(
      (i: { region: { code: string } }) => i.region.code === '42',
    );
    expect(lipetsk!.value).toBe(1580);
  });

  it('loads nothing a second time, nor after the dataset is deleted', async () => {
    expect(await loadDefaultStatistics(t.database.db)).toEqual({ okvedCodes: null, rosstat: null });
    await deleteDataset(t.database.db, first.rosstat!.datasetId);
    expect(await loadDefaultStatistics(t.database.db)).toEqual({ okvedCodes: null, rosstat: null });
    const datasets = await t.database.db.selectFrom('statistical_dataset').select('id').execute();
    expect(datasets).toEqual([]);
  });
});

describe.each(databaseKinds())('default statistics beside real datasets on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
  });
  afterAll(async () => t?.close());

  it('is not added to a database that already holds a real dataset, which stays the default', async () => {
    await createDataset(t.database.db, {
      name: 'Свой набор',
      measure: 'employment',
      regionLevel: 'federal_subject',
      industryClassification: 'okved2',
      illustrative: false,
      file: {
        format: 'csv',
        content: 'Регион;ОКВЭД;Год;Занятые\nЛипецкая область;24;2022;100',
        mapping: {
          regionColumn: 'Регион',
          industryColumn: 'ОКВЭД',
          yearColumn: 'Год',
          valueColumn: 'Занятые',
        },
      },
    });
    expect(await loadDefaultStatistics(t.database.db)).toEqual({ okvedCodes: null, rosstat: null });
    const { body } = await t.getJson<DatasetList>('/api/datasets');
    expect(body.items.map((d: { name: string }) => d.name)).toEqual(['Свой набор']);
  });
});

describe('a database first started without the demo', () => {
  it('still gets the demo on a later start with it: the official source does not make it «not empty»', async () => {
    const connection = await connectPglite('memory://');
    try {
      await prepareDatabase(connection, { demo: false });
      expect((await loadDefaultStatistics(connection.db)).rosstat).not.toBeNull();
      await prepareDatabase(connection, { demo: true });
      const slugs = (
        await connection.db.selectFrom('source_document').select('slug').execute()
      ).map((s) => s.slug);
      expect(slugs).toContain(ROSSTAT_ORG_COUNTS.sourceSlug);
      expect(slugs.length).toBeGreaterThan(1);
    } finally {
      await connection.close();
    }
  }, 120_000);
});

describe('the first start of an empty embedded database', () => {
  it('loads the Rosstat table after start, as the default dataset; the made-up dataset is not loaded', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-default-statistics-'));
    const config = parseConfig({ PROMATLAS_DATA_DIR: dataDir }, process.cwd());
    const server = await startServer({
      ...config,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'silent',
    });
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await server.statistics;
      const list = (await (await fetch(`${server.url}/api/datasets`)).json()) as {
        items: Array<{ name: string; measure: string; illustrative: boolean }>;
      };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        name: ROSSTAT_ORG_COUNTS.datasetName,
        measure: 'establishments',
        illustrative: false,
      });
      expect(list.items.some((d) => d.name === ILLUSTRATIVE_DATASET.name)).toBe(false);
      // The demo registry is loaded as before.
      const sources = await server.connection.db
        .selectFrom('source_document')
        .select('slug')
        .execute();
      expect(sources.length).toBeGreaterThan(1);
    } finally {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
