import type { Rating } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { organisationDisplayName, ref, SourceRefs } from '../shared/mappers.ts';

/** Ratings with their published results (places as reported by the publisher). */
export async function listRatings(db: Db): Promise<{ items: Rating[] }> {
  const ratings = await db
    .selectFrom('rating')
    .leftJoin('organisation as o', 'o.id', 'rating.publisher_organisation_id')
    .selectAll('rating')
    .select(['o.name as publisher_name', 'o.legal_form as publisher_legal_form'])
    .where('rating.deleted_at', 'is', null)
    .orderBy('rating.id')
    .execute();
  const results = await db
    .selectFrom('rating_result as rr')
    .innerJoin('site', 'site.id', 'rr.object_id')
    .select([
      'rr.rating_id',
      'rr.edition_label',
      'rr.edition_number',
      'rr.year',
      'rr.peer_group',
      'rr.place',
      'rr.kind',
      'rr.source_id',
      'rr.source_quote',
      'site.id as site_id',
      'site.name as site_name',
    ])
    .where('rr.object_type', '=', 'site')
    .where('rr.deleted_at', 'is', null)
    .orderBy('rr.year', 'desc')
    .orderBy('rr.place')
    .execute();
  const sources = await SourceRefs.load(db, [
    ...ratings.map((r) => r.source_id),
    ...results.map((r) => r.source_id),
  ]);
  return {
    items: ratings.map((r) => ({
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
    })),
  };
}
