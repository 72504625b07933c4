import type { ProjectListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ProjectKind,
} from '@promatlas/core/domain/vocabulary.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { listProjects } from '../../registry/projects/index.ts';
import {
  type ListExport,
  pagesOf,
  idColumn,
  type RegionalQuery,
  dateColumn,
  regionColumns,
} from '../list-export.ts';

export const projectsExport: ListExport<
  RegionalQuery & { kind?: ProjectKind | undefined },
  ProjectListItem
> = {
  name: 'projects',
  title: { ru: 'Проекты', en: 'Projects' },
  columns: [
    idColumn(),
    { key: 'title', ru: 'Название', en: 'Title', type: 'text', width: 50, value: (r) => r.title },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => PROJECT_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 16,
      value: (r, l) => (r.status ? PROJECT_STATUSES.label(r.status, l) : null),
    },
    ...regionColumns<ProjectListItem>(),
    dateColumn<ProjectListItem>('date', 'Срок', 'Date', (r) => r.date),
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listProjects(db, {
          regions: regionCodes(q.region),
          kind: q.kind,
          q: q.q,
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};
