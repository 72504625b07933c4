import type { AgreementListItem } from '@promatlas/core/api/registry.schema.ts';
import { listAgreements } from '../../registry/agreements/index.ts';
import {
  type ListExport,
  idColumn,
  type RegionalQuery,
  regionalPages,
  dateColumn,
} from '../list-export.ts';

export const agreementsExport: ListExport<RegionalQuery, AgreementListItem> = {
  name: 'agreements',
  title: { ru: 'Соглашения', en: 'Agreements' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    dateColumn<AgreementListItem>('date', 'Дата', 'Date', (r) => r.date),
    {
      key: 'parties',
      ru: 'Стороны',
      en: 'Parties',
      type: 'text',
      width: 60,
      value: (r) => r.parties.join('; '),
    },
  ],
  batches: regionalPages(listAgreements),
};
