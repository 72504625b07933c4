import { getProjectRoute } from '@promatlas/core/api/contract/registry.ts';
import { createProjectRoute, updateProjectRoute } from '@promatlas/core/api/contract/projects.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type ProjectKind,
  type ProjectParticipantRole,
  type ProjectStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import { Field } from '../../shared/form/fields.tsx';
import { OrganisationPicker } from '../../shared/form/OrganisationPicker.tsx';
import { ProvenanceAndPublication } from '../../shared/form/record-fields.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { NO_SOURCE, provenanceInput, type SourceValue } from '../../shared/form/SourceFields.tsx';
import type { FieldErrors } from '../../shared/form/useForm.ts';
import {
  RecordFormPage,
  type FieldsProps,
  type RecordFormConfig,
} from '../../shared/record-form/RecordFormPage.tsx';
import { nullIfEmpty, numberText, parseRussianNumber } from '../../shared/record-form/convert.ts';
import { RecordPicker, type PickedRecord } from './RecordPicker.tsx';
import { useLang } from './work-i18n.ts';

interface Participant {
  organisation: { id: number; title: string };
  role: ProjectParticipantRole;
}
interface Milestone {
  title: string;
  date: string;
  done: boolean;
}
interface ProjectValues extends Record<string, unknown> {
  kind: ProjectKind;
  status: string;
  title: string;
  description: string;
  regionCode: string;
  cluster: PickedRecord | null;
  site: PickedRecord | null;
  period: string;
  investment: string;
  jobs: string;
  participants: Participant[];
  milestones: Milestone[];
  published: boolean;
  source: SourceValue;
}

const numberOf = (text: string) => (text.trim() ? (parseRussianNumber(text) ?? NaN) : null);

function toInput(v: ProjectValues) {
  return {
    kind: v.kind,
    status: (v.status || null) as ProjectStatus | null,
    title: v.title,
    description: nullIfEmpty(v.description),
    regionCode: nullIfEmpty(v.regionCode),
    clusterId: v.cluster?.id ?? null,
    siteId: v.site?.id ?? null,
    period: nullIfEmpty(v.period),
    investmentRub: numberOf(v.investment),
    jobs: numberOf(v.jobs),
    participants: v.participants.map((p) => ({ organisationId: p.organisation.id, role: p.role })),
    milestones: v.milestones.map((m) => ({
      title: m.title,
      date: nullIfEmpty(m.date),
      done: m.done,
    })),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

function check(v: ProjectValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.investment.trim() && parseRussianNumber(v.investment) === undefined)
    errors['investmentRub'] = 'Введите число рублей, например 2 500 000 000';
  if (v.jobs.trim() && parseRussianNumber(v.jobs) === undefined)
    errors['jobs'] = 'Введите целое число';
  return errors;
}

function ProjectFields({ form, user }: FieldsProps<ProjectValues>) {
  const { values: v, set, errors } = form;
  const { t, lang, toggle } = useLang();
  const setMilestone = (k: number, change: Partial<Milestone>) =>
    set(
      'milestones',
      v.milestones.map((m, i) => (i === k ? { ...m, ...change } : m)),
    );
  return (
    <>
      <p className="muted small">
        <button type="button" className="link-button" onClick={toggle} data-testid="lang">
          {t('language')}
        </button>
      </p>
      <div className="form-row three">
        <Field name="kind" label={t('kind')} errors={errors} required>
          {(p) => (
            <select
              {...p}
              value={v.kind}
              onChange={(e) => set('kind', e.target.value as ProjectKind)}
            >
              {PROJECT_KINDS.values.map((k) => (
                <option key={k} value={k}>
                  {PROJECT_KINDS.label(k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label={t('status')} errors={errors}>
          {(p) => (
            <select {...p} value={v.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('none')}</option>
              {PROJECT_STATUSES.values.map((s) => (
                <option key={s} value={s}>
                  {PROJECT_STATUSES.label(s, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="regionCode"
          label={t('region')}
          errors={errors}
          required={user.role !== 'administrator'}
        >
          {(p) => (
            <RegionSelect
              {...p}
              user={user}
              value={v.regionCode}
              onChange={(code) => set('regionCode', code)}
            />
          )}
        </Field>
      </div>
      <Field name="title" label={t('title')} errors={errors} required>
        {(p) => <input {...p} value={v.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field name="description" label={t('description')} errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={v.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <div className="form-row">
        <Field name="siteId" label={t('site')} errors={errors}>
          {(p) => (
            <RecordPicker
              type="site"
              id={p.id}
              testId="project-site"
              value={v.site}
              onChange={(site) => set('site', site)}
              placeholder={lang === 'en' ? 'Start typing a name' : 'Начните вводить название'}
              change={t('remove')}
            />
          )}
        </Field>
        <Field name="clusterId" label={t('cluster')} errors={errors}>
          {(p) => (
            <RecordPicker
              type="cluster"
              id={p.id}
              testId="project-cluster"
              value={v.cluster}
              onChange={(cluster) => set('cluster', cluster)}
              placeholder={lang === 'en' ? 'Start typing a name' : 'Начните вводить название'}
              change={t('remove')}
            />
          )}
        </Field>
      </div>
      <div className="form-row three">
        <Field name="period" label={t('projectPeriod')} errors={errors} hint={t('partialHint')}>
          {(p) => <input {...p} value={v.period} onChange={(e) => set('period', e.target.value)} />}
        </Field>
        <Field name="investmentRub" label={t('investmentRub')} errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.investment}
              onChange={(e) => set('investment', e.target.value)}
            />
          )}
        </Field>
        <Field name="jobs" label={t('jobs')} errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.jobs}
              onChange={(e) => set('jobs', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field name="participants" label={t('participants')} errors={errors}>
        {(p) => (
          <div data-testid="project-participants">
            {v.participants.map((x, k) => (
              <div key={`${x.organisation.id}-${k}`} className="picked">
                <span>{x.organisation.title}</span>{' '}
                <select
                  aria-label={t('role')}
                  value={x.role}
                  onChange={(e) =>
                    set(
                      'participants',
                      v.participants.map((y, i) =>
                        i === k ? { ...y, role: e.target.value as ProjectParticipantRole } : y,
                      ),
                    )
                  }
                >
                  {PROJECT_PARTICIPANT_ROLES.values.map((r) => (
                    <option key={r} value={r}>
                      {PROJECT_PARTICIPANT_ROLES.label(r, lang)}
                    </option>
                  ))}
                </select>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    set(
                      'participants',
                      v.participants.filter((_, i) => i !== k),
                    )
                  }
                >
                  {t('remove')}
                </button>
              </div>
            ))}
            <OrganisationPicker
              key={v.participants.length}
              id={p.id}
              testId="project-participant"
              value={null}
              onChange={(o) =>
                o &&
                set('participants', [
                  ...v.participants,
                  { organisation: { id: o.id, title: o.title }, role: 'participant' },
                ])
              }
            />
          </div>
        )}
      </Field>
      <fieldset className="form-fieldset" data-testid="project-milestones">
        <legend>{t('milestones')}</legend>
        {v.milestones.map((m, k) => (
          <div className="form-row three" key={k} data-milestone={k}>
            <Field name={`milestones.${k}.title`} label={t('milestone')} errors={errors} required>
              {(p) => (
                <input
                  {...p}
                  value={m.title}
                  onChange={(e) => setMilestone(k, { title: e.target.value })}
                />
              )}
            </Field>
            <Field
              name={`milestones.${k}.date`}
              label={t('date')}
              errors={errors}
              hint={t('partialHint')}
            >
              {(p) => (
                <input
                  {...p}
                  value={m.date}
                  onChange={(e) => setMilestone(k, { date: e.target.value })}
                />
              )}
            </Field>
            <div className="form-field">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={m.done}
                  onChange={(e) => setMilestone(k, { done: e.target.checked })}
                />{' '}
                {t('done')}
              </label>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  set(
                    'milestones',
                    v.milestones.filter((_, i) => i !== k),
                  )
                }
              >
                {t('remove')}
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          data-testid="add-milestone"
          onClick={() => set('milestones', [...v.milestones, { title: '', date: '', done: false }])}
        >
          {t('addMilestone')}
        </button>
      </fieldset>
      <ProvenanceAndPublication
        source={v.source}
        onSourceChange={(source) => set('source', source)}
        published={v.published}
        onPublishedChange={(published) => set('published', published)}
        publishedLabel={t('published')}
        errors={errors}
      />
    </>
  );
}

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
