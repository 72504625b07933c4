import type {
  StoredSupportMeasure,
  SubsidyCalculationResponse,
  SupportMeasureTermsUpdate,
} from '@promatlas/core/api/support.schema.ts';
import {
  calculateSubsidy,
  validateSubsidyCalculationInput,
  validateSupportMeasure,
  type InputProblem,
  type SupportMeasure,
} from '@promatlas/core/compliance/index.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import {
  updateRecord,
  type MutationContext,
} from '../shared/records/versioned-record.repository.ts';
import { ref } from '../registry/shared/mappers.ts';
import {
  findMeasureByCode,
  findSupportMeasureRows,
  getSupportMeasureRow,
  type SupportMeasureRow,
} from './support-measure.repository.ts';

const NOT_FOUND = ['Мера поддержки', 'Support measure'] as const;

const prefixed = (prefix: string, problems: readonly InputProblem[]) =>
  problems.map((p) => ({
    field: p.field ? `${prefix}.${p.field}` : prefix,
    message: p.message,
    messageEn: p.messageEn,
  }));

/** The stored terms, or null when the measure was recorded without them. */
function termsOf(row: SupportMeasureRow): SupportMeasure | null {
  if (row.terms === null || row.terms === undefined) return null;
  const validated = validateSupportMeasure(row.terms);
  if (!validated.ok) throw new Error(`stored terms of support measure ${row.id} do not validate`);
  return validated.value;
}

function present(row: SupportMeasureRow): StoredSupportMeasure {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regulation: row.regulation,
    published: row.published,
    version: row.version,
    terms: termsOf(row),
  };
}

export async function listSupportMeasures(db: Db): Promise<{ items: StoredSupportMeasure[] }> {
  return { items: (await findSupportMeasureRows(db)).map(present) };
}

export async function getSupportMeasure(db: Db, id: number): Promise<StoredSupportMeasure> {
  const row = await getSupportMeasureRow(db, id);
  if (!row) throw new NotFoundError(...NOT_FOUND, id);
  return present(row);
}

/**
 * Replaces a measure's terms (share, cap, cost-date window, conditions) with
 * the version check; the summary columns the registry lists (code, share,
 * cap) follow the terms, and the audit entry keeps both.
 */
export async function updateSupportMeasureTerms(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: SupportMeasureTermsUpdate,
): Promise<{ id: number; version: number }> {
  const validated = validateSupportMeasure(input.terms);
  if (!validated.ok) throw ValidationError.ofFields(prefixed('terms', validated.problems));
  const terms = validated.value;
  return db.transaction().execute(async (trx) => {
    const other = await findMeasureByCode(trx, terms.id, id);
    if (other)
      throw new ConflictError(
        `Код меры «${terms.id}» уже занят (мера № ${other.id})`,
        `The measure code "${terms.id}" is taken (measure ${other.id})`,
        {
          code: 'duplicate',
          details: {
            fields: [
              { field: 'terms.id', message: 'Код уже занят', messageEn: 'The code is taken' },
            ],
          },
        },
      );
    const row = await updateRecord(trx, ctx, 'support_measure', id, input.version, {
      code: terms.id,
      regulation: terms.regulation.reference,
      max_share: terms.maxShare,
      cap_amount: terms.capPerApplicantRub,
      cap_currency: terms.capPerApplicantRub === null ? null : 'RUB',
      terms: JSON.stringify(terms),
    });
    return { id: row.id, version: row.version };
  });
}

/**
 * The subsidy a project's costs give under a measure, line by line (core's
 * calculateSubsidy). Nothing is stored: the calculation is a question, the
 * award a fact recorded separately.
 */
export async function calculateMeasureSubsidy(
  db: Db,
  id: number,
  body: unknown,
): Promise<SubsidyCalculationResponse> {
  const row = await getSupportMeasureRow(db, id);
  if (!row) throw new NotFoundError(...NOT_FOUND, id);
  const terms = termsOf(row);
  if (!terms)
    throw ValidationError.ofFields([
      {
        field: 'measure',
        message: `У меры «${row.name}» не заданы условия — расчёт невозможен`,
        messageEn: `The measure "${row.name}" has no terms: nothing to calculate with`,
      },
    ]);
  const validated = validateSubsidyCalculationInput(body, terms);
  if (!validated.ok)
    throw ValidationError.ofFields(
      validated.problems.map((p) => ({
        field: p.field,
        message: p.message,
        messageEn: p.messageEn,
      })),
    );
  const result = calculateSubsidy(terms, validated.value);
  return {
    ...result,
    measure: ref('support_measure', row.id, row.name),
    measureVersion: terms.version,
    lines: result.lines.map((l) => ({ ...l, reasons: [...l.reasons] })),
    pendingLines: [...result.pendingLines],
  };
}
