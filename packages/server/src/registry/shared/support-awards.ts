import type { SupportAward } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { findSupportAwardProjects, findSupportAwardRows } from './support-awards.repository.ts';
import { organisationDisplayName, periodOf, ref, SourceRefs } from './mappers.ts';

/** Support awards with provider, measure and the projects each covers. */
export async function loadSupportAwards(db: Db, ids: number[]): Promise<SupportAward[]> {
  if (ids.length === 0) return [];
  const rows = await findSupportAwardRows(db, ids);
  const projects = await findSupportAwardProjects(db, ids);
  const sources = await SourceRefs.load(
    db,
    rows.map((r) => r.source_id),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
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
