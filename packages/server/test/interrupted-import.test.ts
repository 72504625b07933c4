import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/server.ts';
import { insertDataset } from '../src/datasets/dataset.repository.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { DatasetList } from './api-types.ts';

/**
 * A batched import (the embedded database's) is written in many statements.
 * Until its last batch is in, the dataset is pending: nobody reads it, and a
 * dataset still pending at start — a process stopped mid-import — is removed.
 */
describe('an interrupted batched import on pglite', () => {
  let t: TestApp;
  let analyst: Client;
  let pendingId: number;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    analyst = await signIn(t.app, 'analyst');
    const db = t.database.db;
    // What a process stopped after its first batch leaves behind.
    pendingId = await insertDataset(db, {
      name: 'Прерванный импорт',
      measure: 'employment',
      unit: 'человек',
      provenance: 'Импорт файла «big.csv»',
      import_pending: true,
    });
    await db
      .insertInto('dataset_value')
      .values([
        { dataset_id: pendingId, region_code: '42', industry_code: '10', year: 2022, value: 7 },
        { dataset_id: pendingId, region_code: '68', industry_code: '10', year: 2022, value: 3 },
      ])
      .execute();
  }, 120_000);
  afterAll(async () => t?.close());

  it('hides the pending dataset from the list and its page answers 404', async () => {
    const list = await analyst.request<DatasetList>('GET', '/api/datasets');
    expect(list.status).toBe(200);
    const ids = (list.body.items ?? list.body).map((d: { id: number }) => d.id);
    expect(ids).not.toContain(pendingId);
    expect((await analyst.request('GET', `/api/datasets/${pendingId}`)).status).toBe(404);
  });

  it('shows none of its values to readers of the views', async () => {
    const { rows } = await t.database.pool.query(
      'SELECT count(*)::int AS n FROM internal.dataset_value WHERE dataset_id = $1',
      [pendingId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('removes it, values included, when the server prepares the database at start', async () => {
    await prepareDatabase(t.database, { demo: false });
    const left = await t.database.db
      .selectFrom('dataset_value')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dataset_id', '=', pendingId)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    const dataset = await t.database.db
      .selectFrom('statistical_dataset')
      .select('id')
      .where('id', '=', pendingId)
      .executeTakeFirst();
    expect(dataset).toBeUndefined();
  });
});
