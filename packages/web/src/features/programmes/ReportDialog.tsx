import type { FormEvent } from 'react';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { addReportRoute } from '@promatlas/core/api/contract/plans.ts';
import { ReportCreateSchema } from '@promatlas/core/api/programmes.schema.ts';
import { api } from '../../shared/api/api.ts';
import { Dialog, Field, FormError } from '../../shared/form/fields.tsx';
import { todayIso } from '../../shared/form/dates.tsx';
import {
  SourceFields,
  NO_SOURCE,
  provenanceInput,
  useQuoteProblem,
  type SourceValue,
} from '../../shared/form/SourceFields.tsx';
import { useForm, type FieldErrors } from '../../shared/form/useForm.ts';
import { parseRussianNumber } from '../../shared/record-form/convert.ts';
import type { T } from './work-i18n.ts';

interface ReportValues extends Record<string, unknown> {
  reportedOn: string;
  note: string;
  progress: string;
  actualValue: string;
  source: SourceValue;
}

const numberOf = (text: string) => (text.trim() ? (parseRussianNumber(text) ?? NaN) : null);

function toInput(v: ReportValues) {
  return {
    reportedOn: v.reportedOn,
    note: v.note,
    progress: numberOf(v.progress),
    actualValue: numberOf(v.actualValue),
    ...provenanceInput(v.source),
  };
}

function check(v: ReportValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of ['progress', 'actualValue'] as const)
    if (v[key].trim() && parseRussianNumber(v[key]) === undefined)
      errors[key] = 'Введите число, например 40';
  return errors;
}

/** A progress report on a measure: a dated note, progress, the indicator's value, a source document. */
export function ReportDialog({
  measure,
  onClose,
  onSaved,
  t,
}: {
  measure: MeasureDto;
  onClose: () => void;
  onSaved: () => void;
  t: T;
}) {
  const form = useForm(
    {
      reportedOn: todayIso(),
      note: '',
      progress: measure.progress === null ? '' : String(measure.progress),
      actualValue: '',
      source: NO_SOURCE,
    } satisfies ReportValues,
    ReportCreateSchema,
    toInput,
    check,
  );
  const { values: v, set, errors } = form;
  const quoteProblem = useQuoteProblem(v.source);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      await api(addReportRoute, { params: { id: measure.id }, body: form.body() });
      onSaved();
    });
  };
  return (
    <Dialog
      title={`${t('addReport')}: ${measure.title}`}
      onClose={onClose}
      wide
      testId="report-dialog"
    >
      <form className="record-form" onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <div className="form-row three">
          <Field name="reportedOn" label={t('reportedOn')} errors={errors} required>
            {(p) => (
              <input
                {...p}
                type="date"
                value={v.reportedOn}
                onChange={(e) => set('reportedOn', e.target.value)}
              />
            )}
          </Field>
          <Field name="progress" label={t('progressPct')} errors={errors}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={v.progress}
                onChange={(e) => set('progress', e.target.value)}
              />
            )}
          </Field>
          {measure.indicator ? (
            <Field
              name="actualValue"
              label={`${t('actualValue')}${measure.indicator.unit ? `, ${measure.indicator.unit}` : ''}`}
              errors={errors}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={v.actualValue}
                  onChange={(e) => set('actualValue', e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
        <Field name="note" label={t('note')} errors={errors} required>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={v.note}
              onChange={(e) => set('note', e.target.value)}
            />
          )}
        </Field>
        <SourceFields
          value={v.source}
          onChange={(source) => set('source', source)}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <div className="form-buttons">
          <button
            type="submit"
            className="button primary"
            disabled={form.submitting}
            data-testid="submit"
          >
            {t('save')}
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="cancel">
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
