import type { Db } from '../db/connection.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import type { OrganisationRef } from './field-kit.ts';
import { organisationNameKey } from './organisation-fields.ts';
import {
  organisationsByInn,
  organisationsNamed,
  type ImportedTable,
  type StoredRow,
} from './record-import.repository.ts';
import type { RowProblem } from './registry-import.presenter.ts';
import { columnOfField, type BatchContext, type Quarantined } from './import-types.ts';

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

export type Table = ImportedTable | 'cooperation_contract';
export type Values = Record<string, unknown>;

export interface Organisation {
  id: number;
  name: string;
  region_code: string | null;
}

/** One record a row wants: its table, what to match it by, the columns it sets. */
export interface Wanted {
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

export interface Plan {
  /** The key of the row in the file: a second row with the same key is set aside. */
  key: string;
  /** The key of the main record, under which a record this job creates is found by later rows. */
  mainKey?: string;
  name: string;
  regions: Array<string | null>;
  main: Wanted;
  /** The link to create or update once the main record is there. */
  link?: (mainId: number | null, trx: Db) => Promise<Wanted | undefined>;
  /** What the job should say about the row although it is written (a value read another way). */
  notices?: RowProblem[];
}

export type Refusal = {
  reasonCode: Quarantined['reasonCode'];
  problems: RowProblem[];
  recordId?: number;
};

export interface Spec<C> {
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
      /** Everything the row sets, changed or not. */
      values: Values,
    ): Promise<StoredRow>;
  };
}

const REGION_NAMES = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s.name]));
export const regionName = (code: string | null | undefined) =>
  code ? (REGION_NAMES.get(code) ?? code) : 'без региона';

/** What planning a row may use: the database, the job's mapping, the records planned so far. */
export interface RowContext {
  db: Db;
  columns: Record<string, string>;
  /** Records created earlier in this job (or, in a dry run, that would be), by their key. */
  planned: Map<string, StoredRow>;
  organisations: Map<string, Organisation[]>;
}

export const problem = (
  columns: Record<string, string>,
  field: string | null,
  code: string,
  message: string,
  messageEn: string,
): RowProblem => ({ column: columnOfField(columns, field), field, code, message, messageEn });

/** The organisation a row names, by ИНН, else by name (within the region when the row gives one). */
export async function organisationOf(
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

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && 'reasonCode' in x;

export const period = (from: string | undefined, to: string | undefined): Values => ({
  ...(from !== undefined ? { valid_from: from } : {}),
  ...(to !== undefined ? { valid_to: to } : {}),
  ...(from !== undefined || to !== undefined ? { valid_precision: 'day' } : {}),
});
export const defined = (v: Values): Values =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));

export const asText = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v);
export const same = (before: unknown, after: unknown) => {
  if (typeof after === 'number' && before !== null && before !== undefined)
    return Number(before) === after;
  return asText(before) === asText(after);
};

/** The changes a record needs, and the fields that moved since the last import (conflicts). */
export function diff(
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

export const wanted = (
  table: Table,
  match: StoredRow | undefined,
  values: Values,
  fieldOf: Record<string, string>,
  create: (parentId: number | null) => Values = () => ({}),
): Wanted => ({ table, match, values: defined(values), fieldOf, create });
