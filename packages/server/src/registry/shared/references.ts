import { locateQuote } from '@promatlas/core/text/locate-quote.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import { organisationDisplayName, ref } from './mappers.ts';
import {
  findLiveOrganisationId,
  findLiveOrganisationWith,
  findRegionCode,
  findSourceText,
} from './references.repository.ts';
import { isRowId } from './region-resolvers.ts';

/**
 * Checks of what an edit refers to — regions, organisations, sources — made
 * before writing, so an unknown reference is answered with a 400 naming the
 * field rather than failing on the database's foreign key.
 */

export type { FieldProblem };

export function invalid(fields: FieldProblem[]): ValidationError {
  return ValidationError.ofFields(fields);
}

export async function regionProblem(
  db: Db,
  field: string,
  code: string | null | undefined,
): Promise<FieldProblem | null> {
  if (!code) return null;
  const region = await findRegionCode(db, code);
  return region
    ? null
    : {
        field,
        message: `Неизвестный код региона ${code}`,
        messageEn: `Unknown region ${code}`,
      };
}

/** A referenced organisation must exist and not be deleted. */
export async function organisationProblem(
  db: Db,
  field: string,
  id: number | null | undefined,
): Promise<FieldProblem | null> {
  if (id === null || id === undefined) return null;
  const row = isRowId(id) ? await findLiveOrganisationId(db, id) : undefined;
  return row
    ? null
    : {
        field,
        message: `Организация ${id} не найдена`,
        messageEn: `Organisation ${id} not found`,
      };
}

/** Throws one 400 listing every problem found, or returns quietly. */
export async function checkReferences(checks: Array<Promise<FieldProblem | null>>): Promise<void> {
  const problems = (await Promise.all(checks)).filter((p): p is FieldProblem => p !== null);
  if (problems.length) throw invalid(problems);
}

/**
 * A quote must be a sentence of its source: it is stored as it stands in the
 * text (whitespace as in the document), so the source view can mark it.
 * Applies to every record with provenance, organisations included.
 */
export async function provenance(
  db: Db,
  input: { sourceId?: number | null | undefined; sourceQuote?: string | null | undefined },
): Promise<{ source_id?: number; source_quote?: string | null }> {
  if (!input.sourceId) {
    if (input.sourceQuote)
      throw new ValidationError('Цитата указана без источника', 'A quote needs a source', {
        fields: [
          {
            field: 'sourceId',
            message: 'Выберите источник цитаты',
            messageEn: 'Choose the source of the quote',
          },
        ],
      });
    return {};
  }
  const source = isRowId(input.sourceId) ? await findSourceText(db, input.sourceId) : undefined;
  if (!source)
    throw new ValidationError(
      `Источник ${input.sourceId} не найден`,
      `Source ${input.sourceId} not found`,
      {
        fields: [
          { field: 'sourceId', message: 'Источник не найден', messageEn: 'Source not found' },
        ],
      },
    );
  if (!input.sourceQuote) return { source_id: source.id, source_quote: null };
  const span = locateQuote(source.text, input.sourceQuote);
  if (!span) {
    throw new ValidationError(
      'Цитата не найдена в тексте источника',
      'The quote is not in the source text',
      {
        fields: [
          {
            field: 'sourceQuote',
            message: 'Такого фрагмента нет в тексте источника',
            messageEn: 'Not found in the source text',
          },
        ],
      },
    );
  }
  return { source_id: source.id, source_quote: span.text };
}

/** ИНН and ОГРН identify an organisation: a second live record with either is refused with a link to the first. */
export async function refuseDuplicates(
  db: Db,
  input: { inn?: string | null | undefined; ogrn?: string | null | undefined },
  exceptId?: number,
): Promise<void> {
  for (const field of ['inn', 'ogrn'] as const) {
    const value = input[field];
    if (!value) continue;
    const existing = await findLiveOrganisationWith(db, field, value, exceptId);
    if (existing) {
      const label = field === 'inn' ? 'ИНН' : 'ОГРН';
      throw new ConflictError(
        `Организация с ${label} ${value} уже есть в реестре: ${organisationDisplayName(existing)}`,
        `An organisation with ${label} ${value} already exists`,
        {
          code: 'duplicate',
          details: {
            field,
            existing: ref('organisation', existing.id, organisationDisplayName(existing)),
          },
        },
      );
    }
  }
}
