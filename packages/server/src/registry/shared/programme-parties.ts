import type { Db } from '../../db/connection.ts';
import type { FieldProblem } from '../../shared/domain-errors.ts';
import {
  liveOrganisation,
  livePerson,
  livePosition,
  regionByCode,
} from './programme-lookup.repository.ts';
import { problem } from './programme-input.ts';

/**
 * Parties of plans and agreements: an organisation and/or a region. An
 * agreement party may name its signatory and the position they held then —
 * a position of that person in that party's organisation (not, say, the
 * signatory's post in another organisation).
 */
export interface PartyBody {
  organisationId?: number | null | undefined;
  regionCode?: string | null | undefined;
  signatoryPersonId?: number | null | undefined;
  signatoryPositionId?: number | null | undefined;
}

export async function partyRows(
  db: Db,
  parties: PartyBody[],
  problems: FieldProblem[],
  withSignatories: boolean,
): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const [i, p] of parties.entries()) {
    const field = (name: string) => `parties.${i}.${name}`;
    const organisationId = p.organisationId ?? null;
    const regionCode = p.regionCode ?? null;
    if (organisationId === null && regionCode === null)
      problems.push(
        problem(
          field('organisationId'),
          'Сторона — организация или регион: укажите хотя бы одно',
          'A party is an organisation or a region: give one',
        ),
      );
    if (organisationId !== null && !(await liveOrganisation(db, organisationId)))
      problems.push(
        problem(
          field('organisationId'),
          `Организация ${organisationId} не найдена`,
          `Organisation ${organisationId} not found`,
        ),
      );
    if (regionCode !== null && !(await regionByCode(db, regionCode)))
      problems.push(
        problem(
          field('regionCode'),
          `Неизвестный код региона ${regionCode}`,
          `Unknown region ${regionCode}`,
        ),
      );
    const row: Record<string, unknown> = {
      organisation_id: organisationId,
      region_code: regionCode,
      role: 'party',
    };
    if (withSignatories) {
      const personId = p.signatoryPersonId ?? null;
      const positionId = p.signatoryPositionId ?? null;
      if (personId !== null && !(await livePerson(db, personId)))
        problems.push(
          problem(
            field('signatoryPersonId'),
            `Персона ${personId} не найдена`,
            `Person ${personId} not found`,
          ),
        );
      if (positionId !== null) {
        const position = await livePosition(db, positionId);
        if (!position)
          problems.push(
            problem(
              field('signatoryPositionId'),
              `Должность ${positionId} не найдена`,
              `Position ${positionId} not found`,
            ),
          );
        else if (personId !== null && position.person_id !== personId)
          problems.push(
            problem(
              field('signatoryPositionId'),
              'Эта должность принадлежит другой персоне, а не подписанту',
              'The position belongs to another person, not the signatory',
            ),
          );
        else if (organisationId !== null && position.organisation_id !== organisationId)
          problems.push(
            problem(
              field('signatoryPositionId'),
              `Должность «${position.title}» относится к другой организации, а не к стороне соглашения`,
              `The position «${position.title}» belongs to another organisation than the party`,
            ),
          );
      }
      row['signatory_person_id'] = personId;
      row['signatory_position_id'] = positionId;
    }
    rows.push(row);
  }
  return rows;
}
