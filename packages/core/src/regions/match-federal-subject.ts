import { FEDERAL_SUBJECTS, type FederalSubject } from './federal-subjects.ts';

/**
 * Normalises a region spelling for comparison: case, ё/е, dashes and the
 * spaces around them, quotes, whitespace, and the abbreviations 'г.', 'обл.',
 * 'респ.', 'Аобл' (as in 'г. Москва', 'Липецкая обл.', 'Респ Адыгея', 'Еврейская Аобл').
 */
export function normalizeRegionName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/ё/g, 'е')
      // Every dash and hyphen is one hyphen, without the spaces around it:
      // 'Северная Осетия - Алания' = 'Северная Осетия-Алания'.
      .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, '-')
      .replace(/["'«»„“”‘’`]/g, '')
      // HFLabs writes 'Саха /Якутия/'; treat slashes like parentheses.
      .replace(/\/([^/]*)\//g, '($1)')
      .replace(/\s*\(\s*/g, ' (')
      .replace(/\s*\)\s*/g, ') ')
      .replace(/\s+/g, ' ')
      .trim()
      // 'г. Москва', 'г.Москва', 'г Москва' and the trailing form 'Москва г.'.
      .replace(/(^| )г(\. ?| )(?=\S)/g, '$1город ')
      .replace(/^(.+) г\.?$/, 'город $1')
      .replace(/(^| )обл(\.|(?= |$))/g, '$1область')
      .replace(/(^| )респ(\.|(?= |$))/g, '$1республика')
      .replace(/(^| )аобл(\.|(?= |$))/g, '$1автономная область')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Removes parenthesised parts: 'Республика Татарстан (Татарстан)' → 'республика татарстан'. */
function withoutParentheses(normalized: string): string {
  return normalized
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function buildIndex(subjects: readonly FederalSubject[]): Map<string, FederalSubject> {
  const index = new Map<string, FederalSubject>();
  for (const subject of subjects) {
    for (const spelling of [subject.name, subject.shortName, ...subject.aliases]) {
      const key = normalizeRegionName(spelling);
      const existing = index.get(key);
      if (existing && existing !== subject) {
        throw new Error(
          `Region spelling "${spelling}" is claimed by both ${existing.name} and ${subject.name}`,
        );
      }
      index.set(key, subject);
    }
  }
  return index;
}

const INDEX = buildIndex(FEDERAL_SUBJECTS);

/**
 * Finds the federal subject a region spelling denotes, by official name,
 * short name or alias. Tries the spelling as is, then without parenthesised
 * parts ('Ненецкий автономный округ (Архангельская область)'), then without a
 * leading 'город'. Aggregates ('Российская Федерация', federal districts) and
 * unknown names give undefined.
 *
 * Note: Rosstat's 'Архангельская область (кроме Ненецкого автономного
 * округа)' and the matching Тюменская row resolve to the oblast as a subject;
 * an importer that also reads the whole-oblast row must not add both.
 */
export function matchFederalSubject(name: string): FederalSubject | undefined {
  const normalized = normalizeRegionName(name);
  if (normalized === '') return undefined;
  const candidates = [normalized, withoutParentheses(normalized)];
  for (const candidate of [...candidates]) {
    if (candidate.startsWith('город ')) candidates.push(candidate.slice('город '.length));
  }
  for (const candidate of candidates) {
    const subject = INDEX.get(candidate);
    if (subject) return subject;
  }
  return undefined;
}
