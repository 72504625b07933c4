import { isValidKpp } from '@promatlas/core/identifiers/kpp.ts';
import { isOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import { LEGAL_FORMS, findLegalForm } from '@promatlas/core/legal-forms/legal-forms.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import {
  cellTexts,
  identifier,
  issue,
  normaliseHeaderName,
  numberOf,
  regionCodeOf,
  SPACES,
  suggestColumnsOf,
  type FieldIssue,
} from './field-kit.ts';

export { normaliseHeaderName, type FieldIssue } from './field-kit.ts';

/**
 * The fields an organisations file may fill, each with the header spellings
 * Russian registries use for it (the first is the label the page shows). A
 * mapping names, for each column of the file, the field it fills.
 */
export const ORGANISATION_FIELDS = {
  inn: {
    ru: 'ИНН',
    en: 'INN',
    headers: [
      'инн',
      'инн организации',
      'инн юл',
      'инн юридического лица',
      'идентификационный номер налогоплательщика',
      'inn',
    ],
  },
  ogrn: {
    ru: 'ОГРН',
    en: 'OGRN',
    headers: [
      'огрн',
      'огрнип',
      'огрн огрнип',
      'огрн организации',
      'основной государственный регистрационный номер',
      'ogrn',
    ],
  },
  kpp: { ru: 'КПП', en: 'KPP', headers: ['кпп', 'код причины постановки на учет', 'kpp'] },
  name: {
    ru: 'Наименование',
    en: 'Name',
    headers: [
      'наименование',
      'название',
      'организация',
      'наименование организации',
      'краткое наименование',
      'сокращенное наименование',
      'сокращенное наименование организации',
      'краткое наименование организации',
      'name',
    ],
  },
  fullName: {
    ru: 'Полное наименование',
    en: 'Full name',
    headers: [
      'полное наименование',
      'полное наименование организации',
      'полное название',
      'наименование полное',
      'полное наименование юридического лица',
      'full name',
    ],
  },
  legalForm: {
    ru: 'ОПФ',
    en: 'Legal form',
    headers: [
      'опф',
      'организационно-правовая форма',
      'организационно правовая форма',
      'правовая форма',
      'legal form',
    ],
  },
  region: {
    ru: 'Регион',
    en: 'Region',
    headers: [
      'регион',
      'субъект рф',
      'субъект',
      'субъект российской федерации',
      'регион регистрации',
      'region',
    ],
  },
  town: {
    ru: 'Населённый пункт',
    en: 'Town',
    headers: ['населенный пункт', 'город', 'нас пункт', 'город населенный пункт', 'town', 'city'],
  },
  okvedMain: {
    ru: 'ОКВЭД2 (основной)',
    en: 'Main ОКВЭД2',
    headers: [
      'оквэд',
      'оквэд2',
      'основной оквэд',
      'оквэд основной',
      'основной оквэд2',
      'код оквэд',
      'код оквэд2',
      'основной вид деятельности',
      'код основного вида деятельности',
      'okved',
    ],
  },
  okvedExtra: {
    ru: 'ОКВЭД2 (дополнительные)',
    en: 'Other ОКВЭД2',
    headers: [
      'дополнительные оквэд',
      'оквэд дополнительные',
      'дополнительные оквэд2',
      'доп оквэд',
      'дополнительные виды деятельности',
    ],
  },
  kind: {
    ru: 'Тип организации',
    en: 'Kind',
    headers: ['тип организации', 'тип', 'вид организации', 'kind'],
  },
  description: {
    ru: 'Описание',
    en: 'Description',
    headers: ['описание', 'комментарий', 'примечание', 'description'],
  },
  latitude: { ru: 'Широта', en: 'Latitude', headers: ['широта', 'lat', 'latitude'] },
  longitude: { ru: 'Долгота', en: 'Longitude', headers: ['долгота', 'lon', 'lng', 'longitude'] },
} as const satisfies Record<string, { ru: string; en: string; headers: readonly string[] }>;

export type OrganisationField = keyof typeof ORGANISATION_FIELDS;
export const ORGANISATION_FIELD_KEYS = Object.keys(ORGANISATION_FIELDS) as OrganisationField[];
export const isOrganisationField = (key: string): key is OrganisationField =>
  Object.hasOwn(ORGANISATION_FIELDS, key);

/** The suggested field of each column of an organisations file. */
export function suggestColumns(headers: readonly string[]): Record<string, OrganisationField> {
  return suggestColumnsOf(ORGANISATION_FIELDS, headers) as Record<string, OrganisationField>;
}

/** An organisation as a row of the file gives it; a field the file does not give is undefined. */
export interface OrganisationCandidate {
  inn?: string;
  ogrn?: string;
  kpp?: string;
  name: string;
  fullName?: string;
  legalForm?: string;
  regionCode?: string;
  town?: string;
  kind?: OrganisationKind;
  description?: string;
  latitude?: number;
  longitude?: number;
  okved?: Array<{ code: string; isMain: boolean }>;
}

export interface ValidationContext {
  /** Known ОКВЭД2 codes (the classifier in the database). */
  okved: ReadonlySet<string>;
}

/** An ОКВЭД2 code as Excel may have turned it: «25,62» (a decimal comma) is «25.62». */
function okvedCode(
  text: string,
  ctx: ValidationContext,
  field: OrganisationField,
  issues: FieldIssue[],
): string | undefined {
  const code = text.replace(SPACES, '').replace(/^(\d\d),(\d)/, '$1.$2');
  if (!isOkvedCode(code)) {
    issues.push(
      issue(
        field,
        'okved_format',
        `«${text}» — не код ОКВЭД2 (ожидается вида 25.62 или 25.62.1)`,
        `"${text}" is not an ОКВЭД2 code (expected like 25.62 or 25.62.1)`,
      ),
    );
    return undefined;
  }
  if (!ctx.okved.has(code)) {
    const trailing =
      /^\d\d\.\d$/.test(code) && ctx.okved.has(`${code}0`)
        ? `; возможно, Excel отбросил завершающий ноль (${code}0)`
        : '';
    const trailingEn = trailing ? `; Excel may have dropped a trailing zero (${code}0)` : '';
    issues.push(
      issue(
        field,
        'okved_unknown',
        `код ОКВЭД2 ${code} не найден в классификаторе${trailing} (полный классификатор загружается командой «npx promatlas import okved»)`,
        `ОКВЭД2 code ${code} is not in the classifier${trailingEn} (load the full classifier with "npx promatlas import okved")`,
      ),
    );
    return undefined;
  }
  return code;
}

const KIND_BY_LABEL = new Map<string, OrganisationKind>();
for (const key of ORGANISATION_KINDS.values) {
  const term = ORGANISATION_KINDS.terms[key];
  KIND_BY_LABEL.set(key, key);
  KIND_BY_LABEL.set(normaliseHeaderName(term.ru), key);
  KIND_BY_LABEL.set(normaliseHeaderName(term.en), key);
}

// Longest first, so that «Публичное акционерное общество» wins over «Акционерное общество».
const FULL_FORMS = [...LEGAL_FORMS]
  .map((f) => ({ prefix: f.name.toLowerCase(), abbreviation: f.abbreviation }))
  .sort((a, b) => b.prefix.length - a.prefix.length);
const ABBREVIATED_FORMS = [...LEGAL_FORMS]
  .map((f) => ({ prefix: f.abbreviation.toLowerCase(), abbreviation: f.abbreviation }))
  .sort((a, b) => b.prefix.length - a.prefix.length);
const AFTER_FORM = /^[\s«"]/;

/** A legal form at the start of a name, by abbreviation («ООО») or in full («Общество с ограниченной ответственностью»). */
function splitLegalForm(text: string): { legalForm: string | null; rest: string } {
  const clean = text.trim().replace(/\s+/g, ' ');
  const lower = clean.toLowerCase();
  for (const forms of [FULL_FORMS, ABBREVIATED_FORMS])
    for (const form of forms)
      if (
        lower.startsWith(form.prefix) &&
        AFTER_FORM.test(clean.slice(form.prefix.length, form.prefix.length + 1))
      )
        return { legalForm: form.abbreviation, rest: clean.slice(form.prefix.length).trim() };
  return { legalForm: null, rest: clean };
}

/**
 * Checks one row's mapped cells and builds the organisation it describes. An
 * empty cell gives no value (an import never clears what the registry has).
 */
export function validateOrganisation(
  values: Partial<Record<OrganisationField, string>>,
  ctx: ValidationContext,
):
  | { candidate: OrganisationCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values, ORGANISATION_FIELD_KEYS, issues);
  const c: Partial<OrganisationCandidate> = {};
  if (text.inn !== undefined) {
    const inn = identifier('inn', 'inn', text.inn, issues, warnings);
    if (inn) c.inn = inn;
  }
  if (text.ogrn !== undefined) {
    const ogrn = identifier('ogrn', 'ogrn', text.ogrn, issues, warnings);
    if (ogrn) c.ogrn = ogrn;
  }
  if (text.kpp !== undefined) {
    const kpp = text.kpp.replace(SPACES, '');
    if (isValidKpp(kpp)) c.kpp = kpp;
    else if (/^\d{8}$/.test(kpp))
      issues.push(
        issue(
          'kpp',
          'lost_leading_zero',
          `КПП «${text.kpp}» на одну цифру короче: по-видимому, Excel отбросил ведущий ноль (должно быть «0${kpp}»)`,
          `KPP "${text.kpp}" is one digit short: Excel apparently dropped the leading zero ("0${kpp}")`,
        ),
      );
    else
      issues.push(
        issue(
          'kpp',
          'format',
          `КПП «${text.kpp}»: ожидается 9 знаков`,
          `KPP "${text.kpp}": 9 characters expected`,
        ),
      );
  }
  let legalForm: string | undefined;
  if (text.legalForm !== undefined) {
    const form =
      findLegalForm(text.legalForm) ??
      LEGAL_FORMS.find((f) => f.name.toLowerCase() === text.legalForm!.toLowerCase());
    if (form) legalForm = form.abbreviation;
    else
      issues.push(
        issue(
          'legalForm',
          'unknown_legal_form',
          `организационно-правовая форма «${text.legalForm}» не распознана (ожидается, например, ООО, АО, ПАО)`,
          `legal form "${text.legalForm}" is not recognised (expected e.g. ООО, АО, ПАО)`,
        ),
      );
  }
  if (text.fullName !== undefined) c.fullName = text.fullName.replace(/\s+/g, ' ');
  const source = text.name ?? text.fullName;
  if (source === undefined) {
    issues.push(issue('name', 'empty', 'наименование не указано', 'the name is empty'));
  } else {
    const split = splitLegalForm(source);
    c.name = split.rest || source;
    legalForm ??= split.legalForm ?? undefined;
  }
  if (legalForm) c.legalForm = legalForm;
  if (text.region !== undefined) {
    const code = regionCodeOf('region', text.region, issues);
    if (code) c.regionCode = code;
  }
  if (text.town !== undefined) c.town = text.town;
  if (text.description !== undefined) c.description = text.description;
  if (text.kind !== undefined) {
    const kind = KIND_BY_LABEL.get(normaliseHeaderName(text.kind)) ?? KIND_BY_LABEL.get(text.kind);
    if (kind) c.kind = kind;
    else
      issues.push(
        issue(
          'kind',
          'unknown_kind',
          `тип организации «${text.kind}» не распознан`,
          `organisation kind "${text.kind}" is not recognised`,
        ),
      );
  }
  for (const [field, min, max] of [
    ['latitude', -90, 90],
    ['longitude', -180, 180],
  ] as const) {
    const t = text[field];
    if (t === undefined) continue;
    const n = numberOf(field, t, issues, { min, max });
    if (n !== undefined) c[field] = n;
  }
  if (text.okvedMain !== undefined || text.okvedExtra !== undefined) {
    const okved: Array<{ code: string; isMain: boolean }> = [];
    if (text.okvedMain !== undefined) {
      const code = okvedCode(text.okvedMain, ctx, 'okvedMain', issues);
      if (code) okved.push({ code, isMain: true });
    }
    if (text.okvedExtra !== undefined)
      for (const part of text.okvedExtra.split(/\s*[;\n]\s*|,\s+|\s+/).filter(Boolean)) {
        const code = okvedCode(part, ctx, 'okvedExtra', issues);
        if (code && !okved.some((o) => o.code === code)) okved.push({ code, isMain: false });
      }
    c.okved = okved;
  }
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as OrganisationCandidate, warnings };
}

/** The name as matched when there is no ИНН or ОГРН: legal form, quotes, case, ё and spacing ignored. */
export function organisationNameKey(name: string): string {
  return splitLegalForm(name)
    .rest.toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»„“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
