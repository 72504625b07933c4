import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  QuarantineListSchema,
  QuarantineRowSchema,
  RegistryImportJobSchema,
  RegistryPreviewSchema,
} from '@promatlas/core/api/registry-import.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';
import { settleRegistryImports } from '../src/registry-import/index.ts';
import { inn } from './fixtures/registry-import/make-entity-fixtures.ts';

type Job = z.infer<typeof RegistryImportJobSchema>;
type Preview = z.infer<typeof RegistryPreviewSchema>;
type QuarantinePage = z.infer<typeof QuarantineListSchema>;
type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/registry-import',
);
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const STANKO = inn('482500123');
const MPZ = inn('770100456');

describe.each(databaseKinds())('registry import of linked records on %s', (kind) => {
  let t: TestApp;
  let admin: Client;

  const upload = async (client: Client, bytes: Buffer): Promise<string> => {
    const res = await client.request<{ uploadId: string }>(
      'POST',
      '/api/registry-imports/files',
      bytes,
      { 'content-type': 'application/octet-stream' },
    );
    expect(res.status).toBe(201);
    return res.body.uploadId;
  };
  const preview = async (client: Client, bytes: Buffer, extra: Record<string, unknown>) =>
    client.request<Preview & ErrorBody>('POST', '/api/registry-imports/preview', {
      uploadId: await upload(client, bytes),
      ...extra,
    });
  const finished = async (client: Client, id: number): Promise<Job> => {
    await settleRegistryImports();
    const res = await client.request<Job>('GET', `/api/registry-imports/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const runImport = async (
    client: Client,
    bytes: Buffer,
    extra: Record<string, unknown>,
  ): Promise<Job> => {
    const res = await client.request<Job & ErrorBody>('POST', '/api/registry-imports', {
      uploadId: await upload(client, bytes),
      fileName: 'реестр.csv',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return finished(client, res.body.id);
  };
  const quarantine = async (client: Client, id: number): Promise<QuarantineRow[]> =>
    (
      await client.request<QuarantinePage>(
        'GET',
        `/api/registry-imports/${id}/quarantine?pageSize=200`,
      )
    ).body.items;
  const count = async (
    table:
      | 'person'
      | 'position'
      | 'site'
      | 'site_resident'
      | 'cluster'
      | 'cluster_member'
      | 'cooperation_contract'
      | 'statement',
  ) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async (entityType: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('entity_type', '=', entityType)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = (job: Job) => job.counts;
  const maxId = async (table: 'cooperation_contract' | 'statement') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );
  // Every imported record is published, so the public list export holds them all.
  const exported = async (url: string): Promise<Buffer> => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    const orgs = await runImport(admin, fixture('entity-organisations.csv'), {
      entity: 'organisations',
    });
    expect(orgs.counts.created).toBe(5);
  }, 180_000);
  afterAll(async () => {
    await settleRegistryImports();
    await t?.close();
  });

  describe('people', () => {
    it('suggests the people mapping from a Windows-1251 file and names each bad cell', async () => {
      const res = await preview(admin, fixture('people-excel-1251.csv'), { entity: 'people' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ entity: 'people', encoding: 'windows-1251', rowsTotal: 5 });
      expect(res.body.mapping).toMatchObject({
        ФИО: 'fullName',
        Организация: 'organisation',
        'ИНН организации': 'organisationInn',
        Должность: 'title',
        'В должности с': 'since',
      });
      expect(res.body.fields.map((f) => f.key)).toContain('patronymic');
      const row = (line: number) => res.body.rows.find((r) => r.line === line)!;
      expect(row(3).warnings[0]).toMatchObject({
        column: 'ИНН организации',
        code: 'spaces_removed',
      });
      expect(row(4).problems[0]).toMatchObject({
        column: 'ИНН организации',
        code: 'lost_leading_zero',
      });
      expect(row(4).problems[0]!.message).toMatch(/Excel отбросил ведущий ноль/);
      expect(row(6).problems[0]).toMatchObject({
        column: 'В должности с',
        code: 'formula_error',
      });
    });

    it('creates people with their positions once, sets aside the rest, and a fixed row is written on retry', async () => {
      const people = await count('person');
      const positions = await count('position');
      const personAudits = await audits('person');
      const positionAudits = await audits('position');
      const job = await runImport(admin, fixture('people-excel-1251.csv'), { entity: 'people' });
      expect(job.status).toBe('done');
      expect(counts(job)).toMatchObject({ created: 2, updated: 0, refused: 3 });
      expect(await count('person')).toBe(people + 2);
      expect(await count('position')).toBe(positions + 2);
      expect(await audits('person')).toBe(personAudits + 2);
      expect(await audits('position')).toBe(positionAudits + 2);
      const ivanov = await t.database.db
        .selectFrom('position')
        .innerJoin('person', 'person.id', 'position.person_id')
        .select(['position.title', 'position.valid_from', 'position.source_id'])
        .where('person.last_name', '=', 'Иванов')
        .executeTakeFirstOrThrow();
      expect(ivanov.title).toBe('Генеральный директор');
      expect(String(ivanov.valid_from).slice(0, 10)).toMatch(/2020-02-01|Sat Feb 01 2020/);
      expect(ivanov.source_id).toBe(job.sourceId);
      const set = await quarantine(admin, job.id);
      const absent = set.find((r) => r.line === 5)!;
      expect(absent.problems[0]).toMatchObject({
        column: 'ИНН организации',
        code: 'unknown_organisation',
      });
      // The same file again changes nothing.
      const again = await runImport(admin, fixture('people-excel-1251.csv'), { entity: 'people' });
      expect(counts(again)).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 3 });
      expect(await count('person')).toBe(people + 2);
      // The person fixes the unknown ИНН (the organisation is МПЗ) and retries.
      const fix = await admin.request<QuarantineRow>(
        'PATCH',
        `/api/registry-imports/${again.id}/quarantine/${(await quarantine(admin, again.id)).find((r) => r.line === 5)!.id}`,
        { values: { organisationInn: MPZ } },
      );
      expect(fix.status, JSON.stringify(fix.body)).toBe(200);
      expect(fix.body.problems).toEqual([]);
      const retry = await admin.request<Job>('POST', `/api/registry-imports/${again.id}/retry`, {});
      expect(retry.status).toBe(202);
      const retried = await finished(admin, retry.body.id);
      expect(counts(retried)).toMatchObject({ created: 1, refused: 2 });
      expect(await count('person')).toBe(people + 3);
    });

    it('reads an XLSX with merged group titles over the header, matching the people already there', async () => {
      const job = await runImport(admin, fixture('people-merged-header.xlsx'), {
        entity: 'people',
      });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      // Each column is named under its merged group title, and suggested by its own name.
      expect(job.columns).toMatchObject({
        'Персона Фамилия': 'lastName',
        'Персона Имя': 'firstName',
        'Персона Отчество': 'patronymic',
        'Место работы ИНН организации': 'organisationInn',
        'Место работы Должность': 'title',
      });
      expect(counts(job)).toMatchObject({ created: 1, unchanged: 1, refused: 0 });
    });

    it('changes nothing when the people list is exported and imported back', async () => {
      const before = [await count('person'), await count('position')];
      const bytes = await exported('/api/people/export?format=csv');
      const job = await runImport(admin, bytes, { entity: 'people' });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 0, updated: 0, conflicts: 0 });
      expect(counts(job).unchanged).toBe(before[0]);
      expect([await count('person'), await count('position')]).toEqual(before);
    });
  });

  describe('sites', () => {
    it('creates a site once with each of its residents, refusing an unknown kind and a repeated row', async () => {
      const sites = await count('site');
      const residents = await count('site_resident');
      const job = await runImport(admin, fixture('sites-excel-1251.csv'), { entity: 'sites' });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 3, refused: 2 });
      expect(await count('site')).toBe(sites + 2);
      expect(await count('site_resident')).toBe(residents + 2);
      const set = await quarantine(admin, job.id);
      expect(set.find((r) => r.line === 5)!.problems[0]).toMatchObject({
        column: 'Тип площадки',
        code: 'unknown_kind',
      });
      expect(set.find((r) => r.line === 6)!.reasonCode).toBe('duplicate_in_file');
      const again = await runImport(admin, fixture('sites-excel-1251.csv'), { entity: 'sites' });
      expect(counts(again)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    });

    it('reads the sites workbook with merged header cells and adds only what is new', async () => {
      const sites = await count('site');
      const job = await runImport(admin, fixture('sites-merged-header.xlsx'), { entity: 'sites' });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job), JSON.stringify(await quarantine(admin, job.id))).toMatchObject({
        created: 1,
        unchanged: 1,
      });
      expect(await count('site')).toBe(sites + 1);
    });

    it('changes nothing when the sites list is exported to XLSX and imported back', async () => {
      const bytes = await exported('/api/sites/export?format=xlsx');
      const job = await runImport(admin, bytes, { entity: 'sites' });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 0, updated: 0, conflicts: 0, refused: 0 });
      expect(counts(job).unchanged).toBe(await count('site'));
    });
  });

  describe('clusters', () => {
    it('creates a cluster with its members and roles, and reports a newer edit instead of overwriting it', async () => {
      const job = await runImport(admin, fixture('clusters-excel-1251.csv'), {
        entity: 'clusters',
      });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 2, refused: 1 });
      const roles = await t.database.db
        .selectFrom('cluster_member')
        .innerJoin('cluster', 'cluster.id', 'cluster_member.cluster_id')
        .where('cluster.name', '=', 'Липецкий станкостроительный кластер')
        .select('role')
        .orderBy('role')
        .execute();
      expect(roles.map((r) => r.role)).toEqual(['anchor', 'component_supplier']);
      expect((await quarantine(admin, job.id))[0]!.problems[0]).toMatchObject({
        column: 'Роль участника',
        code: 'unknown_role',
      });
      // Someone edits the specialisation by hand; the file still says the old one.
      await t.database.db
        .updateTable('cluster')
        .where('name', '=', 'Липецкий станкостроительный кластер')
        .set((eb) => ({
          specialisation: 'Станкостроение и робототехника',
          version: eb('version', '+', 1),
        }))
        .execute();
      const again = await runImport(admin, fixture('clusters-excel-1251.csv'), {
        entity: 'clusters',
      });
      expect(counts(again)).toMatchObject({ created: 0, updated: 0, conflicts: 2 });
      const cluster = await t.database.db
        .selectFrom('cluster')
        .where('name', '=', 'Липецкий станкостроительный кластер')
        .select('specialisation')
        .executeTakeFirstOrThrow();
      expect(cluster.specialisation).toBe('Станкостроение и робототехника');
    });

    it('changes nothing when the clusters list is exported and imported back', async () => {
      const bytes = await exported('/api/clusters/export?format=csv');
      const job = await runImport(admin, bytes, { entity: 'clusters' });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 0, updated: 0, conflicts: 0, refused: 0 });
      expect(counts(job).unchanged).toBe(await count('cluster'));
    });
  });

  describe('contracts', () => {
    it('writes contracts through the cooperation rules with Russian decimal commas, and only once', async () => {
      const contracts = await count('cooperation_contract');
      const contractAudits = await audits('cooperation_contract');
      const firstId = await maxId('cooperation_contract');
      const job = await runImport(admin, fixture('contracts-excel-1251.csv'), {
        entity: 'contracts',
      });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job), JSON.stringify(await quarantine(admin, job.id))).toMatchObject({
        created: 2,
        refused: 2,
      });
      const rows = await t.database.db
        .selectFrom('cooperation_contract')
        .where('id', '>', firstId)
        .select(['okpd2_code', 'value_rub', 'contract_type', 'source_id'])
        .orderBy('id')
        .execute();
      expect(rows[0]).toMatchObject({ okpd2_code: '28.41', contract_type: 'supply' });
      expect(Number(rows[0]!.value_rub)).toBe(1234567.89);
      expect(rows[1]!.contract_type).toBe('spic');
      expect(rows[0]!.source_id).toBe(job.sourceId);
      expect(await audits('cooperation_contract')).toBe(contractAudits + 2);
      const set = await quarantine(admin, job.id);
      expect(set.find((r) => r.line === 3)!.problems[0]!.code).toBe('same_party');
      expect(set.find((r) => r.line === 5)!.problems[0]).toMatchObject({
        column: 'Дата подписания',
        code: 'not_a_date',
      });
      const again = await runImport(admin, fixture('contracts-excel-1251.csv'), {
        entity: 'contracts',
      });
      expect(counts(again)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(await count('cooperation_contract')).toBe(contracts + 2);
    });

    it('refuses a regional editor a contract with a party outside the regions granted', async () => {
      const editor = await signIn(t.app, 'regional_editor', ['42']);
      const job = await runImport(editor, fixture('contracts-merged-header.xlsx'), {
        entity: 'contracts',
      });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      // Both parties of the workbook's contract are in Lipetsk oblast: allowed.
      expect(counts(job)).toMatchObject({ created: 1, refused: 0 });
      const file = Buffer.from(
        `ИНН покупателя;ИНН поставщика;Дата подписания\n${STANKO};${MPZ};01.02.2024\n`,
      );
      const foreign = await runImport(editor, file, { entity: 'contracts' });
      expect(counts(foreign)).toMatchObject({ created: 0, refused: 1 });
      expect((await quarantine(editor, foreign.id))[0]!.reasonCode).toBe('forbidden_region');
    });
  });

  describe('statements', () => {
    it('records dated facts about organisations and regions, and a second import changes nothing', async () => {
      const firstId = await maxId('statement');
      const job = await runImport(admin, fixture('statements-excel-1251.csv'), {
        entity: 'statements',
      });
      expect(job.status, JSON.stringify(job.problems)).toBe('done');
      expect(counts(job)).toMatchObject({ created: 3, refused: 1 });
      const facts = await t.database.db
        .selectFrom('statement')
        .where('id', '>', firstId)
        .select(['subject_type', 'property', 'value_number'])
        .orderBy('id')
        .execute();
      expect(facts.map((f) => [f.subject_type, Number(f.value_number)])).toEqual([
        ['organisation', 1250],
        ['organisation', 3456.7],
        ['region', 65],
      ]);
      expect((await quarantine(admin, job.id))[0]!.problems[0]).toMatchObject({
        column: 'По состоянию на',
        code: 'future_date',
      });
      const again = await runImport(admin, fixture('statements-excel-1251.csv'), {
        entity: 'statements',
      });
      expect(counts(again)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const xlsx = await runImport(admin, fixture('statements-merged-header.xlsx'), {
        entity: 'statements',
      });
      expect(counts(xlsx)).toMatchObject({ created: 1 });
    });
  });

  describe('bad input', () => {
    const refusal = async (bytes: Buffer, extra: Record<string, unknown>) => {
      const res = await preview(admin, bytes, extra);
      expect(res.status).toBe(400);
      return res.body.error;
    };

    it('refuses a file without the columns an entity needs, naming them', async () => {
      const error = await refusal(Buffer.from('Покупатель;Сумма\nООО «Альфа»;100\n'), {
        entity: 'contracts',
      });
      expect(error.message).toMatch(/поставщик/);
      expect(error.message).toMatch(/дат/);
      expect(error.messageEn).toMatch(/supplier/);
    });

    it('refuses two columns mapped to one person field and a KOI8-R sites file', async () => {
      const twice = await refusal(Buffer.from('Фамилия;ФИО\nИванов;Иванов Иван\n'), {
        entity: 'people',
        columns: { Фамилия: 'lastName', ФИО: 'lastName' },
      });
      expect(twice.message).toMatch(/сопоставлено двум столбцам/);
      const koi = await refusal(
        iconv.encode(
          'Наименование площадки;Регион\nОЭЗ «Липецк»;Липецкая область\nТехнопарк «Кванториум»;Липецкая область\n',
          'koi8-r',
        ),
        { entity: 'sites' },
      );
      expect(koi.message).toMatch(/KOI8-R/);
    });

    it('refuses an entity the import does not know', async () => {
      const res = await preview(admin, Buffer.from('a;b\n1;2\n'), { entity: 'planets' });
      expect(res.status).toBe(400);
    });

    it('sets aside a row with 300 cells, naming the line, and writes nothing of it', async () => {
      const before = await count('site');
      const wide = ['Технопарк «Широкий»', 'Липецкая область', ...Array(298).fill('x')].join(';');
      const job = await runImport(admin, Buffer.from(`Наименование площадки;Регион\n${wide}\n`), {
        entity: 'sites',
      });
      expect(counts(job)).toMatchObject({ created: 0, refused: 1 });
      expect((await quarantine(admin, job.id))[0]!.problems[0]!.code).toBe('too_many_cells');
      expect(await count('site')).toBe(before);
    });
  });
});
