import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import {
  matchFederalSubject,
  normalizeRegionName,
} from '@promatlas/core/regions/match-federal-subject.ts';
import { isOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import { normalizeOkvedName } from '@promatlas/core/okved/normalize-okved-name.ts';
import type { QuarantineEntry, SourceRow } from './source-rows.ts';
import { parseValue } from './source-rows.ts';

/** What rows are matched against: the registry's regions, ОКВЭД2 and categories. */
export interface MatchingReference {
  regionLevel: 'federal_subject' | 'municipality';
  classification: 'okved2' | 'cluster_category';
  okved: readonly { code: string; name: string; level: string; section: string }[];
  categories: readonly { code: string; name: string }[];
}

export interface MatchedValue {
  regionCode: string;
  industryCode: string;
  year: number;
  value: number;
  /** Line of the file the value came from; null for generated data. */
  line: number | null;
}

export interface MatchResult {
  values: MatchedValue[];
  quarantine: QuarantineEntry[];
  /** Rows with at least one stored value. */
  matchedRows: number;
  /** Cells with no figure (empty, «…», «x»): not values, not errors. */
  emptyCells: number;
}

const SUBJECT_CODES = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s]));

/**
 * Matches rows to regions and industries and reads their values. Nothing is
 * dropped silently: a row (or a cell) that cannot be stored goes to
 * quarantine with the reason, naming the line and the field, in Russian.
 *
 * Regions (federal subjects): a subject code ('42') or any spelling
 * `matchFederalSubject` knows. When a file gives one subject under two
 * spellings — Rosstat lists «Архангельская область» and «Архангельская
 * область (кроме Ненецкого автономного округа)», «Тюменская область» and
 * «Тюменская область (кроме Ханты-Мансийского … и Ямало-Ненецкого …)» — the
 * «(кроме …)» rows are kept: the autonomous okrugs come as subjects of their
 * own, so only then do the regions partition the country and sums over
 * regions equal the national total (the location quotient's benchmark). The
 * whole-oblast rows go to quarantine. Municipalities: no registry yet; the
 * name as written is the key.
 *
 * Industries (ОКВЭД2): a code, or a name matched after normalising case,
 * whitespace, quotes and ё; among equal names, the level the layout implies
 * (Rosstat's indent) and the section the row lies under decide; a name a
 * group shares with its only subgroup (02.2 and 02.20 «Лесозаготовки") is the
 * same activity and takes the layout's level, else the upper one.
 * Categories: code or name.
 */
export function matchSourceRows(
  rows: readonly SourceRow[],
  reference: MatchingReference,
): MatchResult {
  const quarantine: QuarantineEntry[] = [];
  const regionOf = regionMatcher(rows, reference, quarantine);
  const industryOf = industryMatcher(reference);
  const values: MatchedValue[] = [];
  const seen = new Map<string, number>();
  let matchedRows = 0;
  let emptyCells = 0;

  for (const row of rows) {
    const region = regionOf(row);
    if (region === null) continue;
    const industry = industryOf(row);
    if ('reasonCode' in industry) {
      quarantine.push({
        line: row.line,
        raw: row.raw,
        reasonCode: industry.reasonCode,
        reason: industry.reason,
      });
      continue;
    }
    let stored = 0;
    for (const cell of row.cells) {
      if (!Number.isInteger(cell.year)) {
        quarantine.push({
          line: row.line,
          raw: row.raw,
          reasonCode: 'invalid_year',
          reason: `строка ${row.line}, поле «${cell.yearField ?? 'год'}»: «${cell.yearText ?? ''}» — не год (ожидается четыре цифры)`,
        });
        continue;
      }
      const value = parseValue(cell.text);
      if (value === null) {
        emptyCells++;
        continue;
      }
      if (value === undefined) {
        quarantine.push({
          line: row.line,
          raw: row.raw,
          reasonCode: 'invalid_value',
          reason: `строка ${row.line}, поле «${cell.field}»: «${cell.text.trim()}» — не неотрицательное число`,
        });
        continue;
      }
      const key = `${region}\u0000${industry.code}\u0000${cell.year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        quarantine.push({
          line: row.line,
          raw: row.raw,
          reasonCode: 'duplicate_key',
          reason: `строка ${row.line}, поле «${cell.field}»: значение для региона «${row.region.trim()}», отрасли «${industry.code}» и ${cell.year} года уже указано в строке ${earlier}`,
        });
        continue;
      }
      seen.set(key, row.line);
      values.push({
        regionCode: region,
        industryCode: industry.code,
        year: cell.year,
        value,
        line: row.line,
      });
      stored++;
    }
    if (stored > 0) matchedRows++;
  }
  quarantine.sort((a, b) => a.line - b.line);
  return { values, quarantine, matchedRows, emptyCells };
}

function regionMatcher(
  rows: readonly SourceRow[],
  reference: MatchingReference,
  quarantine: QuarantineEntry[],
): (row: SourceRow) => string | null {
  if (reference.regionLevel === 'municipality') {
    return (row) => {
      const name = row.region.trim().replace(/\s+/g, ' ');
      if (name !== '') return name;
      quarantine.push({
        line: row.line,
        raw: row.raw,
        reasonCode: 'unknown_region',
        reason: `строка ${row.line}, поле «регион»: не указан`,
      });
      return null;
    };
  }
  const subjectOf = (text: string) => {
    const trimmed = text.trim();
    return SUBJECT_CODES.get(trimmed) ?? matchFederalSubject(trimmed);
  };
  // One spelling per subject: «(кроме …)» first, else the first one met.
  const spellingsBySubject = new Map<string, string[]>();
  for (const row of rows) {
    const subject = subjectOf(row.region);
    if (!subject) continue;
    const spelling = normalizeRegionName(row.region);
    const spellings = spellingsBySubject.get(subject.code) ?? [];
    if (!spellings.includes(spelling)) spellings.push(spelling);
    spellingsBySubject.set(subject.code, spellings);
  }
  const keptSpelling = new Map<string, string>();
  for (const [code, spellings] of spellingsBySubject)
    keptSpelling.set(code, spellings.find((s) => s.includes('(кроме')) ?? spellings[0]!);

  return (row) => {
    const text = row.region.trim();
    const subject = subjectOf(text);
    if (!subject) {
      const normalised = normalizeRegionName(text);
      const aggregate = /федеральн\S* округ|российская федерация|^всего|^итого/.test(normalised);
      quarantine.push({
        line: row.line,
        raw: row.raw,
        reasonCode: aggregate ? 'total_row' : 'unknown_region',
        reason: aggregate
          ? `строка ${row.line}, поле «регион»: «${text}» — итог по стране или округу, не субъект РФ`
          : text === ''
            ? `строка ${row.line}, поле «регион»: не указан`
            : `строка ${row.line}, поле «регион»: «${text}» не найден среди субъектов РФ`,
      });
      return null;
    }
    const kept = keptSpelling.get(subject.code)!;
    if (normalizeRegionName(text) !== kept) {
      const partsKept = kept.includes('(кроме');
      quarantine.push({
        line: row.line,
        raw: row.raw,
        reasonCode: partsKept ? 'region_includes_parts' : 'duplicate_region_spelling',
        reason: partsKept
          ? `строка ${row.line}, поле «регион»: «${text}» включает автономные округа, которые импортируются как отдельные субъекты; чтобы не считать их дважды, для субъекта «${subject.name}» берутся строки «(кроме …)»`
          : `строка ${row.line}, поле «регион»: «${text}» — другое написание субъекта «${subject.name}», уже взятого из строк с написанием «${kept}»`,
      });
      return null;
    }
    return subject.code;
  };
}

type IndustryMatch =
  | { code: string }
  | { reasonCode: 'unknown_industry' | 'ambiguous_industry' | 'total_row'; reason: string };

function industryMatcher(reference: MatchingReference): (row: SourceRow) => IndustryMatch {
  const unknown = (row: SourceRow, what: string): IndustryMatch => ({
    reasonCode: 'unknown_industry',
    reason:
      row.industry.trim() === ''
        ? `строка ${row.line}, поле «отрасль»: не указана`
        : `строка ${row.line}, поле «отрасль»: «${row.industry.trim()}» не найден(а) ${what}`,
  });
  const total = (row: SourceRow): IndustryMatch | null =>
    /^(всего|итого)/.test(normalizeOkvedName(row.industry))
      ? {
          reasonCode: 'total_row',
          reason: `строка ${row.line}, поле «отрасль»: «${row.industry.trim()}» — итог по всем видам деятельности, не отрасль; итоги считаются по отраслям`,
        }
      : null;

  if (reference.classification === 'cluster_category') {
    const byKey = new Map<string, string>();
    for (const c of reference.categories) {
      byKey.set(c.code.toLowerCase(), c.code);
      byKey.set(normalizeOkvedName(c.name), c.code);
    }
    return (row) => {
      const text = row.industry.trim();
      const code = byKey.get(text.toLowerCase()) ?? byKey.get(normalizeOkvedName(text));
      return code ? { code } : (total(row) ?? unknown(row, 'среди кластерных категорий'));
    };
  }

  const codes = new Set(reference.okved.map((o) => o.code));
  const byName = new Map<string, (typeof reference.okved)[number][]>();
  for (const entry of reference.okved) {
    const key = normalizeOkvedName(entry.name);
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const sectionByName = new Map(
    reference.okved
      .filter((o) => o.level === 'section')
      .map((o) => [normalizeOkvedName(o.name), o.code]),
  );

  return (row) => {
    const text = row.industry.trim();
    if (isOkvedCode(text)) return { code: text };
    const totalRow = total(row);
    if (totalRow) return totalRow;
    let candidates = byName.get(normalizeOkvedName(text)) ?? [];
    if (candidates.length === 0) {
      return unknown(
        row,
        `в справочнике ОКВЭД2${codes.size < 200 ? ' (в базе только разделы и классы; группы и подгруппы появятся после «promatlas import okved»)' : ''}`,
      );
    }
    if (row.sectionHint !== undefined) {
      const section = sectionByName.get(normalizeOkvedName(row.sectionHint));
      const inSection = candidates.filter((c) => c.section === section);
      if (inSection.length > 0) candidates = inSection;
    }
    if (candidates.length > 1 && row.industryLevel) {
      const atLevel = candidates.filter((c) => c.level === row.industryLevel);
      if (atLevel.length > 0) candidates = atLevel;
    }
    if (candidates.length > 1) {
      // The same name on a code and its descendants is one activity: take the upper code.
      const sorted = [...candidates].sort((a, b) => a.code.length - b.code.length);
      const top = sorted[0]!;
      if (sorted.every((c) => c.code.startsWith(top.code))) candidates = [top];
    }
    if (candidates.length > 1)
      return {
        reasonCode: 'ambiguous_industry',
        reason: `строка ${row.line}, поле «отрасль»: «${text}» соответствует нескольким кодам ОКВЭД2 (${candidates.map((c) => c.code).join(', ')})`,
      };
    return { code: candidates[0]!.code };
  };
}
