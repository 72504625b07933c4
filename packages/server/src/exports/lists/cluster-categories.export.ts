import { INDUSTRY_TYPES, type IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import { findClusterCategoriesWithCodes } from '../exports.repository.ts';
import type { ListExport } from '../list-export.ts';

type CategoryRow = Awaited<ReturnType<typeof findClusterCategoriesWithCodes>>[number];

/** The cluster categories (traded and local) with their ОКВЭД2 codes, as the categories page lists them. */
export const clusterCategoriesExport: ListExport<{ type?: IndustryType | undefined }, CategoryRow> =
  {
    name: 'cluster-categories',
    title: { ru: 'Категории кластеров', en: 'Cluster categories' },
    columns: [
      { key: 'code', ru: 'Код', en: 'Code', type: 'text', width: 10, value: (r) => r.code },
      { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
      {
        key: 'type',
        ru: 'Тип',
        en: 'Type',
        type: 'text',
        width: 12,
        value: (r, l) => INDUSTRY_TYPES.label(r.type as IndustryType, l),
      },
      {
        key: 'description',
        ru: 'Описание',
        en: 'Description',
        type: 'text',
        width: 50,
        value: (r) => r.description,
      },
      {
        key: 'okvedCodes',
        ru: 'Коды ОКВЭД2',
        en: 'OKVED2 codes',
        type: 'text',
        width: 50,
        value: (r) => r.okved_codes.join('; '),
      },
    ],
    async *batches(db, q) {
      const rows = (await findClusterCategoriesWithCodes(db)).filter(
        (r) => q.type === undefined || r.type === q.type,
      );
      if (rows.length) yield rows;
    },
  };
