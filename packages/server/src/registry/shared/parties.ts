import type { Db } from '../../db/connection.ts';
import { findActionPlanParties, findAgreementParties } from './parties.repository.ts';
import { organisationDisplayName, personFullName, ref, SourceRefs } from './mappers.ts';

/** Parties of agreements and action plans with their organisations, regions and signatories. */
export async function loadParties(db: Db, kind: 'agreement' | 'action_plan', id: number) {
  const rows =
    kind === 'agreement'
      ? await findAgreementParties(db, id)
      : (await findActionPlanParties(db, id)).map((r) => ({
          ...r,
          person_id: null,
          last_name: null,
          first_name: null,
          patronymic: null,
          signatory_title: null,
        }));
  const sources = await SourceRefs.load(
    db,
    rows.map((r) => r.source_id),
  );
  return rows.map((r) => ({
    organisation:
      r.organisation_id !== null && r.organisation_name !== null
        ? ref(
            'organisation',
            r.organisation_id,
            organisationDisplayName({ name: r.organisation_name, legal_form: r.legal_form }),
          )
        : null,
    region: r.region_code && r.region_name ? { code: r.region_code, name: r.region_name } : null,
    signatory:
      r.person_id !== null && r.last_name !== null
        ? ref(
            'person',
            r.person_id,
            personFullName({
              last_name: r.last_name,
              first_name: r.first_name,
              patronymic: r.patronymic,
            }),
          )
        : null,
    signatoryTitle: r.signatory_title,
    role: r.role,
    source: sources.of(r),
  }));
}
