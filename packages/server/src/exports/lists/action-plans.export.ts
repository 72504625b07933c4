import type { ActionPlanListItem } from '@promatlas/core/api/registry.schema.ts';
import { listActionPlans } from '../../registry/action-plans/index.ts';
import {
  type ListExport,
  idColumn,
  type RegionalQuery,
  regionalPages,
  dateColumn,
} from '../list-export.ts';

export const actionPlansExport: ListExport<RegionalQuery, ActionPlanListItem> = {
  name: 'action-plans',
  title: { ru: 'Планы действий', en: 'Action plans' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    dateColumn<ActionPlanListItem>('period', 'Период', 'Period', (r) => r.period),
    {
      key: 'themes',
      ru: 'Темы',
      en: 'Themes',
      type: 'text',
      width: 50,
      value: (r) => r.themes.join('; '),
    },
  ],
  batches: regionalPages(listActionPlans),
};
