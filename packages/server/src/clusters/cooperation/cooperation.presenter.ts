import type { Contract, Purchase } from '@promatlas/core/api/cooperation.schema.ts';
import { COOPERATION_CONTRACT_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { organisationDisplayName, ref, type SourceRefs } from '../../registry/shared/mappers.ts';
import type { ContractRow, PurchaseRow } from './cooperation.repository.ts';

export function presentContract(row: ContractRow, sources: SourceRefs): Contract {
  return {
    id: row.id,
    version: row.version,
    buyer: ref(
      'organisation',
      row.buyer_id,
      organisationDisplayName({ name: row.buyer_name, legal_form: row.buyer_legal_form }),
    ),
    supplier: ref(
      'organisation',
      row.supplier_id,
      organisationDisplayName({ name: row.supplier_name, legal_form: row.supplier_legal_form }),
    ),
    contractType: row.contract_type,
    contractTypeLabel: COOPERATION_CONTRACT_TYPES.label(row.contract_type),
    okpd2: row.okpd2_code,
    product: row.product,
    signedOn: row.signed_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    valueRub: row.value_rub,
    published: row.published,
    source: sources.of(row),
  };
}

export function presentPurchase(row: PurchaseRow, sources: SourceRefs): Purchase {
  return {
    id: row.id,
    version: row.version,
    organisation: ref(
      'organisation',
      row.organisation_id,
      organisationDisplayName({
        name: row.organisation_name,
        legal_form: row.organisation_legal_form,
      }),
    ),
    year: row.year,
    totalRub: row.total_rub,
    fromParticipantsRub: row.from_participants_rub,
    source: sources.of(row),
  };
}
