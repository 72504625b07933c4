import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type ProjectKind,
  type ProjectParticipantRole,
} from '@promatlas/core/domain/vocabulary.ts';
import { Field } from '../../shared/form/fields.tsx';
import { OrganisationPicker } from '../../shared/form/OrganisationPicker.tsx';
import { ProvenanceAndPublication } from '../../shared/form/record-fields.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import type { FieldsProps } from '../../shared/record-form/RecordFormPage.tsx';
import type { Milestone, ProjectValues } from './project-values.ts';
import { RecordPicker } from './RecordPicker.tsx';
import { RowList } from './RowList.tsx';
import { useLang } from './work-i18n.ts';

export function ProjectFields({ form, user }: FieldsProps<ProjectValues>) {
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
          <RowList
            testId="project-participants"
            items={v.participants}
            rowKey={(x, k) => `${x.organisation.id}-${k}`}
            rowClassName="picked"
            removeLabel={t('remove')}
            onChange={(participants) => set('participants', participants)}
            render={(x, k, remove) => (
              <>
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
                {remove}
              </>
            )}
            add={
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
            }
          />
        )}
      </Field>
      <fieldset className="form-fieldset" data-testid="project-milestones">
        <legend>{t('milestones')}</legend>
        <RowList
          items={v.milestones}
          rowKey={(_, k) => k}
          rowClassName="form-row three"
          rowAttribute="milestone"
          removeLabel={t('remove')}
          onChange={(milestones) => set('milestones', milestones)}
          render={(m, k, remove) => (
            <>
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
                {remove}
              </div>
            </>
          )}
          add={
            <button
              type="button"
              className="button small"
              data-testid="add-milestone"
              onClick={() =>
                set('milestones', [...v.milestones, { title: '', date: '', done: false }])
              }
            >
              {t('addMilestone')}
            </button>
          }
        />
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
