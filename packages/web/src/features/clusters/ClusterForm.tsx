import { clusterWrites } from '@promatlas/core/api/contract/editing.ts';
import { getClusterRoute } from '@promatlas/core/api/contract/registry.ts';
import { CLUSTER_KINDS, CLUSTER_STATUSES } from '../../shared/lib/labels.ts';
import { Field } from '../../shared/form/fields.tsx';
import { AliasesField, ProvenanceAndPublication } from '../../shared/form/record-fields.tsx';
import {
  OrganisationPicker,
  type PickedOrganisation,
} from '../../shared/form/OrganisationPicker.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { NO_SOURCE, provenanceInput, type SourceValue } from '../../shared/form/SourceFields.tsx';
import {
  RecordFormPage,
  type FieldsProps,
  type RecordFormConfig,
} from '../../shared/record-form/RecordFormPage.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';

interface ClusterValues extends Record<string, unknown> {
  kind: string;
  status: string;
  name: string;
  fullName: string;
  aliases: string;
  regionCode: string;
  specialisation: string;
  specialisedOrganisation: PickedOrganisation | null;
  published: boolean;
  source: SourceValue;
}

function toInput(v: ClusterValues) {
  return {
    kind: v.kind,
    status: v.status,
    name: v.name,
    fullName: nullIfEmpty(v.fullName),
    aliases: linesOf(v.aliases),
    regionCode: nullIfEmpty(v.regionCode),
    specialisation: nullIfEmpty(v.specialisation),
    specialisedOrganisationId: v.specialisedOrganisation?.id ?? null,
    published: v.published,
    ...provenanceInput(v.source),
  };
}

function ClusterFields({ form, user }: FieldsProps<ClusterValues>) {
  const { values: v, set, errors } = form;
  return (
    <>
      <div className="form-row">
        <Field name="kind" label="Вид кластера" errors={errors} required>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => set('kind', e.target.value)}>
              {CLUSTER_KINDS.values.map((key) => (
                <option key={key} value={key}>
                  {CLUSTER_KINDS.labels[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label="Статус" errors={errors}>
          {(p) => (
            <select {...p} value={v.status} onChange={(e) => set('status', e.target.value)}>
              {CLUSTER_STATUSES.values.map((key) => (
                <option key={key} value={key}>
                  {CLUSTER_STATUSES.labels[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="name" label="Название" errors={errors} required>
        {(p) => <input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field name="fullName" label="Полное название" errors={errors}>
        {(p) => (
          <input {...p} value={v.fullName} onChange={(e) => set('fullName', e.target.value)} />
        )}
      </Field>
      <Field
        name="regionCode"
        label="Регион"
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
      <Field name="specialisation" label="Специализация" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={v.specialisation}
            onChange={(e) => set('specialisation', e.target.value)}
          />
        )}
      </Field>
      <Field name="specialisedOrganisation" label="Специализированная организация" errors={errors}>
        {(p) => (
          <OrganisationPicker
            id={p.id}
            testId="input-specialisedOrganisation"
            value={v.specialisedOrganisation}
            onChange={(o) => set('specialisedOrganisation', o)}
          />
        )}
      </Field>
      <AliasesField
        value={v.aliases}
        onChange={(aliases) => set('aliases', aliases)}
        errors={errors}
      />
      <ProvenanceAndPublication
        source={v.source}
        onSourceChange={(source) => set('source', source)}
        published={v.published}
        onPublishedChange={(published) => set('published', published)}
        publishedLabel="Опубликован (виден читателям без входа)"
        errors={errors}
      />
    </>
  );
}

export const clusterForm: RecordFormConfig<
  ClusterValues,
  {
    get: typeof getClusterRoute;
    create: typeof clusterWrites.create;
    update: typeof clusterWrites.update;
  }
> = {
  collection: 'clusters',
  routes: { get: getClusterRoute, create: clusterWrites.create, update: clusterWrites.update },
  createTitle: 'Новый кластер',
  editTitle: (c) => `Изменение: ${c.name}`,
  empty: (user) => ({
    kind: CLUSTER_KINDS.values[0],
    status: CLUSTER_STATUSES.values[0],
    name: '',
    fullName: '',
    aliases: '',
    regionCode:
      user.role === 'regional_editor' && user.regions.length === 1 ? user.regions[0]! : '',
    specialisation: '',
    specialisedOrganisation: null,
    published: true,
    source: NO_SOURCE,
  }),
  fromRecord: (c) => ({
    kind: c.kind,
    status: c.status,
    name: c.name,
    fullName: c.fullName ?? '',
    aliases: c.aliases.join('\n'),
    regionCode: c.region?.code ?? '',
    specialisation: c.specialisation ?? '',
    specialisedOrganisation: c.specialisedOrganisation
      ? {
          id: Number(c.specialisedOrganisation.id),
          title: c.specialisedOrganisation.title,
          regionName: null,
        }
      : null,
    published: c.published,
    source: { sourceId: c.source?.id ?? null, quote: c.source?.quote ?? '' },
  }),
  toInput,
  compared: [
    { label: 'Название', key: 'name' },
    { label: 'Полное название', key: 'fullName' },
    { label: 'Вид', key: 'kind' },
    { label: 'Статус', key: 'status' },
    { label: 'Регион (код)', key: 'regionCode' },
    { label: 'Специализация', key: 'specialisation' },
    { label: 'Специализированная организация (№)', key: 'specialisedOrganisationId' },
    { label: 'Другие названия', key: 'aliases' },
  ],
  regionsOf: (c) => [c.region?.code ?? null],
  Fields: ClusterFields,
};

export function ClusterCreatePage() {
  return <RecordFormPage config={clusterForm} mode="create" />;
}

export function ClusterEditPage() {
  return <RecordFormPage config={clusterForm} mode="edit" />;
}
