import type { FormEvent } from 'react';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { addPositionRoute } from '@promatlas/core/api/contract/editing.ts';
import { api } from '../../shared/api/api.ts';
import type { EditingSpec } from '../../shared/profile/editing-spec.ts';
import {
  asOfProblem,
  DateInput,
  EMPTY_DATE,
  toPartialDate,
  type DateValue,
} from '../../shared/form/dates.tsx';
import { Dialog, Field, FormButtons, FormError } from '../../shared/form/fields.tsx';
import {
  OrganisationPicker,
  type PickedOrganisation,
} from '../../shared/form/OrganisationPicker.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import {
  NO_SOURCE,
  provenanceInput,
  SourceFields,
  useQuoteProblem,
  type SourceValue,
} from '../../shared/form/SourceFields.tsx';
import { useForm, type FieldErrors } from '../../shared/form/useForm.ts';

interface PositionValues extends Record<string, unknown> {
  title: string;
  place: 'organisation' | 'region';
  organisation: PickedOrganisation | null;
  regionCode: string;
  asOf: DateValue;
  source: SourceValue;
}

function toInput(v: PositionValues) {
  return {
    title: v.title,
    ...(v.place === 'organisation'
      ? { organisationId: v.organisation?.id ?? null }
      : { regionCode: v.regionCode || null }),
    asOf: toPartialDate(v.asOf) ?? null,
    ...provenanceInput(v.source),
  };
}

function check(v: PositionValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.place === 'organisation' && !v.organisation)
    errors['organisationId'] = 'Выберите организацию';
  if (v.place === 'region' && !v.regionCode) errors['regionCode'] = 'Выберите регион';
  const dateProblem = asOfProblem(v.asOf);
  if (dateProblem) errors['asOf'] = dateProblem;
  return errors;
}

/** «Новая должность» of a person: earlier positions stay, each as of its own date. */
export function AddPositionDialog({
  spec,
  user,
  onClose,
  onSaved,
}: {
  spec: EditingSpec;
  user: User;
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm<PositionValues, typeof addPositionRoute.body>(
    {
      title: '',
      place: 'organisation',
      organisation: null,
      regionCode: user.regions.length === 1 ? user.regions[0]! : '',
      asOf: EMPTY_DATE,
      source: NO_SOURCE,
    },
    addPositionRoute.body,
    toInput,
    check,
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
      await api(addPositionRoute, { params: { id: spec.id }, body: form.body() });
      onSaved();
    });
  };
  return (
    <Dialog
      title={`Новая должность: ${spec.title}`}
      onClose={onClose}
      testId="position-dialog"
      wide
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
        <Field
          name="title"
          label="Должность"
          errors={errors}
          required
          hint="Например: Генеральный директор"
        >
          {(p) => <input {...p} value={v.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <fieldset className="radio-row">
          <legend>Где</legend>
          <label>
            <input
              type="radio"
              name="place"
              checked={v.place === 'organisation'}
              onChange={() => set('place', 'organisation')}
            />{' '}
            в организации
          </label>
          <label>
            <input
              type="radio"
              name="place"
              checked={v.place === 'region'}
              onChange={() => set('place', 'region')}
            />{' '}
            в органах власти региона
          </label>
        </fieldset>
        {v.place === 'organisation' ? (
          <Field name="organisationId" label="Организация" errors={errors} required>
            {(p) => (
              <OrganisationPicker
                id={p.id}
                testId="input-organisation"
                value={v.organisation}
                onChange={(o) => set('organisation', o)}
                aria-invalid={p['aria-invalid']}
                aria-describedby={p['aria-describedby']}
              />
            )}
          </Field>
        ) : (
          <Field name="regionCode" label="Регион" errors={errors} required>
            {(p) => (
              <RegionSelect
                {...p}
                user={user}
                value={v.regionCode}
                onChange={(code) => set('regionCode', code)}
              />
            )}
          </Field>
        )}
        <Field name="asOf" label="В должности на дату" errors={errors}>
          {(p) => (
            <DateInput
              id={p.id}
              testId="input-asOf"
              value={v.asOf}
              onChange={(date) => set('asOf', date)}
            />
          )}
        </Field>
        <SourceFields
          value={v.source}
          onChange={(source) => set('source', source)}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <FormButtons submitting={form.submitting} label="Записать должность" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
