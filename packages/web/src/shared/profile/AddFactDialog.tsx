import type { FormEvent } from 'react';
import { createStatementRoute } from '@promatlas/core/api/contract/editing.ts';
import { QUALIFIER_LABELS } from '@promatlas/core/format/russian.ts';
import { api } from '../api/api.ts';
import { PROPERTIES, propertyInfo } from '../lib/properties.ts';
import type { EditingSpec } from './editing-spec.ts';
import {
  asOfProblem,
  DateInput,
  EMPTY_DATE,
  toPartialDate,
  type DateValue,
} from '../form/dates.tsx';
import { Dialog, Field, FormButtons, FormError } from '../form/fields.tsx';
import {
  NO_SOURCE,
  provenanceInput,
  SourceFields,
  useQuoteProblem,
  type SourceValue,
} from '../form/SourceFields.tsx';
import { useForm, type FieldErrors } from '../form/useForm.ts';
import { parseRussianNumber } from '../record-form/convert.ts';

const OTHER = '__other';
const QUALIFIERS: Array<[string, string]> = [
  ['exact', 'точно'],
  ...Object.entries(QUALIFIER_LABELS)
    .filter(([key]) => key !== 'exact')
    .map(([key, text]): [string, string] => [key, text]),
];

interface FactValues extends Record<string, unknown> {
  property: string;
  otherProperty: string;
  valueKind: 'number' | 'text';
  value: string;
  unit: string;
  qualifier: string;
  asOf: DateValue;
  source: SourceValue;
}

const propertyKey = (v: FactValues) => (v.property === OTHER ? v.otherProperty.trim() : v.property);

function toInputFor(subject: { type: EditingSpec['type']; id: string }) {
  return (v: FactValues) => {
    const number = v.valueKind === 'number' ? parseRussianNumber(v.value) : undefined;
    return {
      subject,
      property: propertyKey(v),
      ...(v.valueKind === 'number'
        ? { valueNumber: number ?? null }
        : { valueText: v.value.trim() || null }),
      unit: v.unit.trim() || null,
      qualifier: v.qualifier,
      asOf: toPartialDate(v.asOf) ?? null,
      ...provenanceInput(v.source),
    };
  };
}

/**
 * «Добавить факт»: a value of a property as of a date, with its source. A new
 * value does not overwrite the old one: «60 резидентов» as of 14.03.2024 stays,
 * listed under the newer value as its history.
 */
export function AddFactDialog({
  spec,
  onClose,
  onSaved,
}: {
  spec: EditingSpec;
  onClose: () => void;
  onSaved: () => void;
}) {
  const properties = PROPERTIES.filter((p) => p.subjects.includes(spec.type));
  const first = properties[0];
  const toInput = toInputFor({ type: spec.type, id: spec.id });
  const form = useForm<FactValues, typeof createStatementRoute.body>(
    {
      property: first?.key ?? OTHER,
      otherProperty: '',
      valueKind: first?.value ?? 'number',
      value: '',
      unit: first?.unit ?? '',
      qualifier: 'exact',
      asOf: EMPTY_DATE,
      source: NO_SOURCE,
    },
    createStatementRoute.body,
    toInput,
    (v) => {
      const errors: FieldErrors = {};
      if (v.valueKind === 'number' && v.value.trim() && parseRussianNumber(v.value) === undefined)
        errors['valueNumber'] = 'Введите число, например 65 или 1 234,5';
      if (!v.value.trim())
        errors[v.valueKind === 'number' ? 'valueNumber' : 'valueText'] = 'Укажите значение';
      const dateProblem = asOfProblem(v.asOf);
      if (dateProblem) errors['asOf'] = dateProblem;
      return errors;
    },
  );
  const { values: v, set, errors } = form;
  const quoteProblem = useQuoteProblem(v.source);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (quoteProblem) {
      form.setFormError(quoteProblem);
      return;
    }
    void form.submit(async () => {
      await api(createStatementRoute, { body: form.body() });
      onSaved();
    });
  };
  return (
    <Dialog title={`Добавить факт: ${spec.title}`} onClose={onClose} testId="fact-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <div className="form-row">
          <Field name="property" label="Свойство" errors={errors} required>
            {(p) => (
              <select
                {...p}
                value={v.property}
                onChange={(e) => {
                  const info = propertyInfo(e.target.value);
                  set('property', e.target.value);
                  if (info) {
                    set('valueKind', info.value);
                    set('unit', info.unit ?? '');
                  }
                }}
              >
                {properties.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
                <option value={OTHER}>Другое свойство…</option>
              </select>
            )}
          </Field>
          {v.property === OTHER ? (
            <Field
              name="otherProperty"
              label="Ключ свойства"
              errors={{
                ...errors,
                ...(errors['property'] ? { otherProperty: errors['property'] } : {}),
              }}
              hint="латиницей: export_share"
            >
              {(p) => (
                <input
                  {...p}
                  value={v.otherProperty}
                  onChange={(e) => set('otherProperty', e.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
        <div className="form-row three">
          <Field name="qualifier" label="Точность значения" errors={errors}>
            {(p) => (
              <select {...p} value={v.qualifier} onChange={(e) => set('qualifier', e.target.value)}>
                {QUALIFIERS.map(([key, text]) => (
                  <option key={key} value={key}>
                    {text}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={v.valueKind === 'number' ? 'valueNumber' : 'valueText'}
            label="Значение"
            errors={errors}
            required
          >
            {(p) => (
              <input
                {...p}
                data-testid="input-value"
                inputMode={v.valueKind === 'number' ? 'decimal' : 'text'}
                value={v.value}
                onChange={(e) => set('value', e.target.value)}
              />
            )}
          </Field>
          <Field name="unit" label="Единица" errors={errors} hint="RUB — рубли, % — проценты">
            {(p) => <input {...p} value={v.unit} onChange={(e) => set('unit', e.target.value)} />}
          </Field>
        </div>
        <label className="checkbox small">
          <input
            type="checkbox"
            checked={v.valueKind === 'text'}
            onChange={(e) => set('valueKind', e.target.checked ? 'text' : 'number')}
          />{' '}
          Текстовое значение
        </label>
        <Field
          name="asOf"
          label="По состоянию на"
          errors={errors}
          hint="Дата, на которую значение верно; прежние значения останутся в истории"
        >
          {(p) => (
            <DateInput
              id={p.id}
              testId="input-asOf"
              value={v.asOf}
              onChange={(date) => set('asOf', date)}
              aria-invalid={p['aria-invalid']}
              aria-describedby={p['aria-describedby']}
            />
          )}
        </Field>
        <SourceFields
          value={v.source}
          onChange={(source) => set('source', source)}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <FormButtons submitting={form.submitting} label="Добавить факт" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
