import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import { organisationDisplayName, ref } from '../shared/mappers.ts';
import type { SimilarOrganisationRow } from './organisation-editing.repository.ts';

/** A possible duplicate: the organisation and its name similarity, rounded to hundredths. */
export function similarOrganisation(r: SimilarOrganisationRow): EntityRef & { similarity: number } {
  return {
    ...ref('organisation', r.id, organisationDisplayName(r)),
    similarity: Math.round(Number(r.similarity) * 100) / 100,
  };
}
