import type { OrganisationCreate, OrganisationUpdate } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  deleteRecord,
  toColumns,
  updateProvenance,
  updateRecord,
  type ColumnMap,
  type MutationContext,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import {
  invalid,
  provenance,
  refuseDuplicates,
  regionProblem,
  type FieldProblem,
} from '../shared/references.ts';
import {
  findKnownOkvedCodes,
  findOrganisationIdentifiers,
  findOrganisationOkved,
  findSimilarlyNamed,
  replaceOrganisationOkved,
} from './organisation-editing.repository.ts';
import { similarOrganisation } from './organisation.presenter.ts';

const COLUMNS = {
  kind: 'kind',
  name: 'name',
  fullName: 'full_name',
  shortName: 'short_name',
  legalForm: 'legal_form',
  inn: 'inn',
  ogrn: 'ogrn',
  kpp: 'kpp',
  regionCode: 'region_code',
  town: 'town',
  country: 'country',
  description: 'description',
  aliases: 'aliases',
  published: 'published',
  sourceId: 'source_id',
  sourceQuote: 'source_quote',
} satisfies ColumnMap<'organisation'>;

/** Unknown regions and ОКВЭД2 codes are named field by field. */
async function checkOrganisationReferences(
  db: Db,
  input: { regionCode?: string | null | undefined; okved?: Array<{ code: string }> | undefined },
) {
  const fields: FieldProblem[] = [];
  const region = await regionProblem(db, 'regionCode', input.regionCode);
  if (region) fields.push(region);
  if (input.okved?.length) {
    const codes = input.okved.map((o) => o.code);
    const known = await findKnownOkvedCodes(db, codes);
    input.okved.forEach((o, i) => {
      if (!known.has(o.code)) {
        fields.push({
          field: `okved.${i}.code`,
          message: `Код ОКВЭД2 ${o.code} не найден в классификаторе`,
          messageEn: `ОКВЭД2 code ${o.code} is not in the classifier`,
        });
      }
    });
  }
  if (fields.length) throw invalid(fields);
}

/** The codes once each, the first mention winning (a code listed twice is one activity). */
function distinctOkved(okved: Array<{ code: string; isMain: boolean }>) {
  const seen = new Set<string>();
  return okved.filter((o) => !seen.has(o.code) && seen.add(o.code));
}

function writeOkved(trx: Db, id: number, okved: Array<{ code: string; isMain: boolean }>) {
  return replaceOrganisationOkved(trx, id, distinctOkved(okved));
}

/** ОКВЭД2 codes as the audit trail records them: sorted, the main ones marked, so equal sets compare equal. */
const okvedForAudit = (okved: Array<{ code: string; isMain: boolean }>) =>
  okved.map((o) => (o.isMain ? `${o.code} (основной)` : o.code)).sort();

export async function createOrganisation(db: Db, ctx: MutationContext, input: OrganisationCreate) {
  await checkOrganisationReferences(db, input);
  await refuseDuplicates(db, input);
  const prov = await provenance(db, input);
  return db.transaction().execute(async (trx) => {
    const row = await createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'organisation', {
      ...toColumns<'organisation'>(input, COLUMNS),
      ...prov,
      // OrganisationCreate requires the kind and name the table requires.
      kind: input.kind,
      name: input.name,
    });
    if (input.okved) await writeOkved(trx, row.id, input.okved);
    return { id: row.id, version: row.version };
  });
}

export async function updateOrganisation(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: OrganisationUpdate,
) {
  await checkOrganisationReferences(db, input);
  await refuseDuplicates(db, input, id);
  const { version, okved, ...rest } = input;
  const prov = await updateProvenance(db, 'organisation', id, rest);
  return db.transaction().execute(async (trx) => {
    // ОКВЭД2 codes live in their own table but belong to the organisation:
    // their change goes into the same, single audit entry as the record's.
    const okvedChange = okved
      ? {
          before: {
            okved: okvedForAudit(
              (await findOrganisationOkved(trx, id)).map((o) => ({
                code: o.okved_code,
                isMain: o.is_main,
              })),
            ),
          },
          after: { okved: okvedForAudit(distinctOkved(okved)) },
        }
      : undefined;
    const row = await updateRecord(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'organisation',
      id,
      version,
      { ...toColumns<'organisation'>(rest, COLUMNS), ...prov },
      okvedChange,
    );
    if (okved) await writeOkved(trx, id, okved);
    return { id: row.id, version: row.version };
  });
}

export async function deleteOrganisation(
  db: Db,
  ctx: MutationContext,
  id: number,
  version: number,
) {
  return db.transaction().execute(async (trx) => {
    const row = await deleteRecord(trx, ctx, 'organisation', id, version);
    return { id: row.id, version: row.version };
  });
}

/** A deleted organisation whose ИНН or ОГРН another live record now has is not restored: 409 naming that record. */
export async function restoreOrganisation(db: Db, ctx: MutationContext, id: number) {
  const deleted = await findOrganisationIdentifiers(db, id);
  if (!deleted) throw new NotFoundError('Организация', 'Organisation', id);
  if (deleted.deleted_at) await refuseDuplicates(db, deleted, id);
  return restoreInTransaction(db, ctx, 'organisation', id);
}

/** Organisations of the region with similar names (trigram similarity), offered as possible duplicates before saving. */
export async function findSimilarOrganisations(
  db: Db,
  name: string,
  regionCode: string | undefined,
) {
  const text = name.toLowerCase().trim();
  const rows = await findSimilarlyNamed(db, text, regionCode);
  return { items: rows.map(similarOrganisation) };
}
