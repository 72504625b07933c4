import { personWrites } from '@promatlas/core/api/contract/editing.ts';
import { getPersonRoute } from '@promatlas/core/api/contract/registry.ts';
import { Field } from '../../shared/form/fields.tsx';
import {
  NO_SOURCE,
  provenanceInput,
  SourceFields,
  useQuoteProblem,
  type SourceValue,
} from '../../shared/form/SourceFields.tsx';
import {
  RecordFormPage,
  type FieldsProps,
  type RecordFormConfig,
} from '../../shared/record-form/RecordFormPage.tsx';
import { nullIfEmpty } from '../../shared/record-form/convert.ts';

interface PersonValues extends Record<string, unknown> {
  lastName: string;
  firstName: string;
  patronymic: string;
  published: boolean;
  source: SourceValue;
}

function toInput(v: PersonValues) {
  return {
    lastName: v.lastName,
    firstName: nullIfEmpty(v.firstName),
    patronymic: nullIfEmpty(v.patronymic),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

function PersonFields({ form }: FieldsProps<PersonValues>) {
  const { values: v, set, errors } = form;
  const quoteProblem = useQuoteProblem(v.source);
  return (
    <>
      <div className="form-row three">
        <Field name="lastName" label="Фамилия" errors={errors} required>
          {(p) => (
            <input {...p} value={v.lastName} onChange={(e) => set('lastName', e.target.value)} />
          )}
        </Field>
        <Field name="firstName" label="Имя" errors={errors}>
          {(p) => (
            <input {...p} value={v.firstName} onChange={(e) => set('firstName', e.target.value)} />
          )}
        </Field>
        <Field name="patronymic" label="Отчество" errors={errors}>
          {(p) => (
            <input
              {...p}
              value={v.patronymic}
              onChange={(e) => set('patronymic', e.target.value)}
            />
          )}
        </Field>
      </div>
      <p className="muted small">Должности записываются на странице персоны: «Новая должность».</p>
      <SourceFields
        value={v.source}
        onChange={(source) => set('source', source)}
        errors={errors}
        quoteProblem={quoteProblem}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={v.published}
          onChange={(e) => set('published', e.target.checked)}
        />{' '}
        Опубликована (видна читателям без входа)
      </label>
    </>
  );
}

export const personForm: RecordFormConfig<
  PersonValues,
  {
    get: typeof getPersonRoute;
    create: typeof personWrites.create;
    update: typeof personWrites.update;
  }
> = {
  collection: 'people',
  routes: { get: getPersonRoute, create: personWrites.create, update: personWrites.update },
  createTitle: 'Новая персона',
  editTitle: (p) => `Изменение: ${p.fullName}`,
  empty: () => ({
    lastName: '',
    firstName: '',
    patronymic: '',
    published: true,
    source: NO_SOURCE,
  }),
  fromRecord: (p) => ({
    lastName: p.lastName,
    firstName: p.firstName ?? '',
    patronymic: p.patronymic ?? '',
    published: p.published,
    source: { sourceId: p.source?.id ?? null, quote: p.source?.quote ?? '' },
  }),
  toInput,
  compared: [
    { label: 'Фамилия', key: 'lastName' },
    { label: 'Имя', key: 'firstName' },
    { label: 'Отчество', key: 'patronymic' },
    { label: 'Опубликована', key: 'published' },
  ],
  regionsOf: (p) => p.positions.map((position) => position.region?.code ?? null),
  anyEditorWhenNoRegion: true,
  Fields: PersonFields,
};

export function PersonCreatePage() {
  return <RecordFormPage config={personForm} mode="create" />;
}

export function PersonEditPage() {
  return <RecordFormPage config={personForm} mode="edit" />;
}
