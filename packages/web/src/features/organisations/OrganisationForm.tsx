import { organisationWrites } from '@promatlas/core/api/contract/editing.ts';
import { getOrganisationRoute } from '@promatlas/core/api/contract/registry.ts';
import { LEGAL_FORMS } from '@promatlas/core/legal-forms/legal-forms.ts';
import { ORGANISATION_KINDS } from '../../shared/lib/labels.ts';
import { Field } from '../../shared/form/fields.tsx';
import { AliasesField, ProvenanceAndPublication } from '../../shared/form/record-fields.tsx';
import { OkvedPicker, type OkvedValue } from '../../shared/form/OkvedPicker.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { SimilarOrganisations } from './SimilarOrganisations.tsx';
import { NO_SOURCE, provenanceInput, type SourceValue } from '../../shared/form/SourceFields.tsx';
import {
  RecordFormPage,
  type FieldsProps,
  type RecordFormConfig,
} from '../../shared/record-form/RecordFormPage.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';

interface OrganisationValues extends Record<string, unknown> {
  kind: string;
  name: string;
  fullName: string;
  shortName: string;
  legalForm: string;
  inn: string;
  ogrn: string;
  kpp: string;
  okved: OkvedValue[];
  regionCode: string;
  town: string;
  aliases: string;
  description: string;
  published: boolean;
  source: SourceValue;
}

function toInput(v: OrganisationValues) {
  return {
    kind: v.kind,
    name: v.name,
    fullName: nullIfEmpty(v.fullName),
    shortName: nullIfEmpty(v.shortName),
    legalForm: nullIfEmpty(v.legalForm),
    inn: nullIfEmpty(v.inn),
    ogrn: nullIfEmpty(v.ogrn),
    kpp: nullIfEmpty(v.kpp),
    okved: v.okved.map((o) => ({ code: o.code, isMain: o.isMain })),
    regionCode: nullIfEmpty(v.regionCode),
    town: nullIfEmpty(v.town),
    aliases: linesOf(v.aliases),
    description: nullIfEmpty(v.description),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

function OrganisationFields({ form, mode, recordId, user }: FieldsProps<OrganisationValues>) {
  const { values: v, set, errors } = form;
  return (
    <>
      <div className="form-row">
        <Field name="kind" label="Вид организации" errors={errors} required>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => set('kind', e.target.value)}>
              {ORGANISATION_KINDS.values.map((key) => (
                <option key={key} value={key}>
                  {ORGANISATION_KINDS.labels[key]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="legalForm" label="Организационно-правовая форма" errors={errors}>
          {(p) => (
            <select {...p} value={v.legalForm} onChange={(e) => set('legalForm', e.target.value)}>
              <option value="">— не указана —</option>
              <optgroup label="Действующие формы">
                {LEGAL_FORMS.filter((f) => !f.historical).map((f) => (
                  <option key={f.abbreviation} value={f.abbreviation}>
                    {f.abbreviation} — {f.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Прежние формы (до реформы 2014 года)">
                {LEGAL_FORMS.filter((f) => f.historical).map((f) => (
                  <option key={f.abbreviation} value={f.abbreviation}>
                    {f.abbreviation} — {f.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
      </div>
      <Field
        name="name"
        label="Название (без ОПФ)"
        errors={errors}
        required
        hint="Например: Липецкий станкозавод «Возрождение»"
      >
        {(p) => (
          <input
            {...p}
            value={v.name}
            onChange={(e) => set('name', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <SimilarOrganisations
        name={v.name}
        regionCode={v.regionCode}
        exceptId={mode === 'edit' ? recordId : undefined}
      />
      <div className="form-row">
        <Field name="fullName" label="Полное наименование" errors={errors}>
          {(p) => (
            <input {...p} value={v.fullName} onChange={(e) => set('fullName', e.target.value)} />
          )}
        </Field>
        <Field name="shortName" label="Сокращённое наименование" errors={errors}>
          {(p) => (
            <input {...p} value={v.shortName} onChange={(e) => set('shortName', e.target.value)} />
          )}
        </Field>
      </div>
      <div className="form-row three">
        <Field name="inn" label="ИНН" errors={errors} hint="10 цифр у организации, 12 — у ИП">
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.inn}
              onChange={(e) => set('inn', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          name="ogrn"
          label="ОГРН / ОГРНИП"
          errors={errors}
          hint="13 цифр (ОГРН) или 15 (ОГРНИП)"
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={v.ogrn}
              onChange={(e) => set('ogrn', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field name="kpp" label="КПП" errors={errors}>
          {(p) => (
            <input
              {...p}
              value={v.kpp}
              onChange={(e) => set('kpp', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
      <Field name="okved" label="Виды деятельности (ОКВЭД2)" errors={errors}>
        {(p) => (
          <OkvedPicker
            id={p.id}
            aria-invalid={p['aria-invalid']}
            aria-describedby={p['aria-describedby']}
            value={v.okved}
            onChange={(okved) => set('okved', okved)}
          />
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
      <AliasesField
        value={v.aliases}
        onChange={(aliases) => set('aliases', aliases)}
        errors={errors}
      />
      <Field name="description" label="Описание" errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={v.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
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

export const organisationForm: RecordFormConfig<
  OrganisationValues,
  {
    get: typeof getOrganisationRoute;
    create: typeof organisationWrites.create;
    update: typeof organisationWrites.update;
  }
> = {
  collection: 'organisations',
  routes: {
    get: getOrganisationRoute,
    create: organisationWrites.create,
    update: organisationWrites.update,
  },
  createTitle: 'Новая организация',
  editTitle: (o) => `Изменение: ${o.displayName}`,
  empty: (user) => ({
    kind: 'enterprise',
    name: '',
    fullName: '',
    shortName: '',
    legalForm: '',
    inn: '',
    ogrn: '',
    kpp: '',
    okved: [],
    regionCode:
      user.role === 'regional_editor' && user.regions.length === 1 ? user.regions[0]! : '',
    town: '',
    aliases: '',
    description: '',
    published: true,
    source: NO_SOURCE,
  }),
  fromRecord: (o) => ({
    kind: o.kind,
    name: o.name,
    fullName: o.fullName ?? '',
    shortName: o.shortName ?? '',
    legalForm: o.legalForm ?? '',
    inn: o.inn ?? '',
    ogrn: o.ogrn ?? '',
    kpp: o.kpp ?? '',
    okved: o.okved.map((item) => ({ code: item.code, name: item.name, isMain: item.isMain })),
    regionCode: o.region?.code ?? '',
    town: o.town ?? '',
    aliases: o.aliases.join('\n'),
    description: o.description ?? '',
    published: o.published,
    source: { sourceId: o.source?.id ?? null, quote: o.source?.quote ?? '' },
  }),
  toInput,
  compared: [
    { label: 'Название', key: 'name' },
    { label: 'ОПФ', key: 'legalForm' },
    {
      label: 'Вид',
      key: 'kind',
      format: (k) => (k ? ORGANISATION_KINDS.label(String(k)) : ''),
    },
    { label: 'Полное наименование', key: 'fullName' },
    { label: 'ИНН', key: 'inn' },
    { label: 'ОГРН', key: 'ogrn' },
    { label: 'КПП', key: 'kpp' },
    { label: 'Регион (код)', key: 'regionCode' },
    { label: 'Населённый пункт', key: 'town' },
    { label: 'Другие названия', key: 'aliases' },
    { label: 'Описание', key: 'description' },
  ],
  regionsOf: (o) => [o.region?.code ?? null],
  Fields: OrganisationFields,
};

export function OrganisationCreatePage() {
  return <RecordFormPage config={organisationForm} mode="create" />;
}

export function OrganisationEditPage() {
  return <RecordFormPage config={organisationForm} mode="edit" />;
}
