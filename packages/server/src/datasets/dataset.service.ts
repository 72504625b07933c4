import type {
  CreateDatasetInput,
  DatasetDto,
  DatasetFileInput,
  ImportResult,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError } from '../shared/domain-errors.ts';
import {
  completeDatasetImport,
  deleteDatasetRow,
  findDatasets,
  findQuarantine,
  getDatasetRow,
  industryCounts,
  insertDataset,
  loadCategories,
  loadOkvedNames,
  quarantineCounts,
  regionCount,
  updateProvenance,
  yearCounts,
  type DatasetRow,
} from './dataset.repository.ts';
import {
  importDatasetFile,
  loadImportReference,
  summariseImport,
  writePreparedImport,
  type DatasetFile,
  type PreparedImport,
} from './import-dataset-file.ts';
import { prepareDatasetImportInWorker } from '../imports/index.ts';
import type { LongTableMapping } from './import/parse-long-table.ts';
import { importedFile, writeAudit, type AuditActor } from '../audit/index.ts';

export function toDatasetDto(row: DatasetRow): DatasetDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    measure: row.measure as DatasetDto['measure'],
    unit: row.unit,
    regionLevel: row.region_level as DatasetDto['regionLevel'],
    industryClassification: row.industry_classification as DatasetDto['industryClassification'],
    source: { id: row.source_id, text: row.source_text, url: row.source_url },
    provenance: row.provenance,
    illustrative: row.illustrative,
    createdAt: new Date(row.created_at).toISOString(),
    valueCount: Number(row.value_count),
    years: (row.years ?? []).map(Number),
  };
}

export async function listDatasets(db: Db): Promise<{ items: DatasetDto[] }> {
  return { items: (await findDatasets(db)).map(toDatasetDto) };
}

export async function getDataset(db: Db, id: number): Promise<DatasetDto> {
  const row = await getDatasetRow(db, id);
  if (!row) throw new NotFoundError('Набор данных', 'Dataset', id);
  return toDatasetDto(row);
}

export async function getDatasetSummary(db: Db, id: number) {
  const dataset = await getDataset(db, id);
  const years = await yearCounts(db, id);
  const industries = await industryCounts(db, id);
  const regions = await regionCount(db, id);
  const quarantine = await quarantineCounts(db, id);
  const names = new Map<string, string>();
  if (dataset.industryClassification === 'okved2')
    for (const o of await loadOkvedNames(
      db,
      industries.map((i) => i.industry_code),
    ))
      names.set(o.code, o.name);
  else for (const c of await loadCategories(db)) names.set(c.code, c.name);
  return {
    dataset,
    years: years.map((y) => ({
      year: y.year,
      values: Number(y.values),
      regions: Number(y.regions),
    })),
    industries: industries.map((i) => ({
      code: i.industry_code,
      name: names.get(i.industry_code) ?? null,
      values: Number(i.values),
    })),
    regionCount: regions,
    quarantine: quarantine.map((q) => ({ reasonCode: q.reason_code, rows: Number(q.rows) })),
  };
}

export async function listQuarantine(db: Db, id: number, page: number, pageSize: number) {
  await getDataset(db, id);
  const { rows, total } = await findQuarantine(db, id, pageSize, (page - 1) * pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      line: r.line,
      raw: r.raw,
      reasonCode: r.reason_code,
      reason: r.reason,
    })),
    total,
    page,
    pageSize,
  };
}

const DEFAULT_UNITS: Record<DatasetDto['measure'], string> = {
  employment: 'человек',
  establishments: 'единиц',
  output: 'тыс. руб.',
};

/** The bytes of a file sent inside the JSON body, from text or base64. */
export function fileOf(input: DatasetFileInput): DatasetFile {
  const bytes =
    input.contentBase64 !== undefined
      ? Buffer.from(input.contentBase64, 'base64')
      : Buffer.from(input.content ?? '', 'utf8');
  return { format: input.format, bytes, mapping: input.mapping };
}

/** A file to import through the server: on disk (an upload) or in memory (a JSON body). */
export interface ServerImportFile {
  format: DatasetFile['format'];
  mapping?: LongTableMapping | undefined;
  path?: string | undefined;
  bytes?: Buffer | undefined;
  /** Of an upload on disk (known from its upload); computed from `bytes` otherwise. */
  size?: number | undefined;
  sha256?: string | undefined;
}

/** The journal's account of one import: the file and the counts, never the values. */
function importSummary(file: ServerImportFile, fileName: string | undefined, result: ImportResult) {
  return {
    file: importedFile({ ...file, fileName }),
    format: file.format,
    rowsRead: result.rowsRead,
    values: result.values,
    quarantined: result.quarantined,
    years: result.years,
  };
}

/**
 * How an import through the server is written. `transaction`: all in one
 * transaction (PostgreSQL: other requests use other connections meanwhile).
 * `batches`: each batch its own statement, so the embedded database's single
 * connection serves other requests between batches; a refused file still
 * writes nothing (it is refused while parsing, before any write), a new
 * dataset whose writing fails is removed, and one being written says so in
 * its provenance until it is complete.
 */
export type WriteMode = 'transaction' | 'batches';
const BATCH = { transaction: 1000, batches: 200 } as const;

async function prepareInWorker(
  db: Db,
  file: ServerImportFile,
  dataset: Pick<DatasetDto, 'regionLevel' | 'industryClassification'>,
): Promise<PreparedImport> {
  return prepareDatasetImportInWorker({
    path: file.path,
    bytes: file.bytes,
    format: file.format,
    mapping: file.mapping,
    dataset: {
      regionLevel: dataset.regionLevel,
      industryClassification: dataset.industryClassification,
    },
    reference: await loadImportReference(db),
  });
}

/** createDataset for the HTTP API: the file is parsed in a worker and written in batches. */
export async function createDatasetFromUpload(
  db: Db,
  input: CreateDatasetInput,
  file: ServerImportFile,
  mode: WriteMode,
  actor?: AuditActor,
): Promise<{ dataset: DatasetDto; import: ImportResult }> {
  const prepared = await prepareInWorker(db, file, input);
  const result = summariseImport(prepared);
  const provenance = provenanceOf(file.format, input.file.fileName, result);
  const row = {
    name: input.name,
    description: input.description ?? null,
    measure: input.measure,
    unit: input.unit ?? DEFAULT_UNITS[input.measure],
    region_level: input.regionLevel,
    industry_classification: input.industryClassification,
    source_id: input.sourceId ?? null,
    source_text: input.sourceText ?? null,
    source_url: input.sourceUrl ?? null,
    illustrative: input.illustrative,
  };
  const audit = (trx: Db, id: number) =>
    actor
      ? writeAudit(trx, {
          userId: actor.userId,
          action: 'create',
          entityType: 'dataset',
          entityId: id,
          before: null,
          after: { id, ...row, import: importSummary(file, input.file.fileName, result) },
        })
      : Promise.resolve();
  let id: number;
  if (mode === 'transaction') {
    id = await db.transaction().execute(async (trx) => {
      const id = await insertDataset(trx, { ...row, provenance });
      await writePreparedImport(trx, id, prepared, BATCH.transaction);
      await audit(trx, id);
      return id;
    });
  } else {
    // Pending until the last batch is in: hidden from every reader meanwhile, and removed
    // at the next start if the import is interrupted (removeInterruptedImports).
    id = await insertDataset(db, { ...row, provenance, import_pending: true });
    try {
      await writePreparedImport(db, id, prepared, BATCH.batches);
    } catch (error) {
      await deleteDatasetRow(db, id);
      throw error;
    }
    // The dataset appears and is journalled at once, when its last batch is in.
    await db.transaction().execute(async (trx) => {
      await completeDatasetImport(trx, id);
      await audit(trx, id);
    });
  }
  return { dataset: await getDataset(db, id), import: result };
}

/** importIntoDataset for the HTTP API: the file is parsed in a worker and written in batches. */
export async function importUploadIntoDataset(
  db: Db,
  id: number,
  file: ServerImportFile,
  fileName: string | undefined,
  mode: WriteMode,
  actor?: AuditActor,
): Promise<{ dataset: DatasetDto; import: ImportResult }> {
  const dataset = await getDataset(db, id);
  const prepared = await prepareInWorker(db, file, dataset);
  const result = summariseImport(prepared);
  const provenance = [dataset.provenance, provenanceOf(file.format, fileName, result)]
    .filter(Boolean)
    .join('\n');
  const finish = async (trx: Db) => {
    await updateProvenance(trx, id, provenance);
    if (!actor) return;
    const after = await getDatasetRow(trx, id);
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'update',
      entityType: 'dataset',
      entityId: id,
      before: { valueCount: dataset.valueCount, years: dataset.years },
      after: {
        valueCount: Number(after?.value_count ?? 0),
        years: (after?.years ?? []).map(Number),
        import: importSummary(file, fileName, result),
      },
    });
  };
  if (mode === 'transaction') {
    await db.transaction().execute(async (trx) => {
      await writePreparedImport(trx, id, prepared, BATCH.transaction);
      await finish(trx);
    });
  } else {
    await writePreparedImport(db, id, prepared, BATCH.batches);
    await db.transaction().execute(finish);
  }
  return { dataset: await getDataset(db, id), import: result };
}

function provenanceOf(format: string, fileName: string | undefined, result: ImportResult): string {
  const file = fileName ? `«${fileName}»` : 'без имени';
  return `Импорт файла ${file} (формат ${format}) ${new Date().toISOString().slice(0, 10)}: значений ${result.values}, отложено строк ${result.quarantined}`;
}

/** Creates a dataset and imports its file, all in one transaction: a refused file leaves no dataset behind. */
export async function createDataset(
  db: Db,
  input: CreateDatasetInput,
  file: DatasetFile = fileOf(input.file),
  fileName: string | undefined = input.file.fileName,
): Promise<{ dataset: DatasetDto; import: ImportResult }> {
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertDataset(trx, {
      name: input.name,
      description: input.description ?? null,
      measure: input.measure,
      unit: input.unit ?? DEFAULT_UNITS[input.measure],
      region_level: input.regionLevel,
      industry_classification: input.industryClassification,
      source_id: input.sourceId ?? null,
      source_text: input.sourceText ?? null,
      source_url: input.sourceUrl ?? null,
      provenance: null,
      illustrative: input.illustrative,
    });
    const result = await importDatasetFile(
      trx,
      { id, regionLevel: input.regionLevel, industryClassification: input.industryClassification },
      file,
    );
    await updateProvenance(trx, id, provenanceOf(file.format, fileName, result));
    return { id, result };
  });
  return { dataset: await getDataset(db, id.id), import: id.result };
}

/** Imports a file into an existing dataset (re-importing the same file is idempotent). */
export async function importIntoDataset(
  db: Db,
  id: number,
  file: DatasetFile,
  fileName?: string,
): Promise<{ dataset: DatasetDto; import: ImportResult }> {
  const dataset = await getDataset(db, id);
  const result = await db.transaction().execute(async (trx) => {
    const result = await importDatasetFile(
      trx,
      {
        id,
        regionLevel: dataset.regionLevel,
        industryClassification: dataset.industryClassification,
      },
      file,
    );
    await updateProvenance(
      trx,
      id,
      [dataset.provenance, provenanceOf(file.format, fileName, result)].filter(Boolean).join('\n'),
    );
    return result;
  });
  return { dataset: await getDataset(db, id), import: result };
}

export async function deleteDataset(db: Db, id: number, actor?: AuditActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Read first: the journal keeps what was deleted (its description and value count, not the values).
    const before = await getDatasetRow(trx, id);
    if (!(await deleteDatasetRow(trx, id))) throw new NotFoundError('Набор данных', 'Dataset', id);
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'delete',
        entityType: 'dataset',
        entityId: id,
        // A dataset still being written in batches is hidden from readers, so only its id is known.
        before: before ? toDatasetDto(before) : { id, importPending: true },
        after: null,
      });
  });
}
