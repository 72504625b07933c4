import type { SupportAward } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { organisationDisplayName, periodOf, ref, SourceRefs } from './mappers.ts';

/** Support awards with provider, measure and the projects each covers. */
export async function loadSupportAwards(db: Db, ids: number[]): Promise<SupportAward[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('support_award as a')
    .leftJoin('organisation as o', 'o.id', 'a.provider_organisation_id')
    .leftJoin('support_measure as m', 'm.id', 'a.support_measure_id')
    .select([
      'a.id',
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
  const projects = await db
    .selectFrom('support_award_project as sap')
    .innerJoin('project as p', 'p.id', 'sap.project_id')
    .select(['sap.support_award_id', 'p.id', 'p.title'])
    .where('sap.support_award_id', 'in', ids)
    .orderBy('p.id')
    .execute();
  const sources = await SourceRefs.load(
    db,
    rows.map((r) => r.source_id),
  );
  return rows.map((r) => ({
    id: r.id,
    provider:
      r.provider_id !== null && r.provider_name !== null
        ? ref(
            'organisation',
            r.provider_id,
            organisationDisplayName({ name: r.provider_name, legal_form: r.provider_legal_form }),
          )
        : null,
    measure:
      r.measure_id !== null && r.measure_name !== null
        ? ref('support_measure', r.measure_id, r.measure_name)
        : null,
    amount: r.amount,
    qualifier: r.amount_qualifier,
    currency: r.currency,
    programme: r.programme,
    projects: projects
      .filter((p) => p.support_award_id === r.id)
      .map((p) => ref('project', p.id, p.title)),
    asOf: periodOf(r),
    source: sources.of(r),
  }));
}
