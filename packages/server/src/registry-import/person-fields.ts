import {
  cellTexts,
  dateOf,
  issue,
  organisationRef,
  regionCodeOf,
  type FieldIssue,
  type OrganisationRef,
} from './field-kit.ts';

/** The fields a people file may fill: the person, and the position they hold at an organisation. */
export const PERSON_FIELDS = {
  fullName: {
    ru: 'ФИО',
    en: 'Full name',
    headers: [
      'фио',
      'ф и о',
      'фамилия имя отчество',
      'фамилия имя отчество полностью',
      'full name',
    ],
  },
  lastName: { ru: 'Фамилия', en: 'Last name', headers: ['фамилия', 'last name', 'surname'] },
  firstName: { ru: 'Имя', en: 'First name', headers: ['имя', 'first name'] },
  patronymic: { ru: 'Отчество', en: 'Patronymic', headers: ['отчество', 'patronymic'] },
  organisationInn: {
    ru: 'ИНН организации',
    en: 'Organisation INN',
    headers: ['инн организации', 'инн', 'инн работодателя', 'инн места работы'],
  },
  organisation: {
    ru: 'Организация',
    en: 'Organisation',
    headers: ['организация', 'место работы', 'наименование организации', 'organisation'],
  },
  region: { ru: 'Регион', en: 'Region', headers: ['регион', 'субъект рф', 'субъект', 'region'] },
  title: {
    ru: 'Должность',
    en: 'Position',
    headers: ['должность', 'позиция', 'position', 'title'],
  },
  since: {
    ru: 'В должности с',
    en: 'Since',
    headers: ['с', 'дата назначения', 'в должности с', 'дата начала', 'since'],
  },
  until: {
    ru: 'В должности по',
    en: 'Until',
    headers: ['по', 'дата освобождения', 'в должности по', 'дата окончания', 'until'],
  },
} as const;
export type PersonField = keyof typeof PERSON_FIELDS;
const KEYS = Object.keys(PERSON_FIELDS) as PersonField[];

export interface PersonCandidate {
  lastName: string;
  firstName?: string;
  patronymic?: string;
  organisation?: OrganisationRef;
  regionCode?: string;
  title?: string;
  since?: string;
  until?: string;
}

/** «Иванов Иван Иванович» → its three parts; a fourth word stays with the patronymic («Оглы»). */
function splitFullName(text: string): { last: string; first?: string; patronymic?: string } {
  const [last, first, ...rest] = text.replace(/\s+/g, ' ').trim().split(' ');
  return {
    last: last!,
    ...(first ? { first } : {}),
    ...(rest.length ? { patronymic: rest.join(' ') } : {}),
  };
}

export function validatePerson(
  values: Partial<Record<string, string>>,
):
  | { candidate: PersonCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values as Partial<Record<PersonField, string>>, KEYS, issues);
  const split = text.fullName ? splitFullName(text.fullName) : undefined;
  const last = text.lastName ?? split?.last;
  const c: Partial<PersonCandidate> = {};
  if (!last)
    issues.push(
      issue(
        text.fullName !== undefined ? 'fullName' : 'lastName',
        'empty',
        'фамилия не указана',
        'the last name is empty',
      ),
    );
  else c.lastName = last;
  const first = text.firstName ?? split?.first;
  if (first) c.firstName = first;
  const patronymic = text.patronymic ?? split?.patronymic;
  if (patronymic) c.patronymic = patronymic;
  const ref = organisationRef(
    'organisationInn',
    'organisation',
    text.organisationInn,
    text.organisation,
    issues,
    warnings,
  );
  if (ref) c.organisation = ref;
  if (text.region !== undefined) {
    const code = regionCodeOf('region', text.region, issues);
    if (code) c.regionCode = code;
  }
  if (text.title !== undefined) c.title = text.title.replace(/\s+/g, ' ');
  if (text.since !== undefined) {
    const d = dateOf('since', text.since, issues);
    if (d) c.since = d;
  }
  if (text.until !== undefined) {
    const d = dateOf('until', text.until, issues);
    if (d) c.until = d;
  }
  if (c.since && c.until && c.since > c.until)
    issues.push(
      issue('until', 'period_reversed', 'окончание раньше начала', 'the end is before the start'),
    );
  if ((c.organisation || c.since || c.until) && !c.title && text.title === undefined)
    issues.push(
      issue(
        'title',
        'empty',
        'указана организация или срок, но не должность',
        'an organisation or a period is given but no position',
      ),
    );
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as PersonCandidate, warnings };
}

/** The person's name as matched: case, ё and spacing ignored. */
export function personNameKey(c: {
  lastName: string;
  firstName?: string | null;
  patronymic?: string | null;
}): string {
  return [c.lastName, c.firstName ?? '', c.patronymic ?? '']
    .map((p) => p.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim())
    .join('|');
}
