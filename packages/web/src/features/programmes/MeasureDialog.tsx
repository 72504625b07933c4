import { useState, type FormEvent } from 'react';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import {
  createMeasureRoute,
  deleteMeasureRoute,
  getMeasureRoute,
  updateMeasureRoute,
} from '@promatlas/core/api/contract/plans.ts';
import { MeasureCreateSchema, MeasureUpdateSchema } from '@promatlas/core/api/programmes.schema.ts';
import { MEASURE_STATUSES, type MeasureStatus } from '@promatlas/core/domain/vocabulary.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { Dialog, Field, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';
import { ConflictDialog } from '../../shared/record-form/ConflictDialog.tsx';
import { IndicatorFields } from './IndicatorFields.tsx';
import {
  allowedStatuses,
  check,
  EMPTY,
  fromMeasure,
  toInput,
  type MeasureValues,
} from './measure-values.ts';
import { PartyPicker, type PartyValue } from './PartyPicker.tsx';
import { RowList } from './RowList.tsx';
import { messageIn, type Lang, type T, type Word } from './work-i18n.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Creates or edits a measure of a plan in a dialog: only the fields changed
 * are sent, a stale version shows both versions side by side, field errors
 * stand under their fields. Editing also lists the measure's reports.
 */
export function MeasureDialog({
  planId,
  themes,
  measure,
  defaultTheme,
  onClose,
  onSaved,
  t,
  lang,
}: {
  planId: number;
  themes: string[];
  measure: MeasureDto | null;
  defaultTheme?: string | null;
  onClose: () => void;
  onSaved: () => void;
  t: T;
  lang: Lang;
}) {
  const initial = measure ? fromMeasure(measure) : { ...EMPTY, theme: defaultTheme ?? '' };
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(measure?.version ?? 1);
  const [baseStatus, setBaseStatus] = useState<MeasureStatus | null>(measure?.status ?? null);
  const [conflict, setConflict] = useState<{
    message: string;
    current: MeasureDto;
  } | null>(null);
  const [coAdd, setCoAdd] = useState(0);
  const detail = useRoute(getMeasureRoute, measure ? { params: { id: measure.id } } : null);
  const form = useForm(
    initial,
    measure ? MeasureUpdateSchema : MeasureCreateSchema,
    measure
      ? (v: MeasureValues) => ({ ...toInput(v), version })
      : (v: MeasureValues) => ({ ...toInput(v), actionPlanId: planId }),
    check,
  );
  const { values: v, set, errors } = form;

  const save = async (withVersion: number) => {
    try {
      if (!measure) {
        await api(createMeasureRoute, { body: { ...toInput(v), actionPlanId: planId } });
      } else {
        const mine = toInput(v);
        const loaded = toInput(original);
        const body = Object.fromEntries(
          Object.entries(mine).filter(
            ([key, value]) => !same(value, loaded[key as keyof typeof loaded]),
          ),
        );
        if (Object.keys(body).length)
          await api(updateMeasureRoute, {
            params: { id: measure.id },
            body: { ...body, version: withVersion },
          });
      }
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && error.body?.['current']) {
        setConflict({
          message: messageIn(lang, error),
          current: error.body['current'] as MeasureDto,
        });
        return;
      }
      if (error instanceof ApiError && lang === 'en') {
        form.showApiError(
          new ApiError(messageIn(lang, error), error.status, error.code, {
            ...error.body,
            fields: (error.body?.fields ?? []).map((f) => ({
              ...f,
              message: (f as { messageEn?: string }).messageEn || f.message,
            })),
          } as typeof error.body),
        );
        return;
      }
      throw error;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => save(version));
  };

  const remove = async () => {
    if (!measure || !window.confirm(t('confirmDelete'))) return;
    try {
      await api(deleteMeasureRoute, { params: { id: measure.id }, query: { version } });
      onSaved();
    } catch (error) {
      form.setFormError(messageIn(lang, error));
    }
  };

  const compared = () => {
    if (!conflict) return [];
    const mine = v;
    const theirs = fromMeasure(conflict.current);
    const show = (x: unknown) =>
      x && typeof x === 'object' && 'title' in x
        ? String((x as PartyValue).title)
        : Array.isArray(x)
          ? x.map((p: PartyValue) => p.title).join('; ')
          : String(x ?? '');
    const labels = {
      title: 'title',
      theme: 'theme',
      owner: 'owner',
      coExecutors: 'coExecutors',
      start: 'start',
      deadline: 'deadline',
      status: 'status',
      indicatorName: 'indicator',
      unit: 'unit',
      target: 'target',
      targetOn: 'targetOn',
      actual: 'actual',
      actualOn: 'actualOn',
    } as const satisfies Partial<Record<keyof MeasureValues, Word>>;
    return (Object.keys(labels) as Array<keyof typeof labels>).map((key) => ({
      label: t(labels[key]),
      mine: show(mine[key]),
      theirs: show(theirs[key]),
    }));
  };

  const statuses = allowedStatuses(baseStatus);
  const themeOptions = [...new Set([...themes, ...(v.theme ? [v.theme] : [])])];
  return (
    <Dialog
      title={measure ? `${t('editMeasure')}: ${measure.title}` : t('newMeasure')}
      onClose={onClose}
      wide
      testId="measure-dialog"
    >
      <form className="record-form" onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <Field name="title" label={t('title')} errors={errors} required>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={v.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field name="theme" label={t('theme')} errors={errors}>
            {(p) => (
              <select {...p} value={v.theme} onChange={(e) => set('theme', e.target.value)}>
                <option value="">{t('noTheme')}</option>
                {themeOptions.map((th) => (
                  <option key={th} value={th}>
                    {th}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="status" label={t('status')} errors={errors}>
            {(p) => (
              <select {...p} value={v.status} onChange={(e) => set('status', e.target.value)}>
                {baseStatus === null ? (
                  <option value="">{lang === 'en' ? 'no data' : 'нет данных'}</option>
                ) : null}
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {MEASURE_STATUSES.label(s, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field name="owner" label={t('owner')} errors={errors}>
          {(p) => (
            <PartyPicker
              id={p.id}
              testId="owner"
              aria-invalid={p['aria-invalid']}
              aria-describedby={p['aria-describedby']}
              value={v.owner}
              onChange={(owner) => set('owner', owner)}
              t={t}
            />
          )}
        </Field>
        <Field name="coExecutors" label={t('coExecutors')} errors={errors}>
          {(p) => (
            <RowList
              testId="co-executors"
              items={v.coExecutors}
              rowKey={(c) => `${c.type}:${c.id}`}
              rowClassName="picked"
              removeLabel={t('remove')}
              onChange={(coExecutors) => set('coExecutors', coExecutors)}
              render={(c, _, remove) => (
                <>
                  <span className="muted small">{t(c.type)}: </span>
                  {c.title} {remove}
                </>
              )}
              add={
                <PartyPicker
                  key={coAdd}
                  id={p.id}
                  testId="co-executor"
                  value={null}
                  onChange={(party) => {
                    if (
                      party &&
                      !v.coExecutors.some((c) => c.type === party.type && c.id === party.id)
                    )
                      set('coExecutors', [...v.coExecutors, party]);
                    setCoAdd((n) => n + 1);
                  }}
                  t={t}
                />
              }
            />
          )}
        </Field>
        <div className="form-row">
          <Field name="start" label={t('start')} errors={errors} hint={t('partialHint')}>
            {(p) => <input {...p} value={v.start} onChange={(e) => set('start', e.target.value)} />}
          </Field>
          <Field name="deadline" label={t('deadline')} errors={errors} hint={t('partialHint')}>
            {(p) => (
              <input {...p} value={v.deadline} onChange={(e) => set('deadline', e.target.value)} />
            )}
          </Field>
        </div>
        <IndicatorFields form={form} t={t} />
        {measure ? (
          <section data-testid="measure-reports">
            <h3>{t('reports')}</h3>
            {detail.data?.reports.length ? (
              <ul>
                {detail.data.reports.map((r) => (
                  <li key={r.id}>
                    {r.reportedOn}
                    {r.progress !== null ? ` · ${r.progress} %` : ''} — {r.note}
                    {r.source ? <span className="muted small"> ({r.source.title})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('noReports')}</p>
            )}
          </section>
        ) : null}
        <div className="form-buttons">
          <button
            type="submit"
            className="button primary"
            disabled={form.submitting}
            data-testid="submit"
          >
            {measure ? t('save') : t('create')}
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="cancel">
            {t('cancel')}
          </button>
          {measure ? (
            <button type="button" className="button danger" onClick={remove} data-testid="delete">
              {t('delete')}
            </button>
          ) : null}
        </div>
      </form>
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={compared()}
          currentVersion={conflict.current.version}
          onClose={() => setConflict(null)}
          onReapply={() => {
            const next = conflict.current.version;
            setConflict(null);
            setVersion(next);
            setBaseStatus(conflict.current.status);
            void form.submit(() => save(next));
          }}
          onTakeCurrent={() => {
            const current = fromMeasure(conflict.current);
            setVersion(conflict.current.version);
            setBaseStatus(conflict.current.status);
            setOriginal(current);
            form.reset(current);
            setConflict(null);
          }}
        />
      ) : null}
    </Dialog>
  );
}
