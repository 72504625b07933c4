import {
  cellTexts,
  dateOf,
  issue,
  numberOf,
  organisationRef,
  regionCodeOf,
  type FieldIssue,
  type OrganisationRef,
} from './field-kit.ts';

/**
 * The fields a statements file may fill: a dated fact («65 резидентов на
 * 01.10.2024») about an organisation (by ИНН or name), a site or a cluster
 * (by name, within the region when the row gives one) or a region — the
 * columns the statements export writes.
 */
export const STATEMENT_FIELDS = {
  organisationInn: {
    ru: 'ИНН организации',
    en: 'Organisation INN',
    headers: ['инн', 'инн организации'],
  },
  organisation: {
    ru: 'Организация',
    en: 'Organisation',
    headers: ['организация', 'наименование организации', 'наименование', 'organisation'],
  },
  site: {
    ru: 'Площадка',
    en: 'Site',
    // Not «ОЭЗ» or «Технопарк»: a header such as «Число резидентов ОЭЗ» would be taken for it.
    headers: ['площадка', 'наименование площадки', 'site'],
  },
  cluster: {
    ru: 'Кластер',
    en: 'Cluster',
    headers: ['кластер', 'наименование кластера', 'cluster'],
  },
  region: { ru: 'Регион', en: 'Region', headers: ['регион', 'субъект рф', 'субъект', 'region'] },
  property: {
    ru: 'Показатель',
    en: 'Property',
    headers: ['показатель', 'свойство', 'наименование показателя', 'property'],
  },
  value: { ru: 'Значение', en: 'Value', headers: ['значение', 'величина', 'value'] },
  unit: { ru: 'Единица', en: 'Unit', headers: ['единица', 'единица измерения', 'ед изм', 'unit'] },
  qualifier: { ru: 'Уточнение', en: 'Qualifier', headers: ['уточнение', 'разрез', 'qualifier'] },
  asOf: {
    ru: 'Дата (по состоянию на)',
    en: 'As of',
    headers: ['по состоянию на', 'дата', 'на дату', 'период', 'год', 'as of'],
  },
} as const;
export type StatementField = keyof typeof STATEMENT_FIELDS;
const KEYS = Object.keys(STATEMENT_FIELDS) as StatementField[];

export interface StatementCandidate {
  /** The organisation, site or cluster the fact is about; without one, the fact is about the region. */
  organisation?: OrganisationRef;
  /** A site's or a cluster's name, looked up within the row's region when it gives one. */
  site?: string;
  cluster?: string;
  regionCode?: string;
  property: string;
  valueNumber?: number;
  valueText?: string;
  unit?: string;
  qualifier: string;
  asOf?: string;
}

export function validateStatement(
  values: Partial<Record<string, string>>,
  today: string,
):
  | { candidate: StatementCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values as Partial<Record<StatementField, string>>, KEYS, issues);
  const c: Partial<StatementCandidate> = { qualifier: text.qualifier ?? '' };
  const ref = organisationRef(
    'organisationInn',
    'organisation',
    text.organisationInn,
    text.organisation,
    issues,
    warnings,
  );
  if (ref) c.organisation = ref;
  if (text.site) c.site = text.site.replace(/\s+/g, ' ');
  if (text.cluster) c.cluster = text.cluster.replace(/\s+/g, ' ');
  if (text.region !== undefined) {
    const code = regionCodeOf('region', text.region, issues);
    if (code) c.regionCode = code;
  }
  // A fact is about one record: two subjects in a row are a mistake, not a choice to guess.
  const named = [
    ref || text.organisationInn !== undefined ? 'organisation' : null,
    c.site ? 'site' : null,
    c.cluster ? 'cluster' : null,
  ].filter((f): f is string => f !== null);
  if (named.length > 1)
    issues.push(
      issue(
        named[1]!,
        'several_subjects',
        'в строке указано несколько объектов факта (организация, площадка, кластер): оставьте один',
        'the row names several subjects (organisation, site, cluster): keep one',
      ),
    );
  if (!named.length && text.region === undefined)
    issues.push(
      issue(
        'organisation',
        'empty',
        'не указано, о ком факт: организация (ИНН или наименование), площадка, кластер или регион',
        'the subject is not given: an organisation (INN or name), a site, a cluster or a region',
      ),
    );
  if (!text.property)
    issues.push(issue('property', 'empty', 'показатель не указан', 'the property is empty'));
  else c.property = text.property.replace(/\s+/g, ' ');
  if (text.value === undefined)
    issues.push(issue('value', 'empty', 'значение не указано', 'the value is empty'));
  else if (/^[+-]?[\d\s\u00a0\u202f]+([.,]\d+)?(\s*(₽|руб\.?))?$/.test(text.value)) {
    const n = numberOf('value', text.value, issues);
    if (n !== undefined) c.valueNumber = n;
  } else c.valueText = text.value;
  if (text.unit) c.unit = text.unit;
  if (text.asOf !== undefined) {
    const d = dateOf('asOf', text.asOf, issues);
    if (d && d > today)
      issues.push(
        issue(
          'asOf',
          'future_date',
          `дата «${text.asOf}» в будущем`,
          `the date "${text.asOf}" is in the future`,
        ),
      );
    else if (d) c.asOf = d;
  }
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as StatementCandidate, warnings };
}
