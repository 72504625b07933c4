import type { PersonListItem } from '@promatlas/core/api/registry.schema.ts';
import { listPeople } from '../../registry/people/index.ts';
import { type ListExport, idColumn, type RegionalQuery, regionalPages } from '../list-export.ts';

export const peopleExport: ListExport<RegionalQuery, PersonListItem> = {
  name: 'people',
  title: { ru: 'Люди', en: 'People' },
  columns: [
    idColumn(),
    {
      key: 'fullName',
      ru: 'ФИО',
      en: 'Full name',
      type: 'text',
      width: 36,
      value: (r) => r.fullName,
    },
    {
      key: 'currentTitle',
      ru: 'Последняя известная должность',
      en: 'Latest known position',
      type: 'text',
      width: 50,
      value: (r) => r.currentTitle,
    },
  ],
  batches: regionalPages(listPeople),
};
