import { getProjectRoute } from '@promatlas/core/api/contract/registry.ts';
import { createProjectRoute, updateProjectRoute } from '@promatlas/core/api/contract/projects.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type ProjectParticipantRole,
} from '@promatlas/core/domain/vocabulary.ts';
import { NO_SOURCE } from '../../shared/form/SourceFields.tsx';
import { RecordFormPage, type RecordFormConfig } from '../../shared/record-form/RecordFormPage.tsx';
import { numberText } from '../../shared/record-form/convert.ts';
import { ProjectFields } from './ProjectFields.tsx';
import { check, toInput, type ProjectValues } from './project-values.ts';

const projectForm: RecordFormConfig<
  ProjectValues,
  {
    get: typeof getProjectRoute;
    create: typeof createProjectRoute;
    update: typeof updateProjectRoute;
  }
> = {
  collection: 'projects',
  routes: { get: getProjectRoute, create: createProjectRoute, update: updateProjectRoute },
  createTitle: ['Новый проект', 'New project'],
  editTitle: (p) => [`Изменение: ${p.title}`, `Editing: ${p.title}`],
  empty: (user) => ({
    kind: 'investment',
    status: '',
    title: '',
    description: '',
    regionCode:
      user.role === 'regional_editor' && user.regions.length === 1 ? user.regions[0]! : '',
    cluster: null,
    site: null,
    period: '',
    investment: '',
    jobs: '',
    participants: [],
    milestones: [],
    published: true,
    source: NO_SOURCE,
  }),
  fromRecord: (p) => ({
    kind: p.kind,
    status: p.status ?? '',
    title: p.title,
    description: p.description ?? '',
    regionCode: p.region?.code ?? '',
    cluster: p.cluster ? { id: Number(p.cluster.id), title: p.cluster.title } : null,
    site: p.site ? { id: Number(p.site.id), title: p.site.title } : null,
    period: p.date ? formatPartialDate(p.date) : '',
    investment: numberText(p.investmentRub),
    jobs: p.jobs === null ? '' : String(p.jobs),
    participants: p.participants
      .filter((x) => PROJECT_PARTICIPANT_ROLES.values.includes(x.role as ProjectParticipantRole))
      .map((x) => ({
        organisation: { id: Number(x.target.id), title: x.target.title },
        role: x.role as ProjectParticipantRole,
      })),
    milestones: p.milestones.map((m) => ({
      title: m.title,
      date: m.date ? formatPartialDate(m.date) : '',
      done: m.done,
    })),
    published: p.published,
    source: { sourceId: p.source?.id ?? null, quote: p.source?.quote ?? '' },
  }),
  toInput,
  check,
  compared: [
    { label: 'Название', key: 'title' },
    { label: 'Вид', key: 'kind', format: (k) => PROJECT_KINDS.label(String(k ?? '')) },
    { label: 'Статус', key: 'status', format: (s) => (s ? PROJECT_STATUSES.label(String(s)) : '') },
    { label: 'Регион (код)', key: 'regionCode' },
    { label: 'Сроки', key: 'period' },
    { label: 'Инвестиции, руб.', key: 'investmentRub' },
    { label: 'Рабочие места', key: 'jobs' },
    {
      label: 'Этапы',
      key: 'milestones',
      format: (ms) =>
        Array.isArray(ms)
          ? ms
              .map((m: { title: string; date: string | null }) => `${m.title} (${m.date ?? '—'})`)
              .join('; ')
          : '',
    },
    { label: 'Описание', key: 'description' },
  ],
  regionsOf: (p) => [p.region?.code ?? null],
  Fields: ProjectFields,
};

export function ProjectCreatePage() {
  return <RecordFormPage config={projectForm} mode="create" />;
}

export function ProjectEditPage() {
  return <RecordFormPage config={projectForm} mode="edit" />;
}
