import { useState, type FormEvent } from 'react';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import {
  createMeasureRoute,
  deleteMeasureRoute,
  getMeasureRoute,
  updateMeasureRoute,
} from '@promatlas/core/api/contract/plans.ts';
import { MeasureCreateSchema, MeasureUpdateSchema } from '@promatlas/core/api/programmes.schema.ts';
import { STATUS_TRANSITIONS } from '@promatlas/core/programmes/status.ts';
import { MEASURE_STATUSES, type MeasureStatus } from '@promatlas/core/domain/vocabulary.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { Dialog, Field, FormError } from '../../shared/form/fields.tsx';
import { useForm, type FieldErrors } from '../../shared/form/useForm.ts';
import { ConflictDialog } from '../../shared/record-form/ConflictDialog.tsx';
import { nullIfEmpty, numberText, parseRussianNumber } from '../../shared/record-form/convert.ts';
import { PartyPicker, type PartyValue } from './PartyPicker.tsx';
import { messageIn, type Lang, type T, type Word } from './work-i18n.ts';

interface MeasureValues extends Record<string, unknown> {
  title: string;
  theme: string;
  owner: PartyValue | null;
  coExecutors: PartyValue[];
  start: string;
  deadline: string;
  status: string;
  indicatorName: string;
  unit: string;
  target: string;
  targetOn: string;
  actual: string;
  actualOn: string;
}

const EMPTY: MeasureValues = {
  title: '',
  theme: '',
  owner: null,
  coExecutors: [],
  start: '',
  deadline: '',
  status: '',
  indicatorName: '',
  unit: '',
  target: '',
  targetOn: '',
  actual: '',
  actualOn: '',
};

/** The form values of a measure as the plan page reads it; dates show as the words they were saved as. */
export function fromMeasure(m: MeasureDto): MeasureValues {
  return {
    title: m.title,
    theme: m.theme ?? '',
    owner: m.owner,
    coExecutors: m.coExecutors,
    start: m.start ? formatPartialDate(m.start) : '',
    deadline: m.deadline ? formatPartialDate(m.deadline) : '',
    status: m.status ?? '',
    indicatorName: m.indicator?.name ?? '',
    unit: m.indicator?.unit ?? '',
    target: numberText(m.indicator?.target),
    targetOn: m.indicator?.targetOn ?? '',
    actual: numberText(m.indicator?.actual),
    actualOn: m.indicator?.actualOn ?? '',
  };
}

const numberOf = (text: string) => (text.trim() ? (parseRussianNumber(text) ?? NaN) : null);

function toInput(v: MeasureValues) {
  return {
    title: v.title,
    theme: nullIfEmpty(v.theme),
    owner: v.owner ? { type: v.owner.type, id: v.owner.id } : null,
    coExecutors: v.coExecutors.map((p) => ({ type: p.type, id: p.id })),
    start: nullIfEmpty(v.start),
    deadline: nullIfEmpty(v.deadline),
    status: (v.status || null) as MeasureStatus | null,
    indicator: v.indicatorName.trim()
      ? {
          name: v.indicatorName,
          unit: nullIfEmpty(v.unit),
          target: numberOf(v.target),
          targetOn: v.targetOn || null,
          actual: numberOf(v.actual),
          actualOn: v.actualOn || null,
        }
      : null,
  };
}

function check(v: MeasureValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of ['target', 'actual'] as const)
    if (v[key].trim() && parseRussianNumber(v[key]) === undefined)
      errors[`indicator.${key}`] = 'Введите число, например 12,5';
  return errors;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The statuses a measure may take from its current one (core's transition rules). */
export function allowedStatuses(current: MeasureStatus | null): MeasureStatus[] {
  if (current === null) return [...MEASURE_STATUSES.values];
  return [current, ...STATUS_TRANSITIONS[current]];
}

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
            <div data-testid="co-executors">
              {v.coExecutors.map((c, k) => (
                <div key={`${c.type}:${c.id}`} className="picked">
                  <span className="muted small">{t(c.type)}: </span>
                  {c.title}{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      set(
                        'coExecutors',
                        v.coExecutors.filter((_, i) => i !== k),
                      )
                    }
                  >
                    {t('remove')}
                  </button>
                </div>
              ))}
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
            </div>
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
        <fieldset className="form-fieldset">
          <legend>{t('indicator')}</legend>
          <div className="form-row">
            <Field name="indicator.name" label={t('indicator')} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  value={v.indicatorName}
                  onChange={(e) => set('indicatorName', e.target.value)}
                />
              )}
            </Field>
            <Field name="indicator.unit" label={t('unit')} errors={errors}>
              {(p) => <input {...p} value={v.unit} onChange={(e) => set('unit', e.target.value)} />}
            </Field>
          </div>
          <div className="form-row four">
            <Field name="indicator.target" label={t('target')} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={v.target}
                  onChange={(e) => set('target', e.target.value)}
                />
              )}
            </Field>
            <Field name="indicator.targetOn" label={t('targetOn')} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={v.targetOn}
                  onChange={(e) => set('targetOn', e.target.value)}
                />
              )}
            </Field>
            <Field name="indicator.actual" label={t('actual')} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={v.actual}
                  onChange={(e) => set('actual', e.target.value)}
                />
              )}
            </Field>
            <Field name="indicator.actualOn" label={t('actualOn')} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={v.actualOn}
                  onChange={(e) => set('actualOn', e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
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
