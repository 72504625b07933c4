import type { Rating } from '@promatlas/core/api/registry.schema.ts';
import { organisationDisplayName, ref, type SourceRefs } from '../shared/mappers.ts';
import type { RatingResultRow, RatingRow } from './rating.repository.ts';

export function ratingItem(r: RatingRow, results: RatingResultRow[], sources: SourceRefs): Rating {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    publisher:
      r.publisher_organisation_id !== null && r.publisher_name
        ? ref(
            'organisation',
            r.publisher_organisation_id,
            organisationDisplayName({
              name: r.publisher_name,
              legal_form: r.publisher_legal_form,
            }),
          )
        : null,
    objectType: r.object_type,
    results: results
      .filter((x) => x.rating_id === r.id)
      .map((x) => ({
        editionLabel: x.edition_label,
        editionNumber: x.edition_number,
        year: x.year,
        peerGroup: x.peer_group,
        place: x.place,
        kind: x.kind,
        object: ref('site', x.site_id, x.site_name),
        source: sources.of(x),
      })),
    source: sources.of(r),
  };
}
