import type { Insertable } from 'kysely';
import type { DatePrecisionValue } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';

import {
  createRecord,
  toColumns,
  updateProvenance,
  updateRecord,
  type ColumnMap,
  type MutationContext,
  type VersionedTable,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { checkReferences, organisationProblem, provenance, regionProblem } from './references.ts';

export const PROVENANCE = { sourceId: 'source_id', sourceQuote: 'source_quote' } as const;
export function period(
  asOf: { from: string; to: string; precision: DatePrecisionValue } | null | undefined,
) {
  return asOf ? { valid_from: asOf.from, valid_to: asOf.to, valid_precision: asOf.precision } : {};
}

/** The regions and organisations a site or cluster refers to must exist: checked before writing. */
function referenceChecks(db: Db, input: Record<string, unknown>) {
  return checkReferences([
    regionProblem(db, 'regionCode', input['regionCode'] as string | null | undefined),
    organisationProblem(
      db,
      'managementOrganisationId',
      input['managementOrganisationId'] as number | null | undefined,
    ),
    organisationProblem(
      db,
      'specialisedOrganisationId',
      input['specialisedOrganisationId'] as number | null | undefined,
    ),
  ]);
}

export function simpleEditing<
  T extends VersionedTable,
  C extends Record<string, unknown>,
  U extends { version: number },
>(table: T, columns: ColumnMap<T>) {
  return {
    async create(db: Db, ctx: MutationContext, input: C) {
      await referenceChecks(db, input);
      const prov = await provenance(
        db,
        input as { sourceId?: number | null; sourceQuote?: string | null },
      );
      const row = await db.transaction().execute((trx) =>
        createRecord(trx, { ...ctx, sourceId: prov.source_id }, table, {
          ...toColumns<T>(input, columns),
          ...prov,
          // The create schema requires what the table requires; the column
          // names are checked by the ColumnMap, the values by the schema.
        } as Insertable<Database[T]>),
      );
      return { id: row.id, version: row.version };
    },
    async update(db: Db, ctx: MutationContext, id: number, input: U) {
      const { version, ...rest } = input;
      await referenceChecks(db, rest);
      const prov = await updateProvenance(
        db,
        table,
        id,
        rest as { sourceId?: number | null; sourceQuote?: string | null },
      );
      const row = await db.transaction().execute((trx) =>
        updateRecord(trx, { ...ctx, sourceId: prov.source_id }, table, id, version, {
          ...toColumns<T>(rest, columns),
          ...prov,
        }),
      );
      return { id: row.id, version: row.version };
    },
    async remove(db: Db, ctx: MutationContext, id: number, version: number) {
      return deleteInTransaction(db, ctx, table, id, version);
    },
    async restore(db: Db, ctx: MutationContext, id: number) {
      return restoreInTransaction(db, ctx, table, id);
    },
  };
}

export async function removeChild(
  db: Db,
  ctx: MutationContext,
  table: 'cluster_member' | 'position' | 'statement',
  id: number,
  version: number,
) {
  return deleteInTransaction(db, ctx, table, id, version);
}
