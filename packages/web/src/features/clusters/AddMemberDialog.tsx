import type { FormEvent } from 'react';
import { addClusterMemberRoute } from '@promatlas/core/api/contract/editing.ts';
import { api } from '../../shared/api/api.ts';
import { MEMBERSHIP_ROLES } from '@promatlas/core/domain/vocabulary.ts';
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
import {
  NO_SOURCE,
  provenanceInput,
  SourceFields,
  useQuoteProblem,
  type SourceValue,
} from '../../shared/form/SourceFields.tsx';
import { useForm, type FieldErrors } from '../../shared/form/useForm.ts';

interface MemberValues extends Record<string, unknown> {
  organisation: PickedOrganisation | null;
  role: string;
  asOf: DateValue;
  source: SourceValue;
}

function toInput(v: MemberValues) {
  return {
    organisationId: v.organisation?.id,
    role: v.role,
    asOf: toPartialDate(v.asOf) ?? null,
    ...provenanceInput(v.source),
  };
}

function check(v: MemberValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.organisation) errors['organisationId'] = 'Выберите организацию';
  const dateProblem = asOfProblem(v.asOf);
  if (dateProblem) errors['asOf'] = dateProblem;
  return errors;
}

/** «Добавить участника» of a cluster (POST /api/clusters/:id/members). */
export function AddMemberDialog({
  spec,
  onClose,
  onSaved,
}: {
  spec: EditingSpec;
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm<MemberValues, typeof addClusterMemberRoute.body>(
    { organisation: null, role: 'participant', asOf: EMPTY_DATE, source: NO_SOURCE },
    addClusterMemberRoute.body,
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
      await api(addClusterMemberRoute, { params: { id: spec.id }, body: form.body() });
      onSaved();
    });
  };
  return (
    <Dialog
      title={`Добавить участника: ${spec.title}`}
      onClose={onClose}
      testId="member-dialog"
      wide
    >
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.formError} />
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
        <div className="form-row">
          <Field name="role" label="Роль в кластере" errors={errors}>
            {(p) => (
              <select {...p} value={v.role} onChange={(e) => set('role', e.target.value)}>
                {MEMBERSHIP_ROLES.values.map((key) => (
                  <option key={key} value={key}>
                    {MEMBERSHIP_ROLES.labels[key]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="asOf" label="Участник с (по состоянию на)" errors={errors}>
            {(p) => (
              <DateInput
                id={p.id}
                testId="input-asOf"
                value={v.asOf}
                onChange={(date) => set('asOf', date)}
              />
            )}
          </Field>
        </div>
        <SourceFields
          value={v.source}
          onChange={(source) => set('source', source)}
          errors={errors}
          quoteProblem={quoteProblem}
        />
        <FormButtons submitting={form.submitting} label="Добавить участника" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
