import { dateOf, issue, type FieldIssue } from './field-kit.ts';

/*
 * What a sites file and a clusters file share: the place's full name, region
 * and specialisation (the same spellings), its name read from the name or
 * else the full name, and the period of its resident or member.
 */
export const FULL_NAME_FIELD = {
  ru: 'Полное наименование',
  en: 'Full name',
  headers: ['полное наименование', 'full name'],
} as const;
export const REGION_FIELD = {
  ru: 'Регион',
  en: 'Region',
  headers: ['регион', 'субъект рф', 'субъект', 'region'],
} as const;
export const SPECIALISATION_FIELD = {
  ru: 'Специализация',
  en: 'Specialisation',
  headers: ['специализация', 'отраслевая специализация', 'specialisation'],
} as const;

/** The fields of a place both candidates have. */
export interface PlaceCandidate {
  name: string;
  fullName?: string;
  regionCode?: string;
  specialisation?: string;
}

/** A place's name, from the name or else the full name, and its full name; `emptyName` says neither is given. */
export function placeNames(
  text: Partial<Record<'name' | 'fullName', string>>,
  issues: FieldIssue[],
  emptyName: [ru: string, en: string],
): { name?: string; fullName?: string } {
  const out: { name?: string; fullName?: string } = {};
  const name = text.name ?? text.fullName;
  if (!name) issues.push(issue('name', 'empty', emptyName[0], emptyName[1]));
  else out.name = name.replace(/\s+/g, ' ');
  if (text.fullName) out.fullName = text.fullName.replace(/\s+/g, ' ');
  return out;
}

/** The dates of a place's resident or member, each checked. */
export function linkDates(
  fields: { since: string; until: string },
  text: { since: string | undefined; until: string | undefined },
  issues: FieldIssue[],
): { since?: string; until?: string } {
  const out: { since?: string; until?: string } = {};
  if (text.since !== undefined) {
    const d = dateOf(fields.since, text.since, issues);
    if (d) out.since = d;
  }
  if (text.until !== undefined) {
    const d = dateOf(fields.until, text.until, issues);
    if (d) out.until = d;
  }
  return out;
}

/** A resident's or member's period that ends before it starts. */
export function checkPeriodOrder(
  period: { since?: string | undefined; until?: string | undefined },
  untilField: string,
  issues: FieldIssue[],
): void {
  if (period.since && period.until && period.since > period.until)
    issues.push(
      issue(
        untilField,
        'period_reversed',
        'окончание раньше начала',
        'the end is before the start',
      ),
    );
}
