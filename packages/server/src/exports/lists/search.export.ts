import type { SearchItem } from '@promatlas/core/api/search.schema.ts';
import { ENTITY_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { searchRegistry } from '../../search/index.ts';
import { type ListExport, regionColumns } from '../list-export.ts';

/** Search results: the ranked answer, page by page up to the search's own limit of 10,000 results. */
export const searchExport: ListExport<{ q: string; types?: string | undefined }, SearchItem> = {
  name: 'search',
  title: { ru: 'Результаты поиска', en: 'Search results' },
  columns: [
    {
      key: 'type',
      ru: 'Тип',
      en: 'Type',
      type: 'text',
      width: 16,
      value: (r, l) => ENTITY_TYPES.label(r.type, l),
    },
    { key: 'id', ru: 'Идентификатор', en: 'ID', type: 'text', width: 10, value: (r) => r.id },
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'subtitle',
      ru: 'Пояснение',
      en: 'Subtitle',
      type: 'text',
      width: 40,
      value: (r) => r.subtitle,
    },
    ...regionColumns<SearchItem>(),
    {
      key: 'score',
      ru: 'Релевантность',
      en: 'Score',
      type: 'number',
      width: 12,
      value: (r) => r.score,
    },
  ],
  async *batches(db, q, { schema }) {
    const limit = 100;
    for (let offset = 0; offset <= 10_000; offset += limit) {
      const { items } = await searchRegistry(db, { q: q.q, types: q.types, limit, offset }, schema);
      if (items.length) yield items;
      if (items.length < limit) return;
    }
  },
};
