import type { EventListItem } from '@promatlas/core/api/registry.schema.ts';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind } from '@promatlas/core/domain/vocabulary.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { listEvents } from '../../registry/events/index.ts';
import {
  type ListExport,
  pagesOf,
  idColumn,
  type RegionalQuery,
  dateColumn,
  regionColumns,
} from '../list-export.ts';

export const eventsExport: ListExport<
  RegionalQuery & { kind?: EventKind | undefined },
  EventListItem
> = {
  name: 'events',
  title: { ru: 'Мероприятия', en: 'Events' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => EVENT_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) => EVENT_STATUSES.label(r.status, l),
    },
    dateColumn<EventListItem>('date', 'Дата', 'Date', (r) => r.date),
    ...regionColumns<EventListItem>(),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listEvents(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};
