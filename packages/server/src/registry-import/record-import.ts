import type { Db } from '../db/connection.ts';
import { writeAudit } from '../audit/index.ts';
import { createContract, updateContract } from '../clusters/cooperation/index.ts';
import { DomainError, StaleVersionError } from '../shared/domain-errors.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { plainNameKey, type OrganisationRef } from './field-kit.ts';
import { organisationNameKey } from './organisation-fields.ts';
import { personNameKey, type PersonCandidate } from './person-fields.ts';
import type { SiteCandidate } from './site-fields.ts';
import type { ClusterCandidate } from './cluster-fields.ts';
import type { ContractCandidate } from './contract-fields.ts';
import type { StatementCandidate } from './statement-fields.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  contractsBetween,
  insertImported,
  membersOf,
  namedInRegion,
  organisationsByInn,
  organisationsNamed,
  peopleNamed,
  positionsOf,
  recordImportedRows,
  residentsOf,
  statementsOf,
  updateImportedAt,
  type ImportedTable,
  type StoredRow,
} from './record-import.repository.ts';
import type { RowProblem } from './registry-import.presenter.ts';
import {
  CHANGE_SAMPLE,
  columnOfField,
  invalidRow,
  type BatchContext,
  type BatchOutcome,
  type EntityWriter,
  type Quarantined,
} from './import-types.ts';

/*
 * The linked records: a person with a position at an organisation, a site
 * with a resident, a cluster with a member, a contract between two
 * organisations, a fact about an organisation or a region. Each row names the
 * organisations it refers to by ИНН or name (they must be in the registry
 * already), is matched by its entity's key, and is written row by row inside
 * the batch's transaction: a record and its link are created or updated
 * together, one audit entry per change; a field changed by hand since the
 * last import is reported as a conflict, never overwritten.
 */

type Table = ImportedTable | 'cooperation_contract';
type Values = Record<string, unknown>;

interface Organisation {
  id: number;
  name: string;
  region_code: string | null;
}

/** One record a row wants: its table, what to match it by, the columns it sets. */
interface Wanted {
  table: Table;
  /** The record already there, or undefined to create one. */
  match: StoredRow | undefined;
  /** Columns compared and, when different, set. */
  values: Values;
  /** Further columns set only when the record is created. */
  create: (parentId: number | null) => Values;
  /** The field of the file each column comes from (for the problems and the change sample). */
  fieldOf: Record<string, string>;
}

interface Plan {
  /** The key of the row in the file: a second row with the same key is set aside. */
  key: string;
  /** The key of the main record, under which a record this job creates is found by later rows. */
  mainKey?: string;
  name: string;
  regions: Array<string | null>;
  main: Wanted;
  /** The link to create or update once the main record is there. */
  link?: (mainId: number | null, trx: Db) => Promise<Wanted | undefined>;
}

type Refusal = { reasonCode: Quarantined['reasonCode']; problems: RowProblem[]; recordId?: number };

interface Spec<C> {
  table: Table;
  /** What the row asks for, or why it cannot be done. */
  plan(ctx: RowContext, c: C): Promise<Plan | Refusal>;
  /** Writes through another feature's service (one transaction per change) instead of the table. */
  service?: {
    create(db: Db, ctx: BatchContext, values: Values, sourceId: number | null): Promise<StoredRow>;
    update(
      db: Db,
      ctx: BatchContext,
      id: number,
      version: number,
      changes: Values,
      sourceId: number | null,
    ): Promise<StoredRow>;
  };
}

const REGION_NAMES = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s.name]));
const regionName = (code: string | null | undefined) =>
  code ? (REGION_NAMES.get(code) ?? code) : 'без региона';

/** What planning a row may use: the database, the job's mapping, the records planned so far. */
interface RowContext {
  db: Db;
  columns: Record<string, string>;
  /** Records created earlier in this job (or, in a dry run, that would be), by their key. */
  planned: Map<string, StoredRow>;
  organisations: Map<string, Organisation[]>;
}

const problem = (
  columns: Record<string, string>,
  field: string | null,
  code: string,
  message: string,
  messageEn: string,
): RowProblem => ({ column: columnOfField(columns, field), field, code, message, messageEn });

/** The organisation a row names, by ИНН, else by name (within the region when the row gives one). */
async function organisationOf(
  ctx: RowContext,
  ref: OrganisationRef,
  fields: { inn: string; name: string },
  region: string | undefined,
): Promise<Organisation | Refusal> {
  const cacheKey = ref.inn
    ? `inn:${ref.inn}`
    : `name:${organisationNameKey(ref.name!)}|${region ?? ''}`;
  let found = ctx.organisations.get(cacheKey);
  if (!found) {
    if (ref.inn) found = await organisationsByInn(ctx.db, [ref.inn]);
    else {
      const key = organisationNameKey(ref.name!);
      found = (await organisationsNamed(ctx.db, key)).filter(
        (o) =>
          (organisationNameKey(o.name) === key ||
            (o.full_name !== null && organisationNameKey(o.full_name) === key) ||
            (o.short_name !== null && organisationNameKey(o.short_name) === key)) &&
          (region === undefined || o.region_code === region),
      );
    }
    ctx.organisations.set(cacheKey, found);
  }
  const field = ref.inn ? fields.inn : fields.name;
  const said = ref.inn ? `ИНН ${ref.inn}` : `«${ref.name}»`;
  if (found.length === 0)
    return {
      reasonCode: 'invalid_value',
      problems: [
        problem(
          ctx.columns,
          field,
          'unknown_organisation',
          `организации ${said} нет в реестре: сначала импортируйте или создайте её`,
          `no organisation ${ref.inn ? `with INN ${ref.inn}` : `"${ref.name}"`} is in the registry: import or create it first`,
        ),
      ],
    };
  if (found.length > 1)
    return {
      reasonCode: 'ambiguous_match',
      problems: [
        problem(
          ctx.columns,
          field,
          'ambiguous_match',
          `организаций ${said} в реестре несколько (№${found.map((o) => o.id).join(', №')}): укажите ИНН`,
          `several organisations match (${found.map((o) => o.id).join(', ')}): give the INN`,
        ),
      ],
    };
  return found[0]!;
}

const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && 'reasonCode' in x;

const period = (from: string | undefined, to: string | undefined): Values => ({
  ...(from !== undefined ? { valid_from: from } : {}),
  ...(to !== undefined ? { valid_to: to } : {}),
  ...(from !== undefined || to !== undefined ? { valid_precision: 'day' } : {}),
});
const defined = (v: Values): Values =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));

const asText = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v);
const same = (before: unknown, after: unknown) => {
  if (typeof after === 'number' && before !== null && before !== undefined)
    return Number(before) === after;
  return asText(before) === asText(after);
};

/** The changes a record needs, and the fields that moved since the last import (conflicts). */
function diff(
  w: Wanted,
  force: boolean,
  columns: Record<string, string>,
): {
  changes: Values;
  fields: Array<{ field: string; before: string | null; after: string }>;
  conflicts: RowProblem[];
} {
  const changes: Values = {};
  const fields: Array<{ field: string; before: string | null; after: string }> = [];
  const conflicts: RowProblem[] = [];
  const m = w.match!;
  const safe = m.imported_version !== null && m.imported_version === m.version;
  for (const [column, after] of Object.entries(w.values)) {
    const before = m[column];
    if (same(before, after)) continue;
    const field = w.fieldOf[column] ?? column;
    const empty = before === null || before === undefined || before === '';
    if (safe || empty || force) {
      changes[column] = after;
      if (column !== 'valid_precision')
        fields.push({ field, before: asText(before), after: asText(after) ?? '' });
    } else
      conflicts.push(
        problem(
          columns,
          field,
          'conflict',
          `в реестре «${asText(before)}», в файле «${asText(after)}»: запись изменена после импорта (версия ${m.version}) — не перезаписано`,
          `the registry has "${asText(before)}", the file "${asText(after)}": the record was changed after it was imported (version ${m.version}) — not overwritten`,
        ),
      );
  }
  if (Object.keys(changes).length === 1 && 'valid_precision' in changes)
    delete changes['valid_precision'];
  return { changes, fields, conflicts };
}

let dryIds = 0;

/** A writer for one job: what it has planned and the organisations it has looked up are the job's own. */
function writerOf<C>(spec: Spec<C>): EntityWriter {
  const planned = new Map<string, StoredRow>();
  const organisations = new Map<string, Organisation[]>();
  return {
    ownTransactions: spec.service !== undefined,
    plan: async (ctx, batch) => async (trx) => {
      const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, quarantine: [] };
      const { job, actor } = ctx;
      const rc: RowContext = { db: trx, columns: job.columns, planned, organisations };
      const imported: Array<{ table: Table; id: number; version: number }> = [];
      const refuse = (row: CheckedRow, r: Refusal) =>
        outcome.quarantine.push({
          line: row.line,
          raw: row.raw ?? {},
          values: row.values,
          problems: r.problems,
          reasonCode: r.reasonCode,
          recordId: r.recordId ?? null,
        });
      const sourceId = ctx.dryRun ? null : await ctx.source(trx);
      const write = async (w: Wanted, parentId: number | null, force: boolean, line: number) => {
        if (!w.match) {
          const values = { ...w.create(parentId), ...w.values };
          if (ctx.dryRun)
            return {
              row: { ...values, id: --dryIds, version: 1, imported_version: 1 } as StoredRow,
              action: 'create' as const,
              fields: [],
            };
          const row = spec.service
            ? await spec.service.create(trx, ctx, values, sourceId)
            : await insertImported(trx, w.table as ImportedTable, {
                ...values,
                source_id: sourceId,
              });
          if (!spec.service)
            await writeAudit(trx, {
              userId: actor.userId,
              action: 'create',
              entityType: w.table,
              entityId: row.id,
              before: null,
              after: { ...row, import: { job: job.id, line } },
              sourceId,
            });
          imported.push({ table: w.table, id: row.id, version: row.version });
          return { row, action: 'create' as const, fields: [] };
        }
        const { changes, fields } = diff(w, force, job.columns);
        if (Object.keys(changes).length === 0)
          return { row: w.match, action: 'unchanged' as const, fields };
        if (ctx.dryRun) return { row: w.match, action: 'update' as const, fields };
        const after = spec.service
          ? await spec.service.update(trx, ctx, w.match.id, w.match.version, changes, sourceId)
          : await updateImportedAt(trx, w.table as ImportedTable, w.match.id, w.match.version, {
              ...changes,
              source_id: sourceId,
            });
        if (!after) throw new StaleVersionError(w.match, w.match.version);
        if (!spec.service) {
          const { imported_version: _v, ...before } = w.match;
          await writeAudit(trx, {
            userId: actor.userId,
            action: 'update',
            entityType: w.table,
            entityId: after.id,
            before,
            after: { ...after, import: { job: job.id, line } },
            sourceId,
          });
        }
        imported.push({ table: w.table, id: after.id, version: after.version });
        return { row: after, action: 'update' as const, fields };
      };
      for (const row of batch as CheckedRow<C>[]) {
        if (!row.candidate) {
          outcome.quarantine.push(invalidRow(row));
          continue;
        }
        const plan = await spec.plan(rc, row.candidate);
        if (isRefusal(plan)) {
          refuse(row, plan);
          continue;
        }
        const first = ctx.seen.get(plan.key);
        if (first !== undefined) {
          refuse(row, {
            reasonCode: 'duplicate_in_file',
            problems: [
              problem(
                job.columns,
                null,
                'duplicate_in_file',
                `то же самое уже есть в строке ${first} этого файла`,
                `the same is already on line ${first} of this file`,
              ),
            ],
          });
          continue;
        }
        ctx.seen.set(plan.key, row.line);
        // A regional editor changes only what lies in the regions granted.
        if (actor.regions !== null) {
          const foreign = plan.regions.find((r) => r === null || !actor.regions!.includes(r));
          if (foreign !== undefined) {
            refuse(row, {
              reasonCode: 'forbidden_region',
              problems: [
                problem(
                  job.columns,
                  'region',
                  'forbidden_region',
                  foreign === null
                    ? 'запись без региона (федерального уровня) может импортировать только администратор'
                    : `нет прав на записи региона «${regionName(foreign)}»; вам доступны: ${actor.regions.map(regionName).join(', ') || 'нет регионов'}`,
                  foreign === null
                    ? 'only an administrator may import a record without a region'
                    : `no rights to records of ${regionName(foreign)}`,
                ),
              ],
              ...(plan.main.match ? { recordId: plan.main.match.id } : {}),
            });
            continue;
          }
        }
        const force = ctx.overwrite.has(row.line);
        // Every conflict of the row is found before anything of it is written.
        const mainDiff = plan.main.match ? diff(plan.main, force, job.columns) : undefined;
        const link = plan.link ? await plan.link(plan.main.match?.id ?? null, trx) : undefined;
        const linkDiff = link?.match ? diff(link, force, job.columns) : undefined;
        const conflicts = [...(mainDiff?.conflicts ?? []), ...(linkDiff?.conflicts ?? [])];
        if (conflicts.length > 0) {
          refuse(row, {
            reasonCode: 'conflict',
            problems: conflicts,
            recordId: plan.main.match?.id ?? link?.match?.id,
          });
          continue;
        }
        try {
          const main = await write(plan.main, null, force, row.line);
          if (main.action === 'create' && !plan.main.match)
            planned.set(plan.mainKey ?? plan.key, main.row);
          const linked = link ? await write(link, main.row.id, force, row.line) : undefined;
          const actions = [main.action, linked?.action];
          const action = actions.includes('create')
            ? 'create'
            : actions.includes('update')
              ? 'update'
              : 'unchanged';
          if (action === 'unchanged') outcome.unchanged++;
          else {
            if (action === 'create') outcome.created++;
            else outcome.updated++;
            if (ctx.sample.length < CHANGE_SAMPLE)
              ctx.sample.push({
                line: row.line,
                action,
                recordId: main.row.id > 0 ? main.row.id : null,
                name: plan.name,
                fields: [...main.fields, ...(linked?.fields ?? [])],
              });
          }
        } catch (error) {
          // Only a service's own checks reach here (the table writes cannot fail on checked values).
          if (!spec.service || !(error instanceof DomainError)) throw error;
          refuse(row, {
            reasonCode: error instanceof StaleVersionError ? 'conflict' : 'invalid_value',
            problems: [
              problem(
                job.columns,
                null,
                error instanceof StaleVersionError ? 'conflict' : error.code,
                error instanceof StaleVersionError
                  ? 'запись изменена другим пользователем во время импорта — не перезаписано'
                  : error.messageRu,
                error instanceof StaleVersionError
                  ? 'the record was changed by someone else during the import — not overwritten'
                  : error.messageEn,
              ),
            ],
            ...(plan.main.match ? { recordId: plan.main.match.id } : {}),
          });
        }
      }
      if (!ctx.dryRun)
        for (const table of new Set(imported.map((i) => i.table)))
          await recordImportedRows(
            trx,
            table,
            imported.filter((i) => i.table === table),
            job.id,
          );
      return outcome;
    },
  };
}

const wanted = (
  table: Table,
  match: StoredRow | undefined,
  values: Values,
  fieldOf: Record<string, string>,
  create: (parentId: number | null) => Values = () => ({}),
): Wanted => ({ table, match, values: defined(values), fieldOf, create });

/** People: matched by name and the organisation they hold a position at; the position by organisation and title. */
export const personWriter = (): EntityWriter =>
  writerOf<PersonCandidate>({
    table: 'person',
    async plan(ctx, c) {
      const org = c.organisation
        ? await organisationOf(
            ctx,
            c.organisation,
            { inn: 'organisationInn', name: 'organisation' },
            undefined,
          )
        : undefined;
      if (isRefusal(org)) return org;
      const nameKey = personNameKey(c);
      const key = `person:${nameKey}|${org?.id ?? ''}|${(c.title ?? '').toLowerCase()}`;
      const mainKey = `person:${nameKey}|${org?.id ?? ''}`;
      let match = ctx.planned.get(mainKey);
      if (!match) {
        const named = (await peopleNamed(ctx.db, c.lastName)).filter(
          (p) =>
            personNameKey({
              lastName: p['last_name'] as string,
              firstName: p['first_name'] as string | null,
              patronymic: p['patronymic'] as string | null,
            }) === nameKey,
        );
        const positions = await positionsOf(
          ctx.db,
          named.map((p) => p.id),
        );
        const at = org
          ? named.filter((p) =>
              positions.some((q) => q['person_id'] === p.id && q['organisation_id'] === org.id),
            )
          : named;
        const free = named.filter((p) => !positions.some((q) => q['person_id'] === p.id));
        const candidates = at.length > 0 ? at : org ? free : [];
        if (candidates.length > 1)
          return {
            reasonCode: 'ambiguous_match',
            problems: [
              problem(
                ctx.columns,
                'lastName',
                'ambiguous_match',
                `в реестре несколько персон с таким ФИО (№${candidates.map((p) => p.id).join(', №')}): укажите организацию`,
                `several people have this name (${candidates.map((p) => p.id).join(', ')}): give the organisation`,
              ),
            ],
          };
        match = candidates[0];
      }
      const regionOfPosition = org?.region_code ?? c.regionCode ?? null;
      return {
        key,
        mainKey,
        name: [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(' '),
        regions: [regionOfPosition],
        main: wanted(
          'person',
          match,
          { last_name: c.lastName, first_name: c.firstName, patronymic: c.patronymic },
          { last_name: 'lastName', first_name: 'firstName', patronymic: 'patronymic' },
        ),
        ...(c.title
          ? {
              link: async (personId: number | null, db: Db) => {
                const existing =
                  personId === null || personId < 0 ? [] : await positionsOf(db, [personId]);
                // A row without an organisation (a list of people as exported) matches
                // the person's position of that title wherever it is held.
                const same = existing.find(
                  (p) =>
                    (org === undefined || p['organisation_id'] === org.id) &&
                    plainNameKey(p['title'] as string) === plainNameKey(c.title!),
                );
                return wanted(
                  'position',
                  same,
                  {
                    ...period(c.since, c.until),
                    ...(c.regionCode ? { region_code: c.regionCode } : {}),
                  },
                  { valid_from: 'since', valid_to: 'until', region_code: 'region' },
                  (parentId) => ({
                    person_id: parentId,
                    organisation_id: org?.id ?? null,
                    region_code: c.regionCode ?? org?.region_code ?? null,
                    title: c.title,
                  }),
                );
              },
            }
          : {}),
      };
    },
  });

/** Sites and clusters: matched by name and region; the resident or member by organisation (and role). */
function placeWriter<C extends SiteCandidate | ClusterCandidate>(
  table: 'site' | 'cluster',
  columnsOf: (c: C) => { values: Values; fieldOf: Record<string, string>; create: Values },
  memberOf: (
    c: C,
  ) => { ref: OrganisationRef; fields: { inn: string; name: string }; role?: string } | undefined,
) {
  return writerOf<C>({
    table,
    async plan(ctx, c) {
      const member = memberOf(c);
      const org = member
        ? await organisationOf(ctx, member.ref, member.fields, undefined)
        : undefined;
      if (isRefusal(org)) return org;
      const mainKey = `${table}:${plainNameKey(c.name)}|${c.regionCode ?? ''}`;
      let match = ctx.planned.get(mainKey);
      if (!match) {
        const found = (await namedInRegion(ctx.db, table, c.name, c.regionCode ?? null)).filter(
          (s) => plainNameKey(s['name'] as string) === plainNameKey(c.name),
        );
        if (found.length > 1)
          return {
            reasonCode: 'ambiguous_match',
            problems: [
              problem(
                ctx.columns,
                'name',
                'ambiguous_match',
                `в регионе несколько записей с таким наименованием (№${found.map((s) => s.id).join(', №')})`,
                `several records of the region have this name (${found.map((s) => s.id).join(', ')})`,
              ),
            ],
          };
        match = found[0];
      }
      const own = columnsOf(c);
      const region = c.regionCode ?? (match?.['region_code'] as string | null | undefined) ?? null;
      return {
        key: `${mainKey}|${org?.id ?? ''}|${member?.role ?? ''}`,
        mainKey,
        name: org ? `${c.name} — ${org.name}` : c.name,
        regions: [region, ...(match ? [(match['region_code'] as string | null) ?? null] : [])],
        main: wanted(table, match, own.values, own.fieldOf, () => own.create),
        ...(org
          ? {
              link: async (parentId: number | null, db: Db) => {
                const linkTable = table === 'site' ? 'site_resident' : 'cluster_member';
                const existing =
                  parentId === null || parentId < 0
                    ? []
                    : table === 'site'
                      ? await residentsOf(db, parentId)
                      : await membersOf(db, parentId);
                const role = member?.role ?? 'participant';
                const same = existing.find(
                  (l) =>
                    l['organisation_id'] === org.id && (table === 'site' || l['role'] === role),
                );
                const since = (c as SiteCandidate).since;
                const until = (c as SiteCandidate).until;
                const parent = table === 'site' ? 'site_id' : 'cluster_id';
                return wanted(
                  linkTable,
                  same,
                  period(since, until),
                  table === 'site'
                    ? { valid_from: 'residentSince', valid_to: 'residentUntil' }
                    : { valid_from: 'memberSince', valid_to: 'memberUntil' },
                  (parentId) => ({
                    [parent]: parentId,
                    organisation_id: org.id,
                    ...(table === 'cluster' ? { role } : {}),
                  }),
                );
              },
            }
          : {}),
      };
    },
  });
}

export const siteWriter = (): EntityWriter =>
  placeWriter<SiteCandidate>(
    'site',
    (c) => ({
      values: {
        full_name: c.fullName,
        sez_type: c.sezType,
        town: c.town,
        specialisation: c.specialisation,
        latitude: c.latitude,
        longitude: c.longitude,
        ...(c.kind ? { kind: c.kind } : {}),
      },
      fieldOf: {
        full_name: 'fullName',
        sez_type: 'sezType',
        town: 'town',
        specialisation: 'specialisation',
        latitude: 'latitude',
        longitude: 'longitude',
        kind: 'kind',
      },
      create: {
        name: c.name,
        kind: c.kind ?? 'industrial_park',
        region_code: c.regionCode ?? null,
      },
    }),
    (c) =>
      c.resident
        ? { ref: c.resident, fields: { inn: 'residentInn', name: 'resident' } }
        : undefined,
  );

export const clusterWriter = (): EntityWriter =>
  placeWriter<ClusterCandidate>(
    'cluster',
    (c) => ({
      values: {
        full_name: c.fullName,
        status: c.status,
        specialisation: c.specialisation,
        decision_number: c.decisionNumber,
        decision_date: c.decisionDate,
        ...(c.kind ? { kind: c.kind } : {}),
      },
      fieldOf: {
        full_name: 'fullName',
        status: 'status',
        specialisation: 'specialisation',
        decision_number: 'decisionNumber',
        decision_date: 'decisionDate',
        kind: 'kind',
      },
      create: { name: c.name, kind: c.kind ?? 'industrial', region_code: c.regionCode ?? null },
    }),
    (c) =>
      c.member
        ? {
            ref: c.member,
            fields: { inn: 'memberInn', name: 'member' },
            role: c.role ?? 'participant',
          }
        : undefined,
  );

/** Facts: matched by subject, property, qualifier and date; a new date is a new fact (history stays). */
export const statementWriter = (): EntityWriter =>
  writerOf<StatementCandidate>({
    table: 'statement',
    async plan(ctx, c) {
      const org = c.organisation
        ? await organisationOf(
            ctx,
            c.organisation,
            { inn: 'organisationInn', name: 'organisation' },
            c.regionCode,
          )
        : undefined;
      if (isRefusal(org)) return org;
      const subject = org
        ? { type: 'organisation', id: String(org.id), region: org.region_code }
        : { type: 'region', id: c.regionCode!, region: c.regionCode! };
      const key = `statement:${subject.type}:${subject.id}|${c.property.toLowerCase()}|${c.qualifier}|${c.asOf ?? ''}`;
      const match =
        ctx.planned.get(key) ??
        (await statementsOf(ctx.db, subject.type, subject.id, c.property)).find(
          (s) =>
            (s['qualifier'] ?? '') === c.qualifier &&
            (asText(s['valid_from']) ?? '') === (c.asOf ?? ''),
        );
      return {
        key,
        name: `${org?.name ?? regionName(subject.id)}: ${c.property}`,
        regions: [subject.region],
        main: wanted(
          'statement',
          match,
          { value_number: c.valueNumber ?? null, value_text: c.valueText ?? null, unit: c.unit },
          { value_number: 'value', value_text: 'value', unit: 'unit' },
          () => ({
            subject_type: subject.type,
            subject_id: subject.id,
            property: c.property,
            qualifier: c.qualifier,
            ...(c.asOf ? { valid_from: c.asOf, valid_to: c.asOf, valid_precision: 'day' } : {}),
          }),
        ),
      };
    },
  });

const CONTRACT_FIELD_OF: Record<string, string> = {
  okpd2_code: 'okpd2',
  product: 'product',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  value_rub: 'valueRub',
};
const CONTRACT_INPUT: Record<string, string> = {
  buyer_id: 'buyerId',
  supplier_id: 'supplierId',
  contract_type: 'contractType',
  okpd2_code: 'okpd2',
  product: 'product',
  signed_on: 'signedOn',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  value_rub: 'valueRub',
};
const toInput = (values: Values) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k in CONTRACT_INPUT)
      .map(([k, v]) => [CONTRACT_INPUT[k]!, v]),
  );

/**
 * Cooperation contracts: matched by the parties, type, signing date and
 * product (ОКПД2 code, else the product's words); written through the
 * cooperation feature's use cases, so its checks (a known ОКПД2 code, two
 * different parties) apply as in the editing form.
 */
export const contractWriter = (): EntityWriter =>
  writerOf<ContractCandidate>({
    table: 'cooperation_contract',
    async plan(ctx, c) {
      const buyer = await organisationOf(
        ctx,
        c.buyer,
        { inn: 'buyerInn', name: 'buyer' },
        undefined,
      );
      if (isRefusal(buyer)) return buyer;
      const supplier = await organisationOf(
        ctx,
        c.supplier,
        { inn: 'supplierInn', name: 'supplier' },
        undefined,
      );
      if (isRefusal(supplier)) return supplier;
      if (buyer.id === supplier.id)
        return {
          reasonCode: 'invalid_value',
          problems: [
            problem(
              ctx.columns,
              'supplier',
              'same_party',
              'поставщик не может быть покупателем',
              'the supplier cannot be the buyer',
            ),
          ],
        };
      const product = c.okpd2 ?? plainNameKey(c.product ?? '');
      const key = `contract:${buyer.id}|${supplier.id}|${c.contractType}|${c.signedOn}|${product}`;
      const match =
        ctx.planned.get(key) ??
        (await contractsBetween(ctx.db, buyer.id, supplier.id, c.signedOn)).find(
          (k) =>
            k['contract_type'] === c.contractType &&
            (c.okpd2
              ? k['okpd2_code'] === c.okpd2
              : k['okpd2_code'] === null &&
                plainNameKey((k['product'] as string | null) ?? '') === product),
        );
      return {
        key,
        name: `${buyer.name} ← ${supplier.name}, ${c.signedOn}`,
        regions: [buyer.region_code, supplier.region_code],
        main: wanted(
          'cooperation_contract',
          match,
          {
            okpd2_code: c.okpd2,
            product: c.product,
            valid_from: c.validFrom,
            valid_to: c.validTo,
            value_rub: c.valueRub,
          },
          CONTRACT_FIELD_OF,
          () => ({
            buyer_id: buyer.id,
            supplier_id: supplier.id,
            contract_type: c.contractType,
            signed_on: c.signedOn,
          }),
        ),
      };
    },
    service: {
      async create(db, ctx, values, sourceId) {
        const input = {
          ...toInput(values),
          ...(sourceId !== null ? { sourceId } : {}),
        } as Parameters<typeof createContract>[2];
        const made = await createContract(db, { viewer: ctx.actor.viewer, sourceId }, input);
        return { ...values, id: made.id, version: made.version, imported_version: null };
      },
      async update(db, ctx, id, version, changes, sourceId) {
        const input = {
          ...toInput(changes),
          version,
          ...(sourceId !== null ? { sourceId } : {}),
        } as Parameters<typeof updateContract>[3];
        const made = await updateContract(db, { viewer: ctx.actor.viewer, sourceId }, id, input);
        return { ...changes, id: made.id, version: made.version, imported_version: null };
      },
    },
  });
