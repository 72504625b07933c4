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

type Job = z.infer<typeof RegistryImportJobSchema>;
type Preview = z.infer<typeof RegistryPreviewSchema>;
type QuarantinePage = z.infer<typeof QuarantineListSchema>;
type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/registry-import',
);
const CSV_1251 = fs.readFileSync(path.join(FIXTURES, 'organisations-excel-1251.csv'));
const XLSX_MERGED = fs.readFileSync(path.join(FIXTURES, 'organisations-merged-header.xlsx'));

describe.each(databaseKinds())('registry import of organisations on %s', (kind) => {
  let t: TestApp;
  let admin: Client;

  const upload = async (client: Client, bytes: Buffer): Promise<string> => {
    const res = await client.request<{ uploadId: string }>(
      'POST',
      '/api/registry-imports/files',
      bytes,
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(res.status).toBe(201);
    return res.body.uploadId;
  };
  const preview = async (client: Client, bytes: Buffer, extra: Record<string, unknown> = {}) =>
    client.request<Preview & ErrorBody>('POST', '/api/registry-imports/preview', {
      uploadId: await upload(client, bytes),
      ...extra,
    });
  /** Starts an import and waits for its job to end. */
  const runImport = async (
    client: Client,
    bytes: Buffer,
    extra: Record<string, unknown> = {},
  ): Promise<Job> => {
    const res = await client.request<Job & ErrorBody>('POST', '/api/registry-imports', {
      uploadId: await upload(client, bytes),
      fileName: 'реестр.csv',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return finished(client, res.body.id);
  };
  const finished = async (client: Client, id: number): Promise<Job> => {
    await settleRegistryImports();
    const res = await client.request<Job>('GET', `/api/registry-imports/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const quarantine = async (client: Client, id: number): Promise<QuarantineRow[]> =>
    (
      await client.request<QuarantinePage>(
        'GET',
        `/api/registry-imports/${id}/quarantine?pageSize=200`,
      )
    ).body.items;
  const count = async (
    table: 'organisation' | 'audit_entry' | 'source_document',
    where?: [string, string],
  ) => {
    let q = t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
    if (where) q = q.where(where[0] as never, '=', where[1] as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const byInn = (inn: string) =>
    t.database.db
      .selectFrom('organisation')
      .selectAll()
      .where('inn', '=', inn)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
    admin = await signIn(t.app, 'administrator');
  }, 180_000);
  afterAll(async () => {
    await settleRegistryImports();
    await t?.close();
  });

  it('reads a Windows-1251 «;» file as Russian Excel saves it, suggests the mapping from the headers and checks the first rows', async () => {
    const res = await preview(admin, CSV_1251);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      rowsTotal: 8,
      mappingSource: 'suggested',
    });
    expect(p.mapping).toMatchObject({
      'Полное наименование': 'fullName',
      'Краткое наименование': 'name',
      ИНН: 'inn',
      ОГРН: 'ogrn',
      КПП: 'kpp',
      Регион: 'region',
      Город: 'town',
      ОКВЭД: 'okvedMain',
      Широта: 'latitude',
      Долгота: 'longitude',
    });
    expect(p.mapping['№ п/п']).toBeUndefined();
    const row = (line: number) => p.rows.find((r) => r.line === line)!;
    expect(row(2).valid).toBe(true);
    expect(row(4).valid).toBe(true);
    expect(row(4).warnings[0]).toMatchObject({ column: 'ИНН', code: 'spaces_removed' });
    expect(row(5).problems[0]).toMatchObject({ column: 'ИНН', code: 'lost_leading_zero' });
    expect(row(5).problems[0]!.message).toMatch(
      /Excel отбросил ведущий ноль \(должно быть «0105003213»\)|Excel отбросил ведущий ноль/,
    );
    expect(row(6).problems[0]).toMatchObject({ column: 'ИНН', code: 'checksum' });
    expect(row(9).problems[0]).toMatchObject({ column: 'Регион', code: 'unknown_region' });
    expect(row(7).raw['Краткое наименование']).toBe('ООО "Альфа; Бета"');
  });

  it('imports the valid rows with provenance and one audit entry each, and sets the bad ones aside naming the row, the column and the reason', async () => {
    const job = await runImport(admin, CSV_1251);
    expect(job.status).toBe('done');
    // The file may have been imported by another test already: then its rows are unchanged.
    expect(job.counts.created + job.counts.unchanged).toBe(5);
    expect(job.counts).toMatchObject({ refused: 3, conflicts: 0 });
    expect(job.progress).toBe(1);
    const lipetsk = await byInn('4825001235');
    expect(lipetsk).toMatchObject({
      name: '«Липецкий станкозавод»',
      legal_form: 'ООО',
      full_name: 'Общество с ограниченной ответственностью «Липецкий станкозавод»',
      region_code: '42',
      town: 'Липецк',
      kpp: '482501001',
      latitude: 52.6031,
      longitude: 39.5708,
    });
    expect((await byInn('7701004567'))?.region_code).toBe('45');
    expect((await byInn('1655007898'))?.region_code).toBe('92');
    const source = await t.database.db
      .selectFrom('source_document')
      .selectAll()
      .where('id', '=', lipetsk!.source_id!)
      .executeTakeFirstOrThrow();
    expect(source).toMatchObject({ kind: 'registry_file', title: 'Файл реестра «реестр.csv»' });
    expect(source.text).toMatch(/загрузил: administrator/);
    const okved = await t.database.db
      .selectFrom('organisation_okved')
      .selectAll()
      .where('organisation_id', '=', lipetsk!.id)
      .execute();
    expect(okved).toEqual([{ organisation_id: lipetsk!.id, okved_code: '28.41', is_main: true }]);
    const ids = await Promise.all(
      ['4825001235', '7701004567', '1655007898'].map(async (inn) => String((await byInn(inn))!.id)),
    );
    const created = await t.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_type', '=', 'organisation')
      .where('action', '=', 'create')
      .where('entity_id', 'in', ids)
      .execute();
    expect(created).toHaveLength(3);
    expect(created.every((a) => a.source_id === source.id)).toBe(true);
    const rows = await quarantine(admin, job.id);
    expect(
      rows.map((r) => [r.line, r.reasonCode, r.problems[0]!.column, r.problems[0]!.code]),
    ).toEqual([
      [5, 'invalid_value', 'ИНН', 'lost_leading_zero'],
      [6, 'invalid_value', 'ИНН', 'checksum'],
      [9, 'invalid_value', 'Регион', 'unknown_region'],
    ]);
    expect(rows[2]!.problems[0]!.message).toBe('регион «Марс» не найден среди субъектов РФ');
    expect(rows[2]!.problems[0]!.messageEn).toBe(
      'region "Марс" is not a federal subject of Russia',
    );
  });

  it('changes nothing on a second import of the same file', async () => {
    await runImport(admin, CSV_1251);
    const organisations = await count('organisation');
    const audit = await count('audit_entry', ['entity_type', 'organisation']);
    const sources = await count('source_document');
    const job = await runImport(admin, CSV_1251);
    expect(job.changes).toEqual([]);
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: 5, refused: 3, conflicts: 0 });
    expect(await count('organisation')).toBe(organisations);
    expect(await count('audit_entry', ['entity_type', 'organisation'])).toBe(audit);
    expect(await count('source_document')).toBe(sources);
  });

  it('reports a conflict with a newer edit instead of overwriting it, and overwrites only when the person says so', async () => {
    await runImport(admin, CSV_1251);
    const before = (await byInn('7701004567'))!;
    const edit = await admin.request('PATCH', `/api/organisations/${before.id}`, {
      version: before.version,
      town: 'Зеленоград',
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const job = await runImport(admin, CSV_1251);
    expect(job.counts).toMatchObject({ created: 0, updated: 0, conflicts: 1 });
    expect((await byInn('7701004567'))!.town).toBe('Зеленоград');
    const conflict = (await quarantine(admin, job.id)).find((r) => r.reasonCode === 'conflict')!;
    expect(conflict).toMatchObject({ line: 3, recordId: before.id });
    expect(conflict.problems[0]).toMatchObject({
      column: 'Город',
      field: 'town',
      code: 'conflict',
    });
    expect(conflict.problems[0]!.message).toMatch(/в реестре «Зеленоград», в файле «Москва»/);
    const fix = await admin.request<QuarantineRow>(
      'PATCH',
      `/api/registry-imports/${job.id}/quarantine/${conflict.id}`,
      { overwrite: true },
    );
    expect(fix.status).toBe(200);
    const retry = await admin.request<Job>('POST', `/api/registry-imports/${job.id}/retry`, {});
    expect(retry.status).toBe(202);
    const retried = await finished(admin, retry.body.id);
    // The other three rows set aside are still wrong, and set aside again under the retry.
    expect(retried.counts).toMatchObject({ updated: 1, refused: 3, conflicts: 0 });
    expect((await byInn('7701004567'))!.town).toBe('Москва');
  });

  it('retries a row fixed in the page, and the fixed organisation is written', async () => {
    const job = await runImport(admin, CSV_1251);
    const lostZero = (await quarantine(admin, job.id)).find((r) => r.line === 5)!;
    const wrong = await admin.request<QuarantineRow>(
      'PATCH',
      `/api/registry-imports/${job.id}/quarantine/${lostZero.id}`,
      {
        values: { inn: '0105003214' },
      },
    );
    expect(wrong.body.problems[0]).toMatchObject({ field: 'inn', code: 'checksum' });
    const fixed = await admin.request<QuarantineRow>(
      'PATCH',
      `/api/registry-imports/${job.id}/quarantine/${lostZero.id}`,
      {
        values: { inn: `0${lostZero.values['inn']}` },
      },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.problems).toEqual([]);
    const retry = await admin.request<Job>('POST', `/api/registry-imports/${job.id}/retry`, {});
    const retried = await finished(admin, retry.body.id);
    expect(retried.counts).toMatchObject({ created: 1 });
    const again = (await quarantine(admin, retried.id)).map((r) => r.line);
    expect(again).toEqual(expect.arrayContaining([6, 9]));
    expect(again).not.toContain(5);
    expect((await byInn(`0${lostZero.values['inn']}`))?.region_code).toBe('79');
    expect((await quarantine(admin, job.id)).filter((r) => r.status === 'open')).toEqual([]);
  });

  it('runs a dry run that reports what would be created and writes nothing', async () => {
    const lines = [
      'Наименование;ИНН;Регион',
      `ООО «Пробный прогон»;${'6829000010'.slice(0, 9)}${checkDigit('682900001')};Тамбовская область`,
    ];
    const organisations = await count('organisation');
    const job = await runImport(admin, Buffer.from(lines.join('\r\n'), 'utf8'), { dryRun: true });
    expect(job).toMatchObject({ status: 'done', dryRun: true, sourceId: null });
    expect(job.counts).toMatchObject({ created: 1, refused: 0 });
    expect(job.changes[0]).toMatchObject({
      action: 'create',
      name: '«Пробный прогон»',
      recordId: null,
    });
    expect(await count('organisation')).toBe(organisations);
  });

  it('reads an XLSX whose header spans merged group titles, takes a formula by its result and refuses a #REF! cell', async () => {
    const res = await preview(admin, XLSX_MERGED);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.headers).toEqual([
      'Организация Наименование',
      'Организация Полное наименование',
      'Реквизиты ИНН',
      'Реквизиты ОГРН',
      'Размещение Регион',
      'Размещение Город',
      'Деятельность ОКВЭД',
    ]);
    expect(res.body.mapping).toMatchObject({
      'Реквизиты ИНН': 'inn',
      'Размещение Регион': 'region',
      'Деятельность ОКВЭД': 'okvedMain',
    });
    const job = await runImport(admin, XLSX_MERGED);
    const rows = await quarantine(admin, job.id);
    expect(rows.map((r) => [r.line, r.problems[0]!.column, r.problems[0]!.code])).toEqual([
      [7, 'Реквизиты ИНН', 'formula_error'],
    ]);
    expect(rows[0]!.problems[0]!.message).toMatch(/#REF!/);
    expect((await byInn(`482500777${checkDigit('482500777')}`))?.name).toBe('«Формула»');
  });

  it('saves the mapping per file layout and offers it for the next file with the same headers', async () => {
    const lines = [
      'Организация;Код налогоплательщика;Субъект',
      `ООО «Раскладка»;${'682900002'}${checkDigit('682900002')};Тамбовская область`,
    ];
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const columns = { Организация: 'name', 'Код налогоплательщика': 'inn', Субъект: 'region' };
    const first = await preview(admin, bytes);
    expect(first.body.mapping['Код налогоплательщика']).toBeUndefined();
    await runImport(admin, bytes, { columns });
    const second = await preview(
      admin,
      Buffer.from(`${lines[0]}\nООО «Другая»;;Тамбовская область\n`, 'utf8'),
    );
    expect(second.body).toMatchObject({ mappingSource: 'saved', mapping: columns });
  });

  it('limits a regional editor to the organisations of the regions granted', async () => {
    const editor = await signIn(t.app, 'regional_editor', ['42']);
    const lines = [
      'Наименование;ИНН;Регион',
      `ООО «Своё»;482500011${checkDigit('482500011')};Липецкая область`,
      `ООО «Чужое»;682900011${checkDigit('682900011')};Тамбовская область`,
      'ООО «Без региона»;;',
    ];
    const job = await runImport(editor, Buffer.from(lines.join('\n'), 'utf8'));
    expect(job.counts).toMatchObject({ created: 1, refused: 2 });
    const rows = await quarantine(editor, job.id);
    expect(rows.map((r) => r.reasonCode)).toEqual(['forbidden_region', 'forbidden_region']);
    expect(rows[0]!.problems[0]!.message).toMatch(
      /нет прав на организации региона «Тамбовская область»/,
    );
    expect(await byInn(`682900011${checkDigit('682900011')}`)).toBeUndefined();
    // Another user's job is not theirs to read.
    expect((await admin.request('GET', `/api/registry-imports/${job.id}`)).status).toBe(200);
    const other = await signIn(t.app, 'regional_editor', ['42']);
    expect((await other.request('GET', `/api/registry-imports/${job.id}`)).status).toBe(404);
  });

  it('cancels a running import before its next batch, writing nothing more', async () => {
    const { startRegistryImport, cancelRegistryImport } =
      await import('../src/registry-import/registry-import.service.ts');
    const lines = [
      'Наименование;Регион',
      ...Array.from({ length: 1200 }, (_, i) => `ООО «Отмена ${i}»;Липецкая область`),
    ];
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const actor = {
      userId: null,
      regions: null,
      name: 'тест',
      administrator: true,
      viewer: { user: null, sessionHash: null, csrfToken: null },
    };
    const organisations = await count('organisation');
    let id = 0;
    const job = await startRegistryImport(
      t.database.db,
      t.database.kind,
      { bytes, fileName: 'отмена.csv', size: bytes.length, sha256: 'отмена' },
      { entity: 'organisations', dryRun: false },
      actor,
      // Called once the worker has read the file, before the first batch is written.
      async () => void (await cancelRegistryImport(t.database.db, id, actor)),
    );
    id = job.id;
    await settleRegistryImports();
    const { body } = await admin.request<Job>('GET', `/api/registry-imports/${id}`);
    expect(body).toMatchObject({ status: 'cancelled', rowsDone: 0, cancelRequested: true });
    expect(await count('organisation')).toBe(organisations);
    const again = await admin.request<ErrorBody>('POST', `/api/registry-imports/${id}/cancel`);
    expect(again.status).toBe(422);
  });

  describe('bad input', () => {
    const refusal = async (bytes: Buffer, extra: Record<string, unknown> = {}) => {
      const res = await preview(admin, bytes, extra);
      expect(res.status).toBe(400);
      return res.body.error;
    };

    it('refuses a KOI8-R file, saying which encoding to save it in', async () => {
      const text =
        'Наименование;ИНН;Регион\nООО «Кодировка»;;Липецкая область\nАО «Ещё одна строка по-русски»;;Тамбовская область\n';
      const error = await refusal(iconv.encode(text, 'koi8-r'));
      expect(error.message).toMatch(/KOI8-R/);
      expect(error.messageEn).toMatch(/KOI8-R/);
    });

    it('refuses a truncated XLSX and a password-protected one with what to do', async () => {
      expect((await refusal(XLSX_MERGED.subarray(0, 2000))).message).toMatch(
        /файл XLSX не читается/,
      );
      // An encrypted workbook is an OLE compound file holding an «EncryptedPackage» stream.
      const encrypted = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
        Buffer.from('EncryptedPackage', 'utf16le'),
        Buffer.alloc(512),
      ]);
      expect((await refusal(encrypted)).message).toMatch(/защищена паролем/);
    });

    it('refuses two columns mapped to one field, naming both', async () => {
      const bytes = Buffer.from('Наименование;Название;ИНН\nООО «А»;А;\n', 'utf8');
      const error = await refusal(bytes, { columns: { Наименование: 'name', Название: 'name' } });
      expect(error.message).toMatch(
        /поле «Наименование» сопоставлено двум столбцам: «Наименование» и «Название»/,
      );
    });

    it('refuses duplicate headers, naming the header row and the column', async () => {
      const error = await refusal(Buffer.from('Наименование;ИНН;инн\nООО «А»;;\n', 'utf8'));
      expect(error.message).toMatch(
        /строка 1, столбец «ИНН»: столбец «ИНН» повторяется в заголовке/,
      );
    });

    it('sets aside a row with more values than the header has columns, and ИНН Excel wrote in exponential form', async () => {
      const wide = [
        'ООО «Широкая»',
        '',
        'Липецкая область',
        ...Array.from({ length: 297 }, (_, i) => `x${i}`),
      ].join(';');
      const bytes = Buffer.from(
        `Наименование;ИНН;Регион\n${wide}\nООО «Экспонента»;4,825E+09;Липецкая область\n`,
        'utf8',
      );
      const res = await preview(admin, bytes);
      expect(res.status).toBe(200);
      expect(res.body.rows[0]!.problems[0]).toMatchObject({ code: 'too_many_cells', column: null });
      expect(res.body.rows[0]!.problems[0]!.message).toMatch(
        /в строке 300 значений, а в заголовке 3 столбцов/,
      );
      expect(res.body.rows[1]!.problems[0]).toMatchObject({ column: 'ИНН', code: 'exponent' });
    });

    it('refuses an upload it cannot use: another user’s, or one already taken', async () => {
      const id = await upload(admin, CSV_1251);
      const editor = await signIn(t.app, 'regional_editor', ['42']);
      const res = await editor.request<ErrorBody>('POST', '/api/registry-imports/preview', {
        uploadId: id,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/не найден/);
    });
  });
});

/** The check digit of a legal entity's ИНН from its first nine digits. */
function checkDigit(nine: string): number {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * weights[i]!;
  return (sum % 11) % 10;
}
