import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import {
  cancelRegistryImport,
  createJob,
  importRegistryFile,
} from '../src/registry-import/registry-import.service.ts';
import { processRows } from '../src/registry-import/process-rows.ts';
import { importActor as actor, inn10 } from './registry-import-fixtures.ts';
import type { CheckedRow } from '../src/registry-import/read-registry-file.ts';
import type { OrganisationCandidate } from '../src/registry-import/organisation-fields.ts';

/**
 * The organisations' import writes a batch's new records through COPY straight
 * into their tables when the database was opened by db/connection.ts, and with
 * `INSERT … SELECT FROM unnest(…)` per table otherwise (a Db derived with
 * `withoutPlugins()` has no driver to COPY through): both must leave the same
 * rows, and a batch is written whole or not at all.
 */

/** A file of 1,300 rows (more than one batch on either database) with every kind of row. */
function registryFile(variant: 'first' | 'second'): Buffer {
  const lines = ['Наименование;ИНН;Регион;Город;ОКВЭД;Дополнительные ОКВЭД;Широта;Долгота'];
  for (let i = 0; i < 1300; i++) {
    const town = variant === 'second' && i % 10 === 0 ? 'Елец' : 'Липецк';
    if (i % 7 === 3)
      // Without ИНН: matched by name and region.
      lines.push(`ООО «Без номера ${i}»;;Липецкая обл.;${town};25.11;;52,6;39,5`);
    else if (i % 50 === 7)
      lines.push(`ООО «Неверный ${i}»;4825000000;Липецкая область;${town};;;;`);
    else
      lines.push(
        `"ООО ""Завод\t№${i}"" \\ цех";${inn10(String(482500000 + i * 3).slice(0, 9))};Липецкая область;${town};28.41;25.11, 26.51;52,${i % 9};39,${i % 7}`,
      );
  }
  if (variant === 'second') lines.push('ООО «Новое»;;Тамбовская область;Тамбов;;;;');
  lines.push(lines[2]!); // the same organisation again: set aside as a repeat
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const file = (bytes: Buffer, name: string) => ({
  bytes,
  fileName: name,
  size: bytes.length,
  sha256: name,
});

/** Everything an import writes, without the times it was written at. */
async function written(db: Db) {
  const rows = async (text: RawBuilder<unknown>) => (await text.execute(db)).rows;
  return {
    organisations: await rows(sql`
      SELECT id, kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, country,
             latitude, longitude, description, aliases, version, published, deleted_at, source_id,
             source_quote, search_vector::text AS search_vector, search_text
        FROM organisation ORDER BY id`),
    okved: await rows(sql`SELECT * FROM organisation_okved ORDER BY organisation_id, okved_code`),
    audit: await rows(sql`
      SELECT user_id, action, entity_type, entity_id, before, after, source_id
        FROM audit_entry WHERE entity_type = 'organisation' ORDER BY id`),
    versions: await rows(sql`SELECT * FROM registry_import_record ORDER BY record_id`),
    quarantine: await rows(sql`
      SELECT job_id, line, reason_code, problems, record_id FROM registry_import_quarantine
       ORDER BY job_id, line`),
    sources: await rows(sql`SELECT id, title FROM source_document ORDER BY id`),
    words: await rows(sql`SELECT count(*)::int AS n FROM search_word`),
  };
}

async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  return rows[0]!.n;
}

describe.each(databaseKinds())('the organisations’ COPY write on %s', (kind) => {
  let staged: TestDatabase;
  let unnest: TestDatabase;
  beforeAll(async () => {
    [staged, unnest] = await Promise.all([
      createTestDatabase(kind, { demo: false, okved: true }),
      createTestDatabase(kind, { demo: false, okved: true }),
    ]);
  }, 240_000);
  afterAll(async () => {
    await staged?.dispose();
    await unnest?.dispose();
  });

  it('writes the same organisations, ОКВЭД2 codes, audit entries, versions and refusals as the unnest write, on a first import and on a second that updates', async () => {
    const jobs: Array<{ staged: unknown; unnest: unknown }> = [];
    for (const variant of ['first', 'second'] as const) {
      const bytes = registryFile(variant);
      const options = { entity: 'organisations' as const, dryRun: false };
      const a = await importRegistryFile(staged.db, kind, file(bytes, variant), options, actor);
      const b = await importRegistryFile(
        unnest.db.withoutPlugins(),
        kind,
        file(bytes, variant),
        options,
        actor,
      );
      expect(a.status).toBe('done');
      jobs.push({ staged: a.counts, unnest: b.counts });
    }
    expect(jobs[0]!.staged).toMatchObject({ created: 1278, refused: 23 });
    expect(jobs[1]!.staged).toMatchObject({ created: 1, updated: 130 });
    for (const j of jobs) expect(j.staged).toEqual(j.unnest);
    const [a, b] = [await written(staged.db), await written(unnest.db)];
    expect(a.organisations).toHaveLength(1279);
    expect(a.okved.length).toBeGreaterThan(2 * 1000);
    expect(a.audit).toHaveLength(1279 + 130);
    expect(a).toEqual(b);
  }, 240_000);
});

describe.each(databaseKinds())('a COPY-written import stopped midway on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind, { demo: false });
  }, 240_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const row = (line: number, regionCode: string): CheckedRow<OrganisationCandidate> => ({
    line,
    values: {},
    issues: [],
    warnings: [],
    candidate: {
      name: `ООО «Партия ${line}»`,
      inn: inn10(String(100000000 + line * 7).slice(0, 9)),
      regionCode,
      okved: [{ code: '25', isMain: true }],
    },
  });
  const batch = (from: number, size: number, regionCode = '42') =>
    Array.from({ length: size }, (_, i) => row(from + i, regionCode));
  const before = async () => ({
    organisations: await count(t.db, 'organisation'),
    okved: await count(t.db, 'organisation_okved'),
    audit: await count(t.db, 'audit_entry', sql`entity_type = 'organisation'`),
    versions: await count(t.db, 'registry_import_record'),
  });

  it('leaves the batches written before a cancel whole, each record with its codes, audit entry and version, and nothing of the next', async () => {
    const start = await before();
    const job = await createJob(
      t.db,
      file(Buffer.from(''), 'отмена'),
      { entity: 'organisations', dryRun: false },
      actor,
      null,
    );
    async function* batches() {
      yield { rows: batch(2, 300), bytesRead: 0 };
      // Asked for while the first batch is being written: the cancel comes before the second.
      await cancelRegistryImport(t.db, job.id, actor);
      yield { rows: batch(302, 300), bytesRead: 0 };
    }
    await processRows(t.db, kind, job, { batches: batches(), bytes: 0 }, actor, {
      dryRun: false,
      sourceId: null,
    });
    const end = await before();
    expect(end).toEqual({
      organisations: start.organisations + 300,
      okved: start.okved + 300,
      audit: start.audit + 300,
      versions: start.versions + 300,
    });
    const { rows } = await sql<{
      status: string;
      rows_done: number;
    }>`SELECT status, rows_done FROM registry_import_job WHERE id = ${job.id}`.execute(t.db);
    expect(rows[0]).toEqual({ status: 'cancelled', rows_done: 300 });
  }, 120_000);

  it.each(['COPY', 'unnest'])(
    'writes nothing of a batch that fails inside its merge (%s), keeping the batch before it whole',
    async (path) => {
      const db = path === 'COPY' ? t.db : t.db.withoutPlugins();
      const start = await before();
      const job = await createJob(
        db,
        file(Buffer.from(''), `сбой ${path}`),
        { entity: 'organisations', dryRun: false },
        actor,
        null,
      );
      const base = path === 'COPY' ? 1000 : 2000;
      async function* batches() {
        yield { rows: batch(base, 200), bytesRead: 0 };
        // A region that does not exist: the organisations' foreign key fails the whole batch.
        yield { rows: [...batch(base + 200, 199), ...batch(base + 399, 1, 'ZZ')], bytesRead: 0 };
      }
      await expect(
        processRows(db, kind, job, { batches: batches(), bytes: 0 }, actor, {
          dryRun: false,
          sourceId: null,
        }),
      ).rejects.toThrow(/foreign key|внешнего ключа/);
      expect(await before()).toEqual({
        organisations: start.organisations + 200,
        okved: start.okved + 200,
        audit: start.audit + 200,
        versions: start.versions + 200,
      });
    },
    120_000,
  );
});
