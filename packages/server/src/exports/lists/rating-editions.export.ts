import type { RatingEditionList } from '@promatlas/core/api/ratings.schema.ts';
import { listEditions } from '../../ratings/index.ts';
import { type ListExport, idColumn } from '../list-export.ts';

type EditionRow = RatingEditionList['ratings'][number]['editions'][number] & {
  ratingName: string | null;
};

/** Ratings and their editions, one row per edition (the list page's content). */
export const ratingEditionsExport: ListExport<Record<string, never>, EditionRow> = {
  name: 'ratings-editions',
  title: { ru: 'Издания рейтингов', en: 'Rating editions' },
  columns: [
    idColumn(),
    {
      key: 'rating',
      ru: 'Рейтинг',
      en: 'Rating',
      type: 'text',
      width: 44,
      value: (r) => r.ratingName,
    },
    { key: 'label', ru: 'Издание', en: 'Edition', type: 'text', width: 36, value: (r) => r.label },
    { key: 'year', ru: 'Год', en: 'Year', type: 'integer', width: 8, value: (r) => r.year },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 22,
      value: (r, l) => (l === 'ru' ? r.kindLabel : r.kind),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) =>
        l === 'ru' ? (r.status === 'final' ? 'окончательное' : 'черновик') : r.status,
    },
  ],
  async *batches(db) {
    const list = await listEditions(db);
    const rows: EditionRow[] = [
      ...list.ratings.flatMap((rating) =>
        rating.editions.map((e) => ({ ...e, ratingName: rating.name })),
      ),
      ...list.otherEditions.map((e) => ({ ...e, ratingName: null })),
    ];
    if (rows.length) yield rows;
  },
};
