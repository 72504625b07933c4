import type { Db } from '../../db/connection.ts';

/** Support awards with their provider and measure. */
export async function findSupportAwardRows(db: Db, ids: number[]) {
  return db
    .selectFrom('support_award as a')
    .leftJoin('organisation as o', 'o.id', 'a.provider_organisation_id')
    .leftJoin('support_measure as m', 'm.id', 'a.support_measure_id')
    .select([
      'a.id',
      'a.version',
      'a.amount',
      'a.amount_qualifier',
      'a.currency',
      'a.programme',
      'a.valid_from',
      'a.valid_to',
      'a.valid_precision',
      'a.source_id',
      'a.source_quote',
      'o.id as provider_id',
      'o.name as provider_name',
      'o.legal_form as provider_legal_form',
      'm.id as measure_id',
      'm.name as measure_name',
    ])
    .where('a.id', 'in', ids)
    .orderBy('a.id')
    .execute();
}

/** The projects each of the given support awards covers. */
export async function findSupportAwardProjects(db: Db, ids: number[]) {
  return db
    .selectFrom('support_award_project as sap')
    .innerJoin('project as p', 'p.id', 'sap.project_id')
    .select(['sap.support_award_id', 'p.id', 'p.title'])
    .where('sap.support_award_id', 'in', ids)
    .orderBy('p.id')
    .execute();
}
