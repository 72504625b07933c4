import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connection.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { SearchResponse, SupplierSearchResult } from './api-types.ts';
import { createJob, importRegistryFile } from '../src/registry-import/registry-import.service.ts';
import { processRows } from '../src/registry-import/process-rows.ts';
import { importActor as actor, inn10 } from './registry-import-fixtures.ts';
import type { CheckedRow } from '../src/registry-import/read-registry-file.ts';
import type { OrganisationCandidate } from '../src/registry-import/organisation-fields.ts';

/**
 * The organisations' import COPYs a batch's new records straight into
 * organisation, organisation_okved, audit_entry and registry_import_record,
 * one COPY after another in the batch's transaction: a failure in a later
 * COPY must undo the earlier ones of the same batch, and what the COPYs wrote
 * must reach what the tables' triggers keep (supplier candidates, search
 * words) exactly as an insert does.
 */

const TABLES = [
  'organisation',
  'organisation_okved',
  'audit_entry',
  'registry_import_record',
  'supplier_candidate',
] as const;

/** The rows of each table an organisations' import writes to (audit entries: the organisations'). */
async function counts(db: Db): Promise<Record<(typeof TABLES)[number], number>> {
  const n = async (table: (typeof TABLES)[number]) => {
    const where = table === 'audit_entry' ? sql`entity_type = 'organisation'` : sql`true`;
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
    return rows[0]!.n;
  };
  const [
    organisation,
    organisation_okved,
    audit_entry,
    registry_import_record,
    supplier_candidate,
  ] = await Promise.all(TABLES.map(n));
  return {
    organisation: organisation!,
    organisation_okved: organisation_okved!,
    audit_entry: audit_entry!,
    registry_import_record: registry_import_record!,
    supplier_candidate: supplier_candidate!,
  };
}

const LIPETSK = { lat: 52.6031, lon: 39.5708 };

describe.each(databaseKinds())('an organisations’ import written by COPY on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
  }, 240_000);
  afterAll(async () => t?.close());

  const row = (line: number, okved: string): CheckedRow<OrganisationCandidate> => ({
    line,
    values: {},
    issues: [],
    warnings: [],
    candidate: {
      name: `ООО «Откат ${line}»`,
      inn: inn10(String(300000000 + line * 11).slice(0, 9)),
      regionCode: '42',
      okved: [{ code: okved, isMain: true }],
    },
  });

  it('writes nothing of a batch whose ОКВЭД2 COPY fails after its organisations were COPYed, keeping the batch before it whole', async () => {
    const start = await counts(t.database.db);
    const job = await createJob(
      t.database.db,
      { bytes: Buffer.from(''), fileName: 'сбой ОКВЭД', size: 0, sha256: 'okved-failure' },
      { entity: 'organisations', dryRun: false },
      actor,
      null,
    );
    async function* batches() {
      yield { rows: Array.from({ length: 150 }, (_, i) => row(10 + i, '25')), bytesRead: 0 };
      // The last row's code is not in the classifier: the ОКВЭД2 COPY, the second of the batch, fails.
      yield {
        rows: [...Array.from({ length: 149 }, (_, i) => row(160 + i, '25')), row(309, '99.99.99')],
        bytesRead: 0,
      };
    }
    await expect(
      processRows(t.database.db, kind, job, { batches: batches(), bytes: 0 }, actor, {
        dryRun: false,
        sourceId: null,
      }),
    ).rejects.toThrow(/foreign key|внешнего ключа/);
    expect(await counts(t.database.db)).toEqual({
      organisation: start.organisation + 150,
      organisation_okved: start.organisation_okved + 150,
      audit_entry: start.audit_entry + 150,
      registry_import_record: start.registry_import_record + 150,
      supplier_candidate: start.supplier_candidate + 150,
    });
    // Lines 10–159 are the first batch, 160–309 the failed one.
    const { rows } = await sql<{ line: number }>`
      SELECT (regexp_match(name, '[0-9]+'))[1]::int AS line FROM organisation
       WHERE name LIKE 'ООО «Откат %' ORDER BY 1`.execute(t.database.db);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 150 }, (_, i) => 10 + i));
  }, 120_000);

  it('lets the supplier search and the registry search find the organisations it imported', async () => {
    const lines = ['Наименование;ИНН;Регион;Город;ОКВЭД;Широта;Долгота'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `ООО «Кузнечноштамповочный ${i}»;${inn10(String(480100000 + i * 13).slice(0, 9))};Липецкая область;Липецк;25.50;52,${60 + i};39,57`,
      );
    const bytes = Buffer.from(lines.join('\r\n'), 'utf8');
    const job = await importRegistryFile(
      t.database.db,
      kind,
      { bytes, fileName: 'поиск.csv', size: bytes.length, sha256: 'search-after-copy' },
      { entity: 'organisations', dryRun: false },
      actor,
    );
    expect(job.counts).toMatchObject({ created: 40, refused: 0 });
    const { rows: ids } = await sql<{ id: number }>`
      SELECT id FROM organisation WHERE name LIKE '%Кузнечноштамповочный%' ORDER BY id`.execute(
      t.database.db,
    );
    expect(ids).toHaveLength(40);

    const suppliers = await t.getJson<SupplierSearchResult>(
      `/api/suppliers/search?okved=25.50&lat=${LIPETSK.lat}&lon=${LIPETSK.lon}&radiusKm=100`,
    );
    expect(suppliers.status, JSON.stringify(suppliers.body)).toBe(200);
    const found = suppliers.body.items.map((i) => Number(i.organisation.id));
    expect(found.length).toBeGreaterThan(0);
    for (const id of found) expect(ids.map((r) => r.id)).toContain(id);

    const search = await t.getJson<SearchResponse>(
      '/api/search?q=Кузнечноштамповочный&types=organisation&limit=50&offset=0',
    );
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(40);
    expect(search.body.items.map((i) => Number(i.id)).sort((a, b) => a - b)).toEqual(
      ids.map((r) => r.id),
    );
    // The words a misspelt search is matched against were collected from the COPYed rows.
    const { rows: words } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM search_word WHERE word = 'кузнечноштамповочный'`.execute(
      t.database.db,
    );
    expect(words[0]!.n).toBeGreaterThan(0);
  }, 120_000);
});
