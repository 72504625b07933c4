import { Field } from '../../shared/form/fields.tsx';
import type { Form } from '../../shared/form/useForm.ts';
import type { MeasureValues } from './measure-values.ts';
import type { T } from './work-i18n.ts';

/** A measure's indicator: name and unit, target and actual values with the dates they are as of. */
export function IndicatorFields({ form, t }: { form: Form<MeasureValues>; t: T }) {
  const { values: v, set, errors } = form;
  return (
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
  );
}
