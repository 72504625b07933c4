import type { Db } from '../../db/connection.ts';
import { organisationDisplayName, personFullName, ref, SourceRefs } from './mappers.ts';

/** Parties of agreements and action plans with their organisations, regions and signatories. */
export async function loadParties(db: Db, kind: 'agreement' | 'action_plan', id: number) {
  const rows =
    kind === 'agreement'
      ? await db
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
          .execute()
      : (
          await db
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
            .execute()
        ).map((r) => ({
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
