import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  QuarantineRowSchema,
  RegistryImportJobSchema,
} from '@promatlas/core/api/registry-import.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';
import { settleRegistryImports } from '../src/registry-import/index.ts';
import { inn } from './fixtures/registry-import/make-entity-fixtures.ts';

type Job = z.infer<typeof RegistryImportJobSchema>;
type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

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
      as: Client = admin,
    ): Promise<Job> => {
      const uploaded = await as.request<{ uploadId: string }>(
        'POST',
        '/api/registry-imports/files',
        bytes,
        { 'content-type': 'application/octet-stream' },
      );
      expect(uploaded.status).toBe(201);
      const res = await as.request<Job & ErrorBody>('POST', '/api/registry-imports', {
        uploadId: uploaded.body.uploadId,
        fileName,
        entity,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      await settleRegistryImports();
      const job = await as.request<Job>('GET', `/api/registry-imports/${res.body.id}`);
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

    /** The refused rows of a job with their problems (the column and the reason). */
    const setAside = async (job: Job, as: Client = admin): Promise<QuarantineRow[]> =>
      (
        await as.request<{ items: QuarantineRow[] }>(
          'GET',
          `/api/registry-imports/${job.id}/quarantine?pageSize=200`,
        )
      ).body.items;

    /** A published site of Lipetsk oblast (region 42) of the demo, with its region's name. */
    const liveSite = async () => {
      const row = await t.database.db
        .selectFrom('site as s')
        .innerJoin('region as r', 'r.code', 's.region_code')
        .select(['s.id', 's.name', 'r.name as regionName'])
        .where('s.region_code', '=', '42')
        .where('s.deleted_at', 'is', null)
        .where('s.published', '=', true)
        .orderBy('s.id')
        .executeTakeFirstOrThrow();
      return row;
    };

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

    // The statements import reads back facts about organisations, regions, sites
    // and clusters; facts about other records (projects, events…) are exported only.
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
      // Four imports and exports in a row: more than the default minute on a loaded machine.
    }, 240_000);

    it('changes nothing when the sites’ and clusters’ facts are exported to CSV or XLSX and imported back', async () => {
      // A fact of each kind about records the test made, so both lists are never empty.
      const site = await liveSite();
      const facts0 = Buffer.from(
        `Площадка;Кластер;Регион;Показатель;Значение;Единица;По состоянию на\n` +
          `${site.name};;${site.regionName};Площадь, га;120,5;га;01.07.2024\n` +
          `;Липецкий станкостроительный кластер;Липецкая область;Число участников;14;;01.01.2025\n`,
      );
      await runImport(facts0, 'statements', 'факты-площадок.csv');
      const facts = await count('statement');
      for (const subjectType of ['site', 'cluster'])
        for (const format of ['csv', 'xlsx']) {
          const url = `/api/statements/export?subjectType=${subjectType}`;
          const lines = (await exported(`${url}&format=csv`)).toString('utf8').trim().split('\r\n');
          expect(lines.length).toBeGreaterThan(1);
          const bytes = await exported(`${url}&format=${format}`);
          const job = await runImport(bytes, 'statements', `факты.${format}`);
          expect(job.columns).toMatchObject({
            Площадка: 'site',
            Кластер: 'cluster',
            Регион: 'region',
            Показатель: 'property',
            Значение: 'value',
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
      // Four imports and exports in a row: more than the default minute on a loaded machine.
    }, 240_000);

    it('creates facts about a site and a cluster named with their region, cites the file, audits each, and a second import changes nothing', async () => {
      const site = await liveSite();
      const file = Buffer.from(
        `Площадка;Кластер;Регион;Показатель;Значение;Единица;По состоянию на\n` +
          `${site.name};;${site.regionName};Инвестиции резидентов;7 300;млн руб.;01.04.2025\n` +
          `;Липецкий станкостроительный кластер;Липецкая область;Объём закупок у участников;410,2;млн руб.;01.04.2025\n`,
      );
      const first = await runImport(file, 'statements', 'факты-апрель.csv');
      expect(first.counts).toMatchObject({ created: 2, refused: 0 });
      const rows = await t.database.db
        .selectFrom('statement')
        .select(['id', 'subject_type', 'subject_id', 'value_number', 'source_id'])
        .where('property', 'in', ['Инвестиции резидентов', 'Объём закупок у участников'])
        .where('deleted_at', 'is', null)
        .orderBy('property')
        .execute();
      expect(rows.map((r) => [r.subject_type, r.subject_id, Number(r.value_number)])).toEqual([
        ['site', String(site.id), 7300],
        ['cluster', String(clusterId), 410.2],
      ]);
      // The file is the facts' source document, and each fact has its audit entry.
      expect(first.sourceId).not.toBeNull();
      for (const r of rows) expect(r.source_id).toBe(first.sourceId);
      const audit = await t.database.db
        .selectFrom('audit_entry')
        .select(['entity_type', 'entity_id'])
        .where('entity_type', '=', 'statement')
        .where(
          'entity_id',
          'in',
          rows.map((r) => String(r.id)),
        )
        .execute();
      expect(audit.length).toBe(2);
      const again = await runImport(file, 'statements', 'факты-апрель.csv');
      expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    });

    it('refuses a fact about an unknown or ambiguous site or cluster, naming the line and the column in Russian and English', async () => {
      const db = t.database.db;
      for (const region_code of ['42', '92'])
        await db
          .insertInto('site')
          .values({ kind: 'technopark', name: 'Технопарк-двойник (запись теста)', region_code })
          .execute();
      const file = Buffer.from(
        `Площадка;Кластер;Регион;Показатель;Значение\n` +
          `Нет такой площадки;;Липецкая область;Площадь, га;10\n` +
          `;Нет такого кластера;;Число участников;5\n` +
          `Технопарк-двойник (запись теста);;;Площадь, га;12\n` +
          `Технопарк-двойник (запись теста);;Липецкая область;Площадь, га;12\n`,
      );
      const job = await runImport(file, 'statements', 'факты-с-ошибками.csv');
      expect(job.counts).toMatchObject({ created: 1, refused: 3 });
      const refused = await setAside(job);
      const problemOf = (line: number) => refused.find((r) => r.line === line)?.problems[0];
      const site = problemOf(2)!;
      expect(site).toMatchObject({ column: 'Площадка', code: 'unknown_site' });
      expect(site.message).toContain(
        'площадки «Нет такой площадки» в регионе «Липецкая область» нет в реестре',
      );
      expect(site.messageEn).toContain('no site "Нет такой площадки"');
      expect(problemOf(3)).toMatchObject({
        column: 'Кластер',
        code: 'unknown_cluster',
      });
      // Without a region two sites of that name are two candidates: the row is refused, not guessed.
      const twin = problemOf(4)!;
      expect(twin).toMatchObject({ column: 'Площадка', code: 'ambiguous_match' });
      expect(twin.message).toContain('укажите регион');
      expect(twin.messageEn).toContain('give the region');
    });

    it('lets a regional editor import facts about the sites of their regions only', async () => {
      const db = t.database.db;
      await db
        .insertInto('site')
        .values({
          kind: 'industrial_park',
          name: 'Парк Татарстана (запись теста)',
          region_code: '92',
        })
        .execute();
      const site = await liveSite();
      const editor = await signIn(t.app, 'regional_editor', ['42']);
      const file = Buffer.from(
        `Площадка;Регион;Показатель;Значение\n` +
          `${site.name};${site.regionName};Свободных участков;4\n` +
          `Парк Татарстана (запись теста);;Свободных участков;9\n`,
      );
      const job = await runImport(file, 'statements', 'факты-редактора.csv', editor);
      expect(job.counts).toMatchObject({ created: 1, refused: 1 });
      const refused = await setAside(job, editor);
      expect(refused.map((r) => [r.line, r.reasonCode])).toEqual([[3, 'forbidden_region']]);
      expect(refused[0]!.problems[0]!.messageEn).toContain('Татарстан');
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
