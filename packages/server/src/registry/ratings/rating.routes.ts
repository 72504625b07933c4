import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { RatingListSchema } from '@promatlas/core/api/registry.schema.ts';
import { listRatings } from './rating.service.ts';

/** Published rating results (places) as registry facts. */
export function ratingListRoutes(app: AppInstance): void {
  app.get(
    '/api/ratings',
    {
      schema: {
        tags: ['Реестр'],
        summary: 'Рейтинги и опубликованные результаты (места)',
        response: { 200: RatingListSchema },
      },
    },
    async ({ viewer }) => listRatings(readDb(app, viewer)),
  );
}
