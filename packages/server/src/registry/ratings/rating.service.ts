import type { Rating } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { SourceRefs } from '../shared/mappers.ts';
import { ratingItem } from './rating.presenter.ts';
import { findRatings, findSiteRatingResults } from './rating.repository.ts';

/** Ratings with their published results (places as reported by the publisher). */
export async function listRatings(db: Db): Promise<{ items: Rating[] }> {
  const ratings = await findRatings(db);
  const results = await findSiteRatingResults(db);
  const sources = await SourceRefs.load(db, [
    ...ratings.map((r) => r.source_id),
    ...results.map((r) => r.source_id),
  ]);
  return { items: ratings.map((r) => ratingItem(r, results, sources)) };
}
