import type { Db } from '../db/connection.ts';
import type { Connection } from '../db/connection.ts';
import { writeAudit, writeAuditEntries } from '../audit/index.ts';
import { readRegistryFileInWorker, type TabularProblem } from '../imports/index.ts';
import {
  DomainError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '../shared/domain-errors.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import {
  isOrganisationField,
  organisationNameKey,
  validateOrganisation,
  type OrganisationCandidate,
  type OrganisationField,
} from './organisation-fields.ts';
import type {
  CheckedRow,
  ColumnMapping,
  ReadRegistryResult,
  RegistryReadOptions,
} from './read-registry-file.ts';
import {
  cancelRequested,
  findByIdentifiers,
  findByRegions,
  findQuarantine,
  getJobRow,
  getQuarantineRow,
  insertJob,
  insertOrganisations,
  insertQuarantine,
  insertSourceDocument,
  listJobRows,
  loadOkvedCodes,
  loadSavedMappings,
  markInterrupted,
  markRetried,
  okvedOf,
  openQuarantine,
  recordImported,
  replaceOkved,
  requestCancel,
  saveMapping,
  setJobColumns,
  sourceOfFile,
  updateJob,
  updateOrganisationAt,
  updateQuarantineRow,
  type JobRow,
  type MatchedOrganisation,
  type OrganisationRow,
  type OrganisationValues,
  type QuarantineRow,
} from './registry-import.repository.ts';
import {
  presentJob,
  presentPreview,
  presentQuarantineRow,
  type ChangeSample,
  type RowProblem,
} from './registry-import.presenter.ts';

type DatabaseKind = Connection['kind'];

export const ENTITIES = ['organisations'] as const;
export type RegistryEntity = (typeof ENTITIES)[number];

/**
 * Who imports: the user (null on the command line) and the regions they may
 * change (null: every region, for an administrator or the server's operator).
 */
export interface ImportActor {
  userId: number | null;
  regions: string[] | null;
  /** The uploader as the source document names them. */
  name: string;
  administrator: boolean;
}

/** The file to import: an upload on disk, or bytes in memory. */
export interface RegistryFile {
  path?: string | undefined;
  bytes?: Buffer | undefined;
  fileName: string;
  size: number;
  sha256: string;
}

export interface ImportOptions extends RegistryReadOptions {
  columns?: ColumnMapping | undefined;
  dryRun: boolean;
}

const SAMPLE_ROWS = 20;
const CHANGE_SAMPLE = 200;
const BATCH: Record<string, number> = { postgres: 1000, pglite: 500 };
const REGION_NAMES = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s.name]));

/** A file that cannot be imported at all: every problem with its row and column, in both languages. */
export function fileRefused(problems: readonly TabularProblem[]): ValidationError {
  const where = (p: TabularProblem) =>
    [p.line !== null ? `строка ${p.line}` : null, p.column ? `столбец «${p.column}»` : null]
      .filter(Boolean)
      .join(', ');
  const whereEn = (p: TabularProblem) =>
    [p.line !== null ? `line ${p.line}` : null, p.column ? `column "${p.column}"` : null]
      .filter(Boolean)
      .join(', ');
  return new ValidationError(
    `Файл не может быть импортирован: ${problems.map((p) => (where(p) ? `${where(p)}: ${p.message}` : p.message)).join('; ')}`,
    `The file cannot be imported: ${problems.map((p) => (whereEn(p) ? `${whereEn(p)}: ${p.messageEn}` : p.messageEn)).join('; ')}`,
    {
      code: 'file_refused',
      fields: problems.map((p) => ({
        field: p.column ?? 'file',
        message: p.message,
        messageEn: p.messageEn,
      })),
      details: { problems },
    },
  );
}

async function readFile(
  db: Db,
  file: RegistryFile,
  options: RegistryReadOptions & { columns?: ColumnMapping | undefined; sample?: number },
) {
  const answer = await readRegistryFileInWorker({
    path: file.path,
    bytes: file.bytes,
    sheet: options.sheet,
    headerRow: options.headerRow,
    mapping: options.columns,
    savedMappings: await loadSavedMappings(db, 'organisations'),
    okved: await loadOkvedCodes(db),
    sample: options.sample,
  });
  if (!answer.ok) throw fileRefused(answer.problems);
  return answer.result;
}

/** The first rows of a file, checked against the given, saved or suggested mapping. */
export async function previewRegistryFile(
  db: Db,
  file: RegistryFile,
  options: RegistryReadOptions & { columns?: ColumnMapping | undefined },
) {
  const result = await readFile(db, file, { ...options, sample: SAMPLE_ROWS });
  return presentPreview(result);
}

// ---------------------------------------------------------------------------
// Jobs

const running = new Set<Promise<unknown>>();

/** Resolves once every import started in this process has ended (tests, shutdown). */
export async function settleRegistryImports(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

/** Jobs left running by a server that stopped: they are marked interrupted (re-running the file is safe). */
export async function markInterruptedRegistryImports(db: Db): Promise<number> {
  return markInterrupted(db);
}

/**
 * Starts an import as a background job and answers at once; the job reads
 * the file in a worker thread and writes in batches, so the server keeps
 * answering meanwhile. `release` is called once the file has been read.
 */
export async function startRegistryImport(
  db: Db,
  kind: DatabaseKind,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  release: () => Promise<void> = async () => {},
) {
  const job = await createJob(db, file, options, actor, null);
  // runJob records its own failure on the job; a failure to record it (the database
  // closed under it) has no one left to tell.
  const work = runJob(db, kind, job, file, options, actor, release)
    .catch(() => undefined)
    .finally(() => running.delete(work));
  running.add(work);
  return presentJob({ ...job, user_name: actor.name });
}

/** Runs an import to its end (the command line). */
export async function importRegistryFile(
  db: Db,
  kind: DatabaseKind,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
) {
  const job = await createJob(db, file, options, actor, null);
  await runJob(db, kind, job, file, options, actor, async () => {});
  return getRegistryImport(db, job.id, actor);
}

async function createJob(
  db: Db,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  retryOf: number | null,
) {
  return db.transaction().execute(async (trx) => {
    const job = await insertJob(trx, {
      entity: 'organisations',
      dryRun: options.dryRun,
      fileName: file.fileName,
      fileBytes: file.size,
      fileSha256: file.sha256,
      userId: actor.userId,
      retryOf,
      columns: options.columns ?? {},
      options: { sheet: options.sheet ?? null, headerRow: options.headerRow ?? null },
    });
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'create',
      entityType: 'registry_import',
      entityId: job.id,
      before: null,
      after: {
        id: job.id,
        fileName: job.file_name,
        bytes: file.size,
        sha256: file.sha256,
        dryRun: job.dry_run,
        retryOf,
      },
    });
    return job;
  });
}

async function runJob(
  db: Db,
  kind: DatabaseKind,
  job: JobRow,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  release: () => Promise<void>,
): Promise<void> {
  try {
    await updateJob(db, job.id, { status: 'running' });
    let result: ReadRegistryResult;
    try {
      result = await readFile(db, file, options);
    } finally {
      await release();
    }
    if (!options.dryRun)
      await saveMapping(db, {
        entity: 'organisations',
        signature: result.signature,
        headers: result.headers,
        columns: result.mapping,
        userId: actor.userId,
      });
    await setJobColumns(db, job.id, result.mapping, result.rows.length);
    await processRows(
      db,
      kind,
      { ...job, columns: result.mapping, rows_total: result.rows.length },
      result.rows,
      actor,
      {
        dryRun: options.dryRun,
        sourceId: null,
      },
    );
  } catch (error) {
    // A file too large for the worker's heap is a TooLargeError: its own words, in both languages.
    const problems =
      error instanceof ValidationError && Array.isArray(error.details['problems'])
        ? error.details['problems']
        : [
            {
              line: null,
              column: null,
              code: error instanceof DomainError ? error.code : 'import_failed',
              message:
                error instanceof DomainError
                  ? error.messageRu
                  : `импорт прерван ошибкой: ${(error as Error).message}`,
              messageEn:
                error instanceof DomainError
                  ? error.messageEn
                  : `the import failed: ${(error as Error).message}`,
            },
          ];
    await updateJob(db, job.id, { status: 'failed', problems, finished: true });
  }
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  conflicts: number;
}

interface Quarantined {
  line: number;
  raw: Record<string, string>;
  values: Record<string, string>;
  problems: RowProblem[];
  reasonCode: QuarantineRow['reason_code'];
  recordId: number | null;
}

type Planned =
  | { action: 'create'; line: number; candidate: OrganisationCandidate }
  | {
      action: 'update';
      line: number;
      candidate: OrganisationCandidate;
      row: MatchedOrganisation;
      okvedBefore: Array<{ code: string; isMain: boolean }>;
      changes: Partial<OrganisationValues>;
      okved: Array<{ code: string; isMain: boolean }> | undefined;
      fields: ChangeSample['fields'];
      source: CheckedRow;
    };

/** The columns of an organisation an import may fill, by the field of the file. */
const COLUMN_OF: Partial<Record<OrganisationField, keyof OrganisationValues>> = {
  inn: 'inn',
  ogrn: 'ogrn',
  kpp: 'kpp',
  fullName: 'full_name',
  legalForm: 'legal_form',
  region: 'region_code',
  town: 'town',
  kind: 'kind',
  description: 'description',
  latitude: 'latitude',
  longitude: 'longitude',
};

function candidateValues(
  c: OrganisationCandidate,
): Array<[column: keyof OrganisationValues, field: OrganisationField, value: string | number]> {
  const out: Array<[keyof OrganisationValues, OrganisationField, string | number]> = [];
  const put = (field: OrganisationField, value: string | number | undefined) => {
    if (value !== undefined) out.push([COLUMN_OF[field]!, field, value]);
  };
  put('inn', c.inn);
  put('ogrn', c.ogrn);
  put('kpp', c.kpp);
  put('fullName', c.fullName);
  put('legalForm', c.legalForm);
  put('region', c.regionCode);
  put('town', c.town);
  put('kind', c.kind);
  put('description', c.description);
  put('latitude', c.latitude);
  put('longitude', c.longitude);
  return out;
}

const sameOkved = (
  a: Array<{ code: string; isMain: boolean }>,
  b: Array<{ code: string; isMain: boolean }>,
) => {
  const key = (l: Array<{ code: string; isMain: boolean }>) =>
    l
      .map((o) => `${o.code}${o.isMain ? '*' : ''}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};
const okvedText = (l: Array<{ code: string; isMain: boolean }>) =>
  l.map((o) => (o.isMain ? `${o.code} (основной)` : o.code)).join(', ');

function identityKeys(c: OrganisationCandidate): string[] {
  const keys: string[] = [];
  if (c.inn) keys.push(`inn:${c.inn}`);
  if (c.ogrn) keys.push(`ogrn:${c.ogrn}`);
  if (keys.length === 0) keys.push(`name:${organisationNameKey(c.name)}|${c.regionCode ?? ''}`);
  return keys;
}

const regionName = (code: string | null | undefined) =>
  code ? (REGION_NAMES.get(code) ?? code) : 'без региона';

/**
 * Decides and writes the rows of a file in batches: each batch in one
 * transaction (its records, their ОКВЭД2 codes, one audit entry per change,
 * the rows set aside and the job's counters), so a batch is written whole or
 * not at all and a cancelled or interrupted job leaves only whole batches.
 */
async function processRows(
  db: Db,
  kind: DatabaseKind,
  job: JobRow,
  rows: CheckedRow[],
  actor: ImportActor,
  options: { dryRun: boolean; sourceId: number | null; overwrite?: ReadonlySet<number> },
): Promise<void> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, refused: 0, conflicts: 0 };
  const sample: ChangeSample[] = [];
  let sourceId = options.sourceId;
  const seen = new Map<string, number>();
  // Rows without ИНН or ОГРН match by name and region: the organisations of those regions, once.
  const nameRegions = new Set<string | null>();
  for (const r of rows)
    if (r.candidate && !r.candidate.inn && !r.candidate.ogrn)
      nameRegions.add(r.candidate.regionCode ?? null);
  const byName = new Map<string, MatchedOrganisation[]>();
  for (const o of await findByRegions(db, [...nameRegions])) {
    const key = `${organisationNameKey(o.name)}|${o.region_code ?? ''}`;
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  const size = BATCH[kind] ?? 500;
  for (let start = 0; start < rows.length; start += size) {
    // Cancelling stops before the next batch: what is written stays whole.
    if (await cancelRequested(db, job.id)) {
      await updateJob(db, job.id, { status: 'cancelled', finished: true });
      return;
    }
    const batch = rows.slice(start, start + size);
    const quarantine: Quarantined[] = [];
    const refuse = (
      row: CheckedRow,
      reasonCode: Quarantined['reasonCode'],
      problems: RowProblem[],
      recordId: number | null = null,
    ) => {
      quarantine.push({
        line: row.line,
        raw: row.raw ?? {},
        values: row.values as Record<string, string>,
        problems,
        reasonCode,
        recordId,
      });
      if (reasonCode === 'conflict') counts.conflicts++;
      else counts.refused++;
    };
    const valid: CheckedRow[] = [];
    for (const row of batch) {
      if (!row.candidate) {
        refuse(
          row,
          'invalid_value',
          row.issues.map((i) => ({
            column: i.column,
            field: i.field,
            code: i.code,
            message: i.message,
            messageEn: i.messageEn,
          })),
        );
        continue;
      }
      const keys = identityKeys(row.candidate);
      const first = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
      if (first !== undefined) {
        refuse(row, 'duplicate_in_file', [
          {
            column: null,
            field: keys[0]!.startsWith('name:')
              ? 'name'
              : (keys[0]!.split(':')[0] as OrganisationField),
            code: 'duplicate_in_file',
            message: `та же организация уже есть в строке ${first} этого файла`,
            messageEn: `the same organisation is already on line ${first} of this file`,
          },
        ]);
        continue;
      }
      for (const k of keys) seen.set(k, row.line);
      valid.push(row);
    }
    const inns = valid.map((r) => r.candidate!.inn).filter((v): v is string => !!v);
    const ogrns = valid.map((r) => r.candidate!.ogrn).filter((v): v is string => !!v);
    const found = await findByIdentifiers(db, inns, ogrns);
    const byInn = new Map(found.filter((o) => o.inn).map((o) => [o.inn!, o]));
    const byOgrn = new Map(found.filter((o) => o.ogrn).map((o) => [o.ogrn!, o]));
    const okvedBefore = await okvedOf(
      db,
      found.map((o) => o.id),
    );
    const planned: Planned[] = [];
    for (const row of valid) {
      const c = row.candidate!;
      const problem = (
        field: OrganisationField | null,
        code: string,
        message: string,
        messageEn: string,
      ): RowProblem => ({
        column: field
          ? (Object.entries(job.columns).find(([, f]) => f === field)?.[0] ?? null)
          : null,
        field,
        code,
        message,
        messageEn,
      });
      const a = c.inn ? byInn.get(c.inn) : undefined;
      const b = c.ogrn ? byOgrn.get(c.ogrn) : undefined;
      let match: MatchedOrganisation | undefined;
      if (a && b && a.id !== b.id) {
        refuse(row, 'ambiguous_match', [
          problem(
            'ogrn',
            'ambiguous_match',
            `ИНН принадлежит организации №${a.id}, а ОГРН — другой, №${b.id}: проверьте номера`,
            `the INN belongs to organisation ${a.id} and the OGRN to another, ${b.id}: check the numbers`,
          ),
        ]);
        continue;
      }
      match = a ?? b;
      if (!match && !c.inn && !c.ogrn) {
        const named = byName.get(`${organisationNameKey(c.name)}|${c.regionCode ?? ''}`) ?? [];
        if (named.length > 1) {
          refuse(row, 'ambiguous_match', [
            problem(
              'name',
              'ambiguous_match',
              `в регионе несколько организаций с таким наименованием (№${named.map((o) => o.id).join(', №')}): укажите ИНН или ОГРН`,
              `several organisations of the region have this name (${named.map((o) => o.id).join(', ')}): give the INN or OGRN`,
            ),
          ]);
          continue;
        }
        match = named[0];
        if (match && !okvedBefore.has(match.id))
          okvedBefore.set(match.id, (await okvedOf(db, [match.id])).get(match.id) ?? []);
      }
      // A regional editor changes only organisations of the regions granted.
      if (actor.regions !== null) {
        const touched = [
          c.regionCode ?? match?.region_code ?? null,
          match?.region_code ?? c.regionCode ?? null,
        ];
        const foreign = touched.find((r) => r === null || !actor.regions!.includes(r));
        if (foreign !== undefined) {
          refuse(
            row,
            'forbidden_region',
            [
              problem(
                'region',
                'forbidden_region',
                foreign === null
                  ? 'организацию без региона (федерального уровня) может импортировать только администратор'
                  : `нет прав на организации региона «${regionName(foreign)}»; вам доступны: ${actor.regions.map(regionName).join(', ') || 'нет регионов'}`,
                foreign === null
                  ? 'only an administrator may import an organisation without a region'
                  : `no rights to organisations of ${regionName(foreign)}`,
              ),
            ],
            match?.id ?? null,
          );
          continue;
        }
      }
      if (!match) {
        planned.push({ action: 'create', line: row.line, candidate: c });
        const key = `${organisationNameKey(c.name)}|${c.regionCode ?? ''}`;
        if (!c.inn && !c.ogrn) seen.set(`name:${key}`, row.line);
        continue;
      }
      const safe = match.imported_version !== null && match.imported_version === match.version;
      const force = options.overwrite?.has(row.line) ?? false;
      const changes: Partial<OrganisationValues> = {};
      const fields: ChangeSample['fields'] = [];
      const conflicts: RowProblem[] = [];
      const consider = (
        column: keyof OrganisationValues,
        field: OrganisationField | null,
        before: unknown,
        after: unknown,
        equal: boolean,
      ) => {
        if (equal) return;
        const empty = before === null || before === undefined || before === '';
        if (safe || empty || force) {
          (changes as Record<string, unknown>)[column] = after;
          fields.push({
            field: field ?? 'name',
            before: before === null || before === undefined ? null : String(before),
            after: String(after),
          });
        } else
          conflicts.push(
            problem(
              field,
              'conflict',
              `в реестре «${String(before)}», в файле «${String(after)}»: запись изменена после импорта (версия ${match!.version}) — не перезаписано`,
              `the registry has "${String(before)}", the file "${String(after)}": the record was changed after it was imported (version ${match!.version}) — not overwritten`,
            ),
          );
      };
      consider(
        'name',
        'name',
        match.name,
        c.name,
        organisationNameKey(match.name) === organisationNameKey(c.name),
      );
      for (const [column, field, value] of candidateValues(c)) {
        const before = (match as unknown as Record<string, unknown>)[column];
        consider(column, field, before, value, before === value);
      }
      const currentOkved = okvedBefore.get(match.id) ?? [];
      let okved: Array<{ code: string; isMain: boolean }> | undefined;
      if (c.okved && c.okved.length > 0 && !sameOkved(currentOkved, c.okved)) {
        if (safe || currentOkved.length === 0 || force) {
          okved = c.okved;
          fields.push({
            field: 'okvedMain',
            before: okvedText(currentOkved) || null,
            after: okvedText(c.okved),
          });
        } else
          conflicts.push(
            problem(
              'okvedMain',
              'conflict',
              `ОКВЭД2 в реестре: ${okvedText(currentOkved)}, в файле: ${okvedText(c.okved)} — запись изменена после импорта, не перезаписано`,
              `ОКВЭД2 in the registry: ${okvedText(currentOkved)}, in the file: ${okvedText(c.okved)} — the record was changed after it was imported, not overwritten`,
            ),
          );
      }
      if (conflicts.length > 0) {
        refuse(row, 'conflict', conflicts, match.id);
        continue;
      }
      if (fields.length === 0) {
        counts.unchanged++;
        continue;
      }
      planned.push({
        action: 'update',
        line: row.line,
        candidate: c,
        row: match,
        okvedBefore: currentOkved,
        changes,
        okved,
        fields,
        source: row,
      });
    }
    const write = async (trx: Db) => {
      const creates = planned.filter(
        (p): p is Extract<Planned, { action: 'create' }> => p.action === 'create',
      );
      const updates = planned.filter(
        (p): p is Extract<Planned, { action: 'update' }> => p.action === 'update',
      );
      if (!options.dryRun && planned.length > 0 && sourceId === null) {
        sourceId =
          (job.file_sha256 ? await sourceOfFile(trx, job.file_sha256) : null) ??
          (await createSource(trx, job, actor));
        await updateJob(trx, job.id, { source_id: sourceId });
      }
      const audits: Array<Parameters<typeof writeAudit>[1]> = [];
      const imported: Array<{ id: number; version: number }> = [];
      const okvedRows: Array<{ id: number; okved: Array<{ code: string; isMain: boolean }> }> = [];
      if (!options.dryRun && creates.length > 0) {
        const inserted = await insertOrganisations(
          trx,
          creates.map(({ candidate: c }) => ({
            kind: c.kind ?? 'enterprise',
            name: c.name,
            full_name: c.fullName ?? null,
            legal_form: c.legalForm ?? null,
            inn: c.inn ?? null,
            ogrn: c.ogrn ?? null,
            kpp: c.kpp ?? null,
            region_code: c.regionCode ?? null,
            town: c.town ?? null,
            description: c.description ?? null,
            latitude: c.latitude ?? null,
            longitude: c.longitude ?? null,
            source_id: sourceId,
            source_quote: null,
          })),
        );
        inserted.forEach((row: OrganisationRow, i) => {
          const p = creates[i]!;
          imported.push({ id: row.id, version: row.version });
          if (p.candidate.okved?.length) okvedRows.push({ id: row.id, okved: p.candidate.okved });
          audits.push({
            userId: actor.userId,
            action: 'create',
            entityType: 'organisation',
            entityId: row.id,
            before: null,
            after: {
              ...row,
              ...(p.candidate.okved?.length
                ? { okved: okvedText(p.candidate.okved).split(', ') }
                : {}),
              import: { job: job.id, line: p.line },
            },
            sourceId,
          });
          if (!p.candidate.inn && !p.candidate.ogrn) {
            const key = `${organisationNameKey(row.name)}|${row.region_code ?? ''}`;
            byName.set(key, [
              ...(byName.get(key) ?? []),
              { ...row, imported_version: row.version },
            ]);
          }
          if (sample.length < CHANGE_SAMPLE)
            sample.push({
              line: p.line,
              action: 'create',
              recordId: row.id,
              name: row.name,
              fields: [],
            });
        });
      }
      if (options.dryRun)
        for (const p of creates)
          if (sample.length < CHANGE_SAMPLE)
            sample.push({
              line: p.line,
              action: 'create',
              recordId: null,
              name: p.candidate.name,
              fields: [],
            });
      let updated = 0;
      const lateConflicts: Quarantined[] = [];
      for (const p of updates) {
        if (options.dryRun) {
          updated++;
          if (sample.length < CHANGE_SAMPLE)
            sample.push({
              line: p.line,
              action: 'update',
              recordId: p.row.id,
              name: p.row.name,
              fields: p.fields,
            });
          continue;
        }
        const after = await updateOrganisationAt(trx, p.row.id, p.row.version, {
          ...p.changes,
          source_id: sourceId,
        });
        if (!after) {
          // Edited between the reading and this write: reported, not overwritten.
          lateConflicts.push({
            line: p.line,
            raw: p.source.raw ?? {},
            values: p.source.values as Record<string, string>,
            problems: [
              {
                column: null,
                field: null,
                code: 'conflict',
                message: 'запись изменена другим пользователем во время импорта — не перезаписано',
                messageEn:
                  'the record was changed by someone else during the import — not overwritten',
              },
            ],
            reasonCode: 'conflict',
            recordId: p.row.id,
          });
          continue;
        }
        updated++;
        imported.push({ id: after.id, version: after.version });
        if (p.okved) okvedRows.push({ id: after.id, okved: p.okved });
        const { imported_version: _v, ...before } = p.row;
        audits.push({
          userId: actor.userId,
          action: 'update',
          entityType: 'organisation',
          entityId: after.id,
          before: p.okved
            ? { ...before, okved: okvedText(p.okvedBefore).split(', ').filter(Boolean) }
            : before,
          after: {
            ...after,
            ...(p.okved ? { okved: okvedText(p.okved).split(', ') } : {}),
            import: { job: job.id, line: p.line },
          },
          sourceId,
        });
        if (sample.length < CHANGE_SAMPLE)
          sample.push({
            line: p.line,
            action: 'update',
            recordId: after.id,
            name: after.name,
            fields: p.fields,
          });
      }
      if (!options.dryRun) {
        await replaceOkved(trx, okvedRows);
        await writeAuditEntries(trx, audits);
        await recordImported(trx, imported, job.id);
      }
      const allQuarantine = [...quarantine, ...lateConflicts];
      await insertQuarantine(
        trx,
        allQuarantine.map((q) => ({ ...q, jobId: job.id })),
      );
      const next: Counts = {
        ...counts,
        created: counts.created + creates.length,
        updated: counts.updated + updated,
        conflicts: counts.conflicts + lateConflicts.length,
      };
      await updateJob(trx, job.id, {
        ...next,
        rows_done: Math.min(rows.length, start + batch.length),
        changes: sample,
      });
      return next;
    };
    const next = options.dryRun ? await write(db) : await db.transaction().execute(write);
    Object.assign(counts, next);
  }
  await updateJob(db, job.id, {
    status: 'done',
    finished: true,
    ...counts,
    rows_done: rows.length,
    changes: sample,
  });
}

async function createSource(db: Db, job: JobRow, actor: ImportActor): Promise<number> {
  const date = new Date().toISOString().slice(0, 10);
  return insertSourceDocument(db, {
    title: `Файл реестра «${job.file_name}»`,
    publisher: actor.name,
    date,
    text: `Импорт реестра организаций из файла «${job.file_name}» (${job.file_bytes ?? '?'} байт, SHA-256 ${job.file_sha256 ?? 'не известен'}); загрузил: ${actor.name}; дата загрузки: ${date}.`,
  });
}

// ---------------------------------------------------------------------------
// Reading jobs and their quarantine

async function jobOf(db: Db, id: number, actor: ImportActor) {
  const job = await getJobRow(db, id);
  // Another editor's job is as unknown as a missing one.
  if (!job || (!actor.administrator && job.user_id !== actor.userId))
    throw new NotFoundError('Импорт реестра', 'Registry import', id);
  return job;
}

export async function getRegistryImport(db: Db, id: number, actor: ImportActor) {
  return presentJob(await jobOf(db, id, actor));
}

export async function listRegistryImports(db: Db, actor: ImportActor) {
  return {
    items: (await listJobRows(db, actor.administrator ? null : actor.userId, 50)).map(presentJob),
  };
}

export async function cancelRegistryImport(db: Db, id: number, actor: ImportActor) {
  const job = await jobOf(db, id, actor);
  if (job.status !== 'queued' && job.status !== 'running')
    throw new PreconditionError(
      'Импорт уже завершён — отменять нечего',
      'The import has already ended',
      { code: 'import_finished' },
    );
  await db.transaction().execute(async (trx) => {
    await requestCancel(trx, id);
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'update',
      entityType: 'registry_import',
      entityId: id,
      before: { cancelRequested: false },
      after: { cancelRequested: true },
    });
  });
  return presentJob({ ...job, cancel_requested: true });
}

export async function listRegistryImportQuarantine(
  db: Db,
  id: number,
  actor: ImportActor,
  page: number,
  pageSize: number,
  status: 'open' | 'all',
) {
  await jobOf(db, id, actor);
  const { rows, total } = await findQuarantine(db, id, status, pageSize, (page - 1) * pageSize);
  return { items: rows.map(presentQuarantineRow), total, page, pageSize };
}

/**
 * Fixes a row set aside: the corrected values (by field) are checked at once
 * and kept with the row, whose problems are then the new ones; `overwrite`
 * accepts the file's values over a newer edit on the next retry.
 */
export async function fixQuarantineRow(
  db: Db,
  jobId: number,
  rowId: number,
  input: { values?: Record<string, string> | undefined; overwrite?: boolean | undefined },
  actor: ImportActor,
) {
  await jobOf(db, jobId, actor);
  const row = await getQuarantineRow(db, jobId, rowId);
  if (!row) throw new NotFoundError('Отложенная строка', 'Quarantined row', rowId);
  if (row.status !== 'open')
    throw new PreconditionError(
      'Строка уже повторена в другом импорте',
      'The row has already been retried',
      { code: 'row_retried' },
    );
  const values = { ...row.values };
  for (const [field, value] of Object.entries(input.values ?? {})) {
    if (!isOrganisationField(field))
      throw ValidationError.ofFields([
        {
          field: `values.${field}`,
          message: `неизвестное поле «${field}»`,
          messageEn: `unknown field "${field}"`,
        },
      ]);
    values[field] = value;
  }
  const checked = validateOrganisation(values, { okved: new Set(await loadOkvedCodes(db)) });
  const columns = (await getJobRow(db, jobId))!.columns;
  const columnOf = (field: OrganisationField | null) =>
    field ? (Object.entries(columns).find(([, f]) => f === field)?.[0] ?? null) : null;
  const problems: RowProblem[] =
    'issues' in checked
      ? checked.issues.map((i) => ({
          column: columnOf(i.field),
          field: i.field,
          code: i.code,
          message: i.message,
          messageEn: i.messageEn,
        }))
      : row.reason_code === 'invalid_value'
        ? []
        : (row.problems as RowProblem[]);
  const overwrite = input.overwrite ?? row.overwrite;
  const updated = await db.transaction().execute(async (trx) => {
    const after = await updateQuarantineRow(trx, rowId, { values, problems, overwrite });
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'update',
      entityType: 'registry_import_quarantine',
      entityId: rowId,
      before: { values: row.values, overwrite: row.overwrite },
      after: { values, overwrite },
    });
    return after;
  });
  return presentQuarantineRow(updated);
}

/**
 * Retries the rows a job set aside, with their fixes, as a new job: rows
 * that now pass are written (and leave the quarantine), the others are set
 * aside again under the new job with their current problems.
 */
export async function retryRegistryImport(
  db: Db,
  kind: DatabaseKind,
  id: number,
  actor: ImportActor,
  dryRun: boolean,
) {
  const original = await jobOf(db, id, actor);
  if (original.status === 'queued' || original.status === 'running')
    throw new PreconditionError(
      'Импорт ещё идёт: повторить отложенные строки можно после его окончания',
      'The import is still running: retry its rows once it has ended',
      { code: 'import_running' },
    );
  const open = await openQuarantine(db, id);
  if (open.length === 0)
    throw new PreconditionError(
      'Отложенных строк нет — повторять нечего',
      'No rows are set aside: nothing to retry',
      { code: 'nothing_to_retry' },
    );
  const okved = new Set(await loadOkvedCodes(db));
  const rows: CheckedRow[] = open.map((q) => {
    const checked = validateOrganisation(q.values, { okved });
    return {
      line: q.line,
      raw: q.raw,
      values: q.values,
      issues:
        'issues' in checked
          ? checked.issues.map((i) => ({
              ...i,
              column: Object.entries(original.columns).find(([, f]) => f === i.field)?.[0] ?? null,
            }))
          : [],
      warnings: [],
      ...('candidate' in checked ? { candidate: checked.candidate } : {}),
    };
  });
  const file: RegistryFile = {
    fileName: original.file_name,
    size: Number(original.file_bytes ?? 0),
    sha256: original.file_sha256 ?? '',
  };
  const job = await createJob(db, file, { dryRun, columns: original.columns }, actor, id);
  await updateJob(db, job.id, { rows_total: rows.length });
  const work = (async () => {
    try {
      await updateJob(db, job.id, { status: 'running' });
      await processRows(db, kind, { ...job, columns: original.columns }, rows, actor, {
        dryRun,
        sourceId: dryRun ? null : original.source_id,
        overwrite: new Set(open.filter((q) => q.overwrite).map((q) => q.line)),
      });
      if (!dryRun)
        await markRetried(
          db,
          open.map((q) => q.id),
          job.id,
        );
    } catch (error) {
      await updateJob(db, job.id, {
        status: 'failed',
        finished: true,
        problems: [
          {
            line: null,
            column: null,
            code: 'import_failed',
            message: `импорт прерван ошибкой: ${(error as Error).message}`,
            messageEn: `the import failed: ${(error as Error).message}`,
          },
        ],
      });
    }
  })()
    .catch(() => undefined)
    .finally(() => running.delete(work));
  running.add(work);
  return presentJob({ ...job, user_name: actor.name, columns: original.columns });
}

/** Guards the entity named by a request or the command line. */
export function entityOf(value: string): RegistryEntity {
  if ((ENTITIES as readonly string[]).includes(value)) return value as RegistryEntity;
  throw new ValidationError(
    `Импорт «${value}» не поддерживается: пока поддерживаются ${ENTITIES.join(', ')}`,
    `Importing "${value}" is not supported: supported are ${ENTITIES.join(', ')}`,
    {
      code: 'unsupported_entity',
      fields: [{ field: 'entity', message: 'не поддерживается', messageEn: 'not supported' }],
    },
  );
}
