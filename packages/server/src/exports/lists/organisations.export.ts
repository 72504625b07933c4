import { ORGANISATION_KINDS, type OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import { parseSort, regionCodes } from '../../registry/shared/list-query.ts';
import { organisationDisplayName } from '../../registry/shared/mappers.ts';
import {
  organisationExportBatches,
  type OrganisationExportRow,
} from '../../registry/organisations/index.ts';
import { pointOf } from '../geojson-writer.ts';
import { type ListExport, idColumn } from '../list-export.ts';

export interface OrganisationExportQuery {
  region?: string | undefined;
  kind?: OrganisationKind | undefined;
  legalForm?: string | undefined;
  okved?: string | undefined;
  q?: string | undefined;
  sort: string;
}
type OrganisationRow = OrganisationExportRow;

export const organisationsExport: ListExport<OrganisationExportQuery, OrganisationRow> = {
  name: 'organisations',
  title: { ru: 'Организации', en: 'Organisations' },
  columns: [
    idColumn(),
    {
      key: 'name',
      ru: 'Наименование',
      en: 'Name',
      type: 'text',
      width: 44,
      value: (r) => organisationDisplayName(r),
    },
    {
      key: 'fullName',
      ru: 'Полное наименование',
      en: 'Full name',
      type: 'text',
      width: 50,
      value: (r) => r.full_name,
    },
    {
      key: 'legalForm',
      ru: 'ОПФ',
      en: 'Legal form',
      type: 'text',
      width: 8,
      value: (r) => r.legal_form,
    },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 20,
      value: (r, l) => ORGANISATION_KINDS.label(r.kind, l),
    },
    { key: 'inn', ru: 'ИНН', en: 'INN', type: 'text', width: 14, value: (r) => r.inn },
    { key: 'kpp', ru: 'КПП', en: 'KPP', type: 'text', width: 11, value: (r) => r.kpp },
    { key: 'ogrn', ru: 'ОГРН', en: 'OGRN', type: 'text', width: 16, value: (r) => r.ogrn },
    {
      key: 'okved',
      ru: 'ОКВЭД2 (основной)',
      en: 'OKVED2 (main)',
      type: 'text',
      width: 12,
      value: (r) => r.main_okved,
    },
    {
      key: 'regionCode',
      ru: 'Код региона',
      en: 'Region code',
      type: 'text',
      width: 12,
      value: (r) => r.region_code,
    },
    {
      key: 'region',
      ru: 'Регион',
      en: 'Region',
      type: 'text',
      width: 32,
      value: (r) => r.region_name,
    },
    {
      key: 'town',
      ru: 'Населённый пункт',
      en: 'Town',
      type: 'text',
      width: 20,
      value: (r) => r.town,
    },
    {
      key: 'latitude',
      ru: 'Широта',
      en: 'Latitude',
      type: 'number',
      width: 11,
      value: (r) => r.latitude,
    },
    {
      key: 'longitude',
      ru: 'Долгота',
      en: 'Longitude',
      type: 'number',
      width: 11,
      value: (r) => r.longitude,
    },
  ],
  batches: (db, q, { kind, batchSize }) =>
    organisationExportBatches(
      db,
      {
        regions: regionCodes(q.region),
        kind: q.kind,
        legalForm: q.legalForm,
        okved: q.okved,
        q: q.q,
      },
      parseSort(q.sort),
      { kind, batchSize },
    ),
  locate: pointOf,
};
