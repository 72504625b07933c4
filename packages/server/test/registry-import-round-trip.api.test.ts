import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RegistryImportJobSchema } from '@promatlas/core/api/registry-import.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';
import { settleRegistryImports } from '../src/registry-import/index.ts';
import { inn } from './fixtures/registry-import/make-entity-fixtures.ts';

type Job = z.infer<typeof RegistryImportJobSchema>;

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/registry-import',
);
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const STANKO = inn('482500123');
const ELETS = inn('482100555');

describe.each(databaseKinds())(
  'export → import round trip of statements and contracts on %s',
  (kind) => {
    let t: TestApp;
    let admin: Client;
    let clusterId: number;

    const runImport = async (
      bytes: Buffer,
      entity: string,
      fileName = 'реестр.csv',
    ): Promise<Job> => {
      const uploaded = await admin.request<{ uploadId: string }>(
        'POST',
        '/api/registry-imports/files',
        bytes,
        { 'content-type': 'application/octet-stream' },
      );
      expect(uploaded.status).toBe(201);
      const res = await admin.request<Job & ErrorBody>('POST', '/api/registry-imports', {
        uploadId: uploaded.body.uploadId,
        fileName,
        entity,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      await settleRegistryImports();
      const job = await admin.request<Job>('GET', `/api/registry-imports/${res.body.id}`);
      expect(job.body.status, JSON.stringify(job.body.problems)).toBe('done');
      return job.body;
    };
    // Every imported record is published, so the public export holds them all.
    const exported = async (url: string): Promise<Buffer> => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return res.rawPayload;
    };
    const count = async (table: 'statement' | 'cooperation_contract') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('deleted_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await signIn(t.app, 'administrator');
      await runImport(fixture('entity-organisations.csv'), 'organisations');
      await runImport(fixture('clusters-excel-1251.csv'), 'clusters');
      clusterId = (
        await t.database.db
          .selectFrom('cluster')
          .select('id')
          .where('name', '=', 'Липецкий станкостроительный кластер')
          .executeTakeFirstOrThrow()
      ).id;
    }, 180_000);
    afterAll(async () => {
      await settleRegistryImports();
      await t?.close();
    });

    // The statements import reads facts about organisations and regions; facts
    // about other records (sites, clusters…) are exported but not read back.
    it('changes nothing when the organisations’ and regions’ facts are exported to CSV or XLSX and imported back', async () => {
      const first = await runImport(fixture('statements-excel-1251.csv'), 'statements');
      expect(first.counts.created + first.counts.unchanged).toBe(3);
      const facts = await count('statement');
      for (const subjectType of ['organisation', 'region'])
        for (const format of ['csv', 'xlsx']) {
          const url = `/api/statements/export?subjectType=${subjectType}`;
          const lines = (await exported(`${url}&format=csv`)).toString('utf8').trim().split('\r\n');
          const bytes = await exported(`${url}&format=${format}`);
          const job = await runImport(bytes, 'statements', `факты.${format}`);
          expect(job.columns).toMatchObject({
            'ИНН организации': 'organisationInn',
            Организация: 'organisation',
            Регион: 'region',
            Показатель: 'property',
            Значение: 'value',
            Единица: 'unit',
            Уточнение: 'qualifier',
            'По состоянию на': 'asOf',
          });
          const setAside = await admin.request('GET', `/api/registry-imports/${job.id}/quarantine`);
          expect(job.counts, JSON.stringify(setAside.body)).toMatchObject({
            created: 0,
            updated: 0,
            conflicts: 0,
            refused: 0,
          });
          expect(job.counts.unchanged).toBe(lines.length - 1);
          expect(await count('statement')).toBe(facts);
        }
    });

    it('exports the statements of the chosen subject type and region only', async () => {
      await runImport(fixture('statements-excel-1251.csv'), 'statements');
      const csv = async (query: string) =>
        (await exported(`/api/statements/export?format=csv&${query}`))
          .toString('utf8')
          .trim()
          .split('\r\n')
          .slice(1);
      const regional = await csv('subjectType=region&region=42');
      expect(regional.length).toBeGreaterThan(0);
      expect(regional.every((l) => l.includes(',Регион,Липецкая область,'))).toBe(true);
      expect(regional.some((l) => l.includes('Число резидентов ОЭЗ'))).toBe(true);
      const sites = await csv('subjectType=site');
      expect(sites.length).toBeGreaterThan(0);
      expect(sites.every((l) => l.split(',')[1] === 'Площадка')).toBe(true);
      expect(await csv('subjectType=region&region=16')).toEqual([]);
    });

    it('changes nothing when a cluster’s contracts are exported and imported back, their sources kept', async () => {
      const first = await runImport(fixture('contracts-excel-1251.csv'), 'contracts');
      // The fixture's «Источник» names no source document: the file is cited, and the job says so.
      expect(first.counts).toMatchObject({ created: 2, refused: 2 });
      expect(first.problems).toContainEqual(
        expect.objectContaining({ line: 2, column: 'Источник', code: 'unknown_source' }),
      );
      const contracts = await count('cooperation_contract');
      const sources = await t.database.db
        .selectFrom('cooperation_contract')
        .select(['id', 'source_id'])
        .orderBy('id')
        .execute();
      const bytes = await exported(
        `/api/clusters/${clusterId}/cooperation-contracts/export?format=csv`,
      );
      expect(bytes.toString('utf8')).toMatch(/Файл реестра/);
      const job = await runImport(bytes, 'contracts', 'договоры.csv');
      expect(job.columns).toMatchObject({
        Покупатель: 'buyer',
        Поставщик: 'supplier',
        'Вид договора': 'contractType',
        Подписан: 'signedOn',
        Источник: 'source',
      });
      expect(job.counts).toMatchObject({ created: 0, updated: 0, conflicts: 0, refused: 0 });
      expect(job.counts.unchanged).toBeGreaterThan(0);
      expect(job.problems).toEqual([]);
      expect(await count('cooperation_contract')).toBe(contracts);
      expect(
        await t.database.db
          .selectFrom('cooperation_contract')
          .select(['id', 'source_id'])
          .orderBy('id')
          .execute(),
      ).toEqual(sources);
    });

    it('cites the source document a contract row names by its title', async () => {
      const source = await admin.request<{ id: number }>('POST', '/api/sources', {
        kind: 'reference',
        title: 'Реестр договоров   Липецкого кластера',
        text: 'Договоры участников кластера за 2024 год.',
      });
      expect(source.status, JSON.stringify(source.body)).toBe(201);
      const file = Buffer.from(
        `ИНН покупателя;ИНН поставщика;Дата подписания;Продукция;Источник\n${STANKO};${ELETS};05.05.2024;Гидроцилиндры;реестр договоров липецкого кластера\n`,
      );
      const job = await runImport(file, 'contracts', 'договоры-с-источником.csv');
      expect(job.counts).toMatchObject({ created: 1, refused: 0 });
      expect(job.problems).toEqual([]);
      const row = await t.database.db
        .selectFrom('cooperation_contract')
        .select('source_id')
        .where('product', '=', 'Гидроцилиндры')
        .executeTakeFirstOrThrow();
      expect(row.source_id).toBe(source.body.id);
      const again = await runImport(file, 'contracts', 'договоры-с-источником.csv');
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    });
  },
);
