import type { Db } from '../../db/connection.ts';

/** Live ratings with their publisher's name. */
export async function findRatings(db: Db) {
  return db
    .selectFrom('rating')
    .leftJoin('organisation as o', 'o.id', 'rating.publisher_organisation_id')
    .selectAll('rating')
    .select(['o.name as publisher_name', 'o.legal_form as publisher_legal_form'])
    .where('rating.deleted_at', 'is', null)
    .orderBy('rating.id')
    .execute();
}

export type RatingRow = Awaited<ReturnType<typeof findRatings>>[number];

/** Live published results of site ratings, newest year first, then by place. */
export async function findSiteRatingResults(db: Db) {
  return db
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
}

export type RatingResultRow = Awaited<ReturnType<typeof findSiteRatingResults>>[number];
