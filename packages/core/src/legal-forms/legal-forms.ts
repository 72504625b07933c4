/**
 * Legal forms (организационно-правовые формы) by the abbreviations used in
 * Russian registries and press releases, with their ОКОПФ code (ОК 028-2012)
 * where the form is in the current classifier. ЗАО and ОАО were abolished by
 * the 2014 Civil Code reform (ФЗ № 99-ФЗ of 05.05.2014) but survive in older
 * documents, so they are kept with `historical: true`.
 */
export interface LegalForm {
  abbreviation: string;
  name: string;
  okopf: string | null;
  /** Registration number shape: legal entities have a 13-digit ОГРН, individual entrepreneurs a 15-digit ОГРНИП. */
  registration: 'legal_entity' | 'individual_entrepreneur';
  historical?: boolean;
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  {
    abbreviation: 'ООО',
    name: 'Общество с ограниченной ответственностью',
    okopf: '12300',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'АО',
    name: 'Акционерное общество',
    okopf: '12200',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ПАО',
    name: 'Публичное акционерное общество',
    okopf: '12247',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'НАО',
    name: 'Непубличное акционерное общество',
    okopf: '12267',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ЗАО',
    name: 'Закрытое акционерное общество',
    okopf: null,
    registration: 'legal_entity',
    historical: true,
  },
  {
    abbreviation: 'ОАО',
    name: 'Открытое акционерное общество',
    okopf: null,
    registration: 'legal_entity',
    historical: true,
  },
  {
    abbreviation: 'ИП',
    name: 'Индивидуальный предприниматель',
    okopf: '50102',
    registration: 'individual_entrepreneur',
  },
  {
    abbreviation: 'ФГУП',
    name: 'Федеральное государственное унитарное предприятие',
    okopf: '65241',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГУП',
    name: 'Государственное унитарное предприятие',
    okopf: '65242',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'МУП',
    name: 'Муниципальное унитарное предприятие',
    okopf: '65243',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ФГБОУ ВО',
    name: 'Федеральное государственное бюджетное образовательное учреждение высшего образования',
    okopf: '75103',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ФГАОУ ВО',
    name: 'Федеральное государственное автономное образовательное учреждение высшего образования',
    okopf: '75101',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ФГБУН',
    name: 'Федеральное государственное бюджетное учреждение науки',
    okopf: '75103',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ФГБУ',
    name: 'Федеральное государственное бюджетное учреждение',
    okopf: '75103',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГОБПОУ',
    name: 'Государственное областное бюджетное профессиональное образовательное учреждение',
    okopf: '75203',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГАПОУ',
    name: 'Государственное автономное профессиональное образовательное учреждение',
    okopf: '75201',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГБПОУ',
    name: 'Государственное бюджетное профессиональное образовательное учреждение',
    okopf: '75203',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ОАУ',
    name: 'Областное автономное учреждение',
    okopf: '75201',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГБУ',
    name: 'Государственное бюджетное учреждение',
    okopf: '75203',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'ГКУ',
    name: 'Государственное казённое учреждение',
    okopf: '75204',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'АНО',
    name: 'Автономная некоммерческая организация',
    okopf: '71400',
    registration: 'legal_entity',
  },
  {
    abbreviation: 'НП',
    name: 'Некоммерческое партнёрство',
    okopf: null,
    registration: 'legal_entity',
    historical: true,
  },
  {
    abbreviation: 'Ассоциация',
    name: 'Ассоциация (союз)',
    okopf: '20600',
    registration: 'legal_entity',
  },
  { abbreviation: 'Фонд', name: 'Фонд', okopf: '70400', registration: 'legal_entity' },
];

const BY_ABBREVIATION = new Map(LEGAL_FORMS.map((f) => [f.abbreviation.toUpperCase(), f]));

export function findLegalForm(abbreviation: string): LegalForm | undefined {
  return BY_ABBREVIATION.get(abbreviation.trim().replace(/\s+/g, ' ').toUpperCase());
}

// Longest first, so that «ФГБОУ ВО» wins over a shorter prefix.
const PREFIXES = [...LEGAL_FORMS].map((f) => f.abbreviation).sort((a, b) => b.length - a.length);

export interface ParsedOrganisationName {
  legalForm: LegalForm | null;
  /** The name without the legal form, quotes kept as in the source («Энергия»). */
  name: string;
}

/**
 * Splits a name as written in a press release — «ОАО «Энергия»»,
 * «ООО ВПО «Электоаппарат» ВОС», «ФГБОУ ВО «ЛГТУ»» — into its legal form and
 * the rest. A name that starts with no known abbreviation has no legal form.
 */
export function parseOrganisationName(input: string): ParsedOrganisationName {
  const text = input.trim().replace(/\s+/g, ' ');
  for (const prefix of PREFIXES) {
    if (text.length > prefix.length && text.toUpperCase().startsWith(prefix.toUpperCase())) {
      const next = text[prefix.length];
      if (next === ' ' || next === '«' || next === '"') {
        return {
          legalForm: BY_ABBREVIATION.get(prefix.toUpperCase()) ?? null,
          name: text.slice(prefix.length).trim(),
        };
      }
    }
  }
  return { legalForm: null, name: text };
}
