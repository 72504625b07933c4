import type { PartialDateDto } from '@promatlas/core/api/common.schema.ts';
import { parsePartialDeadline } from '@promatlas/core/programmes/partial-deadline.ts';
import type { MeasurePartyType } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import type { FieldProblem } from '../../shared/domain-errors.ts';
import { liveOrganisation, livePerson, regionByCode } from './programme-lookup.repository.ts';

/** Input of the programme features that is not one table's: partial dates written in words, parties. */

export type PartialDateInput = PartialDateDto | string | null | undefined;

export function problem(field: string, message: string, messageEn: string): FieldProblem {
  return { field, message, messageEn };
}

/**
 * A partial date as given: an object, or the words a plan uses. undefined
 * stays undefined (not sent), null clears it.
 */
export function resolvePartialDate(
  field: string,
  input: PartialDateInput,
  problems: FieldProblem[],
): PartialDateDto | null | undefined {
  if (input === undefined || input === null) return input;
  if (typeof input !== 'string') {
    if (input.from > input.to) {
      problems.push(
        problem(field, 'Начало периода позже его конца', 'The period starts after it ends'),
      );
      return undefined;
    }
    return input;
  }
  const parsed = parsePartialDeadline(input);
  if (!parsed)
    problems.push(
      problem(
        field,
        `Не удалось понять дату «${input}»: укажите, например, «II квартал 2025», «до конца 2025 года» или 31.12.2025`,
        `Unrecognised date «${input}»; e.g. «II квартал 2025», «до конца 2025 года», 31.12.2025`,
      ),
    );
  return parsed;
}

/** Columns `<prefix>_from/_to/_precision` of a partial date; nothing when not sent. */
export function dateColumns(prefix: string, date: PartialDateDto | null | undefined) {
  if (date === undefined) return {};
  return {
    [`${prefix}_from`]: date?.from ?? null,
    [`${prefix}_to`]: date?.to ?? null,
    [`${prefix}_precision`]: date?.precision ?? null,
  };
}

export interface PartyInput {
  type: MeasurePartyType;
  id: string;
}
export interface PartyColumns {
  organisation_id: number | null;
  region_code: string | null;
  person_id: number | null;
}

/** A responsible party or co-executor must exist: an organisation, a region or a person. */
export async function resolveParty(
  db: Db,
  field: string,
  input: PartyInput,
  problems: FieldProblem[],
): Promise<PartyColumns | undefined> {
  const none = { organisation_id: null, region_code: null, person_id: null };
  if (input.type === 'region') {
    if (await regionByCode(db, input.id)) return { ...none, region_code: input.id };
    problems.push(
      problem(field, `Неизвестный регион «${input.id}»`, `Unknown region «${input.id}»`),
    );
    return undefined;
  }
  const id = /^\d{1,10}$/.test(input.id) ? Number(input.id) : NaN;
  if (input.type === 'organisation') {
    if (await liveOrganisation(db, id)) return { ...none, organisation_id: id };
    problems.push(
      problem(
        field,
        `Организация «${input.id}» не найдена`,
        `Organisation «${input.id}» not found`,
      ),
    );
    return undefined;
  }
  if (await livePerson(db, id)) return { ...none, person_id: id };
  problems.push(
    problem(field, `Персона «${input.id}» не найдена`, `Person «${input.id}» not found`),
  );
  return undefined;
}

/** Today in Moscow time (the day the flags are computed for, unless a reader names another). */
export function todayInMoscow(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(now);
}
