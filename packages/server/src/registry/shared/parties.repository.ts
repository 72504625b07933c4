import type { Db } from '../../db/connection.ts';

/** An agreement's live parties: organisation, region, signatory and their position. */
export async function findAgreementParties(db: Db, id: number) {
  return db
    .selectFrom('agreement_party as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('person', 'person.id', 'p.signatory_person_id')
    .leftJoin('position as pos', 'pos.id', 'p.signatory_position_id')
    .select([
      'p.id',
      'p.role',
      'p.source_id',
      'p.source_quote',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.legal_form',
      'r.code as region_code',
      'r.name as region_name',
      'person.id as person_id',
      'person.last_name',
      'person.first_name',
      'person.patronymic',
      'pos.title as signatory_title',
    ])
    .where('p.agreement_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

/** An action plan's live parties: organisation and region. */
export async function findActionPlanParties(db: Db, id: number) {
  return db
    .selectFrom('action_plan_party as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.role',
      'p.source_id',
      'p.source_quote',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.legal_form',
      'r.code as region_code',
      'r.name as region_name',
    ])
    .where('p.action_plan_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}
