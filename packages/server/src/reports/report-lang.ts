import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { ReportLang } from '@promatlas/core/api/reports.schema.ts';
import { formatPartialDate, type PartialDate } from '@promatlas/core/dates/partial-date.ts';

/**
 * The language a report is written in. A report's own words (headings, table
 * heads, notes, verdicts, vocabulary labels) come in both languages; the
 * registry's values (names, sources' titles, what a record says) stay as
 * stored. Numbers and dates follow the language's conventions.
 */
export type { ReportLang };

/** The phrase of the report's language: `w('Источник', 'Source')`. */
export type Words = (ru: string, en: string) => string;
export const wordsOf =
  (lang: ReportLang): Words =>
  (ru, en) =>
    lang === 'en' ? en : ru;

export const localeOf = (lang: ReportLang): string => (lang === 'en' ? 'en-GB' : 'ru-RU');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A partial date in the report's language: 14.03.2024 / 14/03/2024, «март 2024» / «March 2024»… */
export function dateIn(lang: ReportLang, d: PartialDate | null | undefined): string | null {
  if (!d) return null;
  if (lang === 'ru') return formatPartialDate(d);
  const utc = { timeZone: 'UTC' } as const;
  const from = day(d.from);
  const to = day(d.to);
  switch (d.precision) {
    case 'day':
      return from.toLocaleDateString('en-GB', utc);
    case 'month':
      return from.toLocaleDateString('en-GB', { ...utc, month: 'long', year: 'numeric' });
    case 'season': {
      const m = from.getUTCMonth() + 1;
      const season = m === 3 ? 'spring' : m === 6 ? 'summer' : m === 9 ? 'autumn' : 'winter';
      return `${season} ${season === 'winter' ? to.getUTCFullYear() : from.getUTCFullYear()}`;
    }
    case 'quarter':
      return `Q${Math.floor(from.getUTCMonth() / 3) + 1} ${from.getUTCFullYear()}`;
    case 'year':
      return from.getUTCFullYear() === to.getUTCFullYear()
        ? String(from.getUTCFullYear())
        : `${from.getUTCFullYear()}–${to.getUTCFullYear()}`;
    case 'range':
      return new Intl.DateTimeFormat('en-GB', {
        ...utc,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).formatRange(from, to);
  }
}

/** An ISO day (YYYY-MM-DD) in the report's language. */
export const isoDayIn = (lang: ReportLang, iso: string | null | undefined): string | null =>
  iso ? dateIn(lang, { from: iso, to: iso, precision: 'day' }) : null;

/** A number written into a sentence, in the report's language. */
export const numberIn = (lang: ReportLang, n: number, maximumFractionDigits = 4): string =>
  n.toLocaleString(localeOf(lang), { maximumFractionDigits });

/** How a fact's value is qualified in its source. */
export const QUALIFIER_WORDS: Record<Fact['qualifier'], { ru: string; en: string }> = {
  exact: { ru: '', en: '' },
  about: { ru: 'около', en: 'about' },
  more_than: { ru: 'более', en: 'more than' },
  less_than: { ru: 'менее', en: 'less than' },
  up_to: { ru: 'до', en: 'up to' },
  at_least: { ru: 'не менее', en: 'at least' },
};

/** English names of the statement properties the registry knows (the Russian ones come with the fact). */
export const PROPERTY_LABELS_EN: Record<string, string> = {
  residents: 'Residents',
  plants_to_open: 'New plants to open this year',
  sez_type: 'SEZ type',
  education_production_clusters: 'Education and production clusters',
  education_clusters: 'Education clusters',
  broadband_settlements: 'High-speed internet',
  note: 'Note',
  planned_participants: 'Planned number of participants',
  about_cluster: 'Cluster',
  supported_projects: 'Projects supported',
  support_total: 'Total support',
  max_cost_share: 'Maximum share of costs reimbursed',
  key_industry: 'Key industry',
  cooperation: 'Cooperation',
  age_range: 'Participants’ age',
};

/** The label of a fact's property in the report's language. */
export const propertyLabel = (lang: ReportLang, f: Fact): string =>
  lang === 'en' ? (PROPERTY_LABELS_EN[f.property] ?? f.label) : f.label;
