import {
  SEZ_TYPES,
  SITE_KINDS,
  type SezType,
  type SiteKind,
} from '@promatlas/core/domain/vocabulary.ts';
import {
  cellTexts,
  issue,
  numberOf,
  organisationRef,
  regionCodeOf,
  vocabularyMatcher,
  type FieldIssue,
  type OrganisationRef,
} from './field-kit.ts';
import {
  FULL_NAME_FIELD,
  linkDates,
  placeNames,
  checkPeriodOrder,
  REGION_FIELD,
  SPECIALISATION_FIELD,
  type PlaceCandidate,
} from './place-fields.ts';

/** The fields a sites file may fill: the SEZ, park or technopark, and one resident per row. */
export const SITE_FIELDS = {
  name: {
    ru: 'Наименование площадки',
    en: 'Site name',
    headers: [
      'наименование площадки',
      'площадка',
      'наименование',
      'название',
      'оэз',
      'парк',
      'name',
    ],
  },
  fullName: FULL_NAME_FIELD,
  kind: {
    ru: 'Тип площадки',
    en: 'Kind',
    headers: ['тип площадки', 'тип', 'вид площадки', 'вид', 'kind'],
  },
  sezType: { ru: 'Тип ОЭЗ', en: 'SEZ type', headers: ['тип оэз', 'вид оэз', 'sez type'] },
  region: REGION_FIELD,
  town: {
    ru: 'Населённый пункт',
    en: 'Town',
    headers: ['населенный пункт', 'город', 'town', 'city'],
  },
  specialisation: SPECIALISATION_FIELD,
  latitude: { ru: 'Широта', en: 'Latitude', headers: ['широта', 'lat', 'latitude'] },
  longitude: { ru: 'Долгота', en: 'Longitude', headers: ['долгота', 'lon', 'lng', 'longitude'] },
  residentInn: {
    ru: 'ИНН резидента',
    en: 'Resident INN',
    headers: ['инн резидента', 'инн', 'инн организации'],
  },
  resident: {
    ru: 'Резидент',
    en: 'Resident',
    headers: ['резидент', 'наименование резидента', 'организация резидент', 'resident'],
  },
  residentSince: {
    ru: 'Резидент с',
    en: 'Resident since',
    headers: ['резидент с', 'дата включения в реестр резидентов', 'дата получения статуса', 'с'],
  },
  residentUntil: {
    ru: 'Резидент по',
    en: 'Resident until',
    headers: ['резидент по', 'дата исключения из реестра резидентов', 'дата утраты статуса', 'по'],
  },
} as const;
export type SiteField = keyof typeof SITE_FIELDS;
const KEYS = Object.keys(SITE_FIELDS) as SiteField[];

export interface SiteCandidate extends PlaceCandidate {
  kind?: SiteKind;
  sezType?: SezType;
  town?: string;
  latitude?: number;
  longitude?: number;
  resident?: OrganisationRef;
  since?: string;
  until?: string;
}

const kindOf = vocabularyMatcher(SITE_KINDS, {
  оэз: 'sez',
  'особая экономическая зона': 'sez',
  'индустриальный парк': 'industrial_park',
  промпарк: 'industrial_park',
  тор: 'tor',
});
const sezTypeOf = vocabularyMatcher(SEZ_TYPES, {
  ппт: 'industrial_production',
  'промышленно производственная': 'industrial_production',
  твт: 'technology_innovation',
});

export function validateSite(
  values: Partial<Record<string, string>>,
):
  | { candidate: SiteCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values as Partial<Record<SiteField, string>>, KEYS, issues);
  const c: Partial<SiteCandidate> = {
    ...placeNames(text, issues, ['наименование площадки не указано', 'the site name is empty']),
  };
  if (text.kind !== undefined) {
    const kind = kindOf(text.kind);
    if (kind) c.kind = kind;
    else
      issues.push(
        issue(
          'kind',
          'unknown_kind',
          `тип площадки «${text.kind}» не распознан (ОЭЗ, технопарк, индустриальный парк, ТОР)`,
          `site kind "${text.kind}" is not recognised`,
        ),
      );
  }
  if (text.sezType !== undefined) {
    const t = sezTypeOf(text.sezType);
    if (t) c.sezType = t;
    else
      issues.push(
        issue(
          'sezType',
          'unknown_sez_type',
          `тип ОЭЗ «${text.sezType}» не распознан`,
          `SEZ type "${text.sezType}" is not recognised`,
        ),
      );
  }
  if (text.region !== undefined) {
    const code = regionCodeOf('region', text.region, issues);
    if (code) c.regionCode = code;
  }
  if (text.town) c.town = text.town;
  if (text.specialisation) c.specialisation = text.specialisation;
  for (const [field, min, max] of [
    ['latitude', -90, 90],
    ['longitude', -180, 180],
  ] as const) {
    const t = text[field];
    if (t === undefined) continue;
    const n = numberOf(field, t, issues, { min, max });
    if (n !== undefined) c[field] = n;
  }
  const ref = organisationRef(
    'residentInn',
    'resident',
    text.residentInn,
    text.resident,
    issues,
    warnings,
  );
  if (ref) c.resident = ref;
  Object.assign(
    c,
    linkDates(
      { since: 'residentSince', until: 'residentUntil' },
      { since: text.residentSince, until: text.residentUntil },
      issues,
    ),
  );
  checkPeriodOrder(c, 'residentUntil', issues);
  if ((c.since || c.until) && !ref && issues.length === 0)
    issues.push(
      issue(
        'resident',
        'empty',
        'указан срок, но не резидент',
        'a period is given but no resident',
      ),
    );
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as SiteCandidate, warnings };
}
