import { siteWrites } from '@promatlas/core/api/contract/editing.ts';
import { getSiteRoute } from '@promatlas/core/api/contract/registry.ts';
import { SEZ_TYPES, SITE_KINDS } from '../../shared/lib/labels.ts';
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
import {
  linesOf,
  nullIfEmpty,
  numberText,
  parseRussianNumber,
} from '../../shared/record-form/convert.ts';
import type { FieldErrors } from '../../shared/form/useForm.ts';

interface SiteValues extends Record<string, unknown> {
  kind: string;
  sezType: string;
  name: string;
  fullName: string;
  aliases: string;
  regionCode: string;
  town: string;
  managementOrganisation: PickedOrganisation | null;
  specialisation: string;
  latitude: string;
  longitude: string;
  published: boolean;
  source: SourceValue;
}

const coordinate = (text: string) =>
  text.trim() ? (parseRussianNumber(text) ?? Number.NaN) : null;

function toInput(v: SiteValues) {
  return {
    kind: v.kind,
    sezType: v.kind === 'sez' ? nullIfEmpty(v.sezType) : null,
    name: v.name,
    fullName: nullIfEmpty(v.fullName),
    aliases: linesOf(v.aliases),
    regionCode: nullIfEmpty(v.regionCode),
    town: nullIfEmpty(v.town),
    managementOrganisationId: v.managementOrganisation?.id ?? null,
    specialisation: nullIfEmpty(v.specialisation),
    latitude: coordinate(v.latitude),
    longitude: coordinate(v.longitude),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

function check(v: SiteValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.latitude.trim() && parseRussianNumber(v.latitude) === undefined)
    errors['latitude'] = 'Широта — число, например 52,6031';
  if (v.longitude.trim() && parseRussianNumber(v.longitude) === undefined)
    errors['longitude'] = 'Долгота — число, например 39,5708';
  return errors;
}

function SiteFields({ form, user }: FieldsProps<SiteValues>) {
  const { values: v, set, errors } = form;
  return (
    <>
      <div className="form-row">
        <Field name="kind" label="Вид площадки" errors={errors} required>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => set('kind', e.target.value)}>
              {SITE_KINDS.values.map((key) => (
                <option key={key} value={key}>
                  {SITE_KINDS.labels[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {v.kind === 'sez' ? (
          <Field name="sezType" label="Тип ОЭЗ (116-ФЗ)" errors={errors}>
            {(p) => (
              <select {...p} value={v.sezType} onChange={(e) => set('sezType', e.target.value)}>
                <option value="">— не указан —</option>
                {SEZ_TYPES.values.map((key) => (
                  <option key={key} value={key}>
                    {SEZ_TYPES.labels[key]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field name="name" label="Название" errors={errors} required>
        {(p) => <input {...p} value={v.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field name="fullName" label="Полное название" errors={errors}>
        {(p) => (
          <input {...p} value={v.fullName} onChange={(e) => set('fullName', e.target.value)} />
        )}
      </Field>
      <div className="form-row">
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
        <Field name="town" label="Населённый пункт" errors={errors}>
          {(p) => <input {...p} value={v.town} onChange={(e) => set('town', e.target.value)} />}
        </Field>
      </div>
      <Field name="managementOrganisation" label="Управляющая компания" errors={errors}>
        {(p) => (
          <OrganisationPicker
            id={p.id}
            testId="input-managementOrganisation"
            value={v.managementOrganisation}
            onChange={(o) => set('managementOrganisation', o)}
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
      <div className="form-row">
        <Field name="latitude" label="Широта" errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.latitude}
              onChange={(e) => set('latitude', e.target.value)}
            />
          )}
        </Field>
        <Field name="longitude" label="Долгота" errors={errors}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={v.longitude}
              onChange={(e) => set('longitude', e.target.value)}
            />
          )}
        </Field>
      </div>
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
        publishedLabel="Опубликована (видна читателям без входа)"
        errors={errors}
      />
    </>
  );
}

export const siteForm: RecordFormConfig<
  SiteValues,
  { get: typeof getSiteRoute; create: typeof siteWrites.create; update: typeof siteWrites.update }
> = {
  collection: 'sites',
  routes: { get: getSiteRoute, create: siteWrites.create, update: siteWrites.update },
  createTitle: 'Новая площадка',
  editTitle: (s) => `Изменение: ${s.name}`,
  empty: (user) => ({
    kind: 'sez',
    sezType: '',
    name: '',
    fullName: '',
    aliases: '',
    regionCode:
      user.role === 'regional_editor' && user.regions.length === 1 ? user.regions[0]! : '',
    town: '',
    managementOrganisation: null,
    specialisation: '',
    latitude: '',
    longitude: '',
    published: true,
    source: NO_SOURCE,
  }),
  fromRecord: (s) => ({
    kind: s.kind,
    sezType: s.sezType ?? '',
    name: s.name,
    fullName: s.fullName ?? '',
    aliases: s.aliases.join('\n'),
    regionCode: s.region?.code ?? '',
    town: s.town ?? '',
    managementOrganisation: s.managementCompany
      ? { id: Number(s.managementCompany.id), title: s.managementCompany.title, regionName: null }
      : null,
    specialisation: s.specialisation ?? '',
    latitude: numberText(s.latitude),
    longitude: numberText(s.longitude),
    published: s.published,
    source: { sourceId: s.source?.id ?? null, quote: s.source?.quote ?? '' },
  }),
  toInput,
  check,
  compared: [
    { label: 'Название', key: 'name' },
    { label: 'Полное название', key: 'fullName' },
    { label: 'Вид', key: 'kind' },
    { label: 'Тип ОЭЗ', key: 'sezType' },
    { label: 'Регион (код)', key: 'regionCode' },
    { label: 'Населённый пункт', key: 'town' },
    { label: 'Управляющая компания (№)', key: 'managementOrganisationId' },
    { label: 'Специализация', key: 'specialisation' },
    { label: 'Широта', key: 'latitude' },
    { label: 'Долгота', key: 'longitude' },
    { label: 'Другие названия', key: 'aliases' },
  ],
  regionsOf: (s) => [s.region?.code ?? null],
  Fields: SiteFields,
};

export function SiteCreatePage() {
  return <RecordFormPage config={siteForm} mode="create" />;
}

export function SiteEditPage() {
  return <RecordFormPage config={siteForm} mode="edit" />;
}
