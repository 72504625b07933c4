import type { SourceListItem } from '@promatlas/core/api/registry.schema.ts';
import { SOURCE_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import { listSources } from '../../registry/sources/index.ts';
import { type ListExport, pagesOf, idColumn, dateColumn } from '../list-export.ts';

export const sourcesExport: ListExport<{ q?: string | undefined; sort: string }, SourceListItem> = {
  name: 'sources',
  title: { ru: 'Источники', en: 'Sources' },
  columns: [
    idColumn(),
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 20,
      value: (r, l) => SOURCE_KINDS.label(r.kind, l),
    },
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 60, value: (r) => r.title },
    {
      key: 'publisher',
      ru: 'Издатель',
      en: 'Publisher',
      type: 'text',
      width: 30,
      value: (r) => r.publisher,
    },
    dateColumn<SourceListItem>('published', 'Дата публикации', 'Published', (r) => r.published),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) => listSources(db, { q: q.q, sort: q.sort, page, pageSize }),
      batchSize,
    ),
};
