import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEDERAL_DISTRICTS, FEDERAL_SUBJECTS } from './federal-subjects.ts';
import { matchFederalSubject, normalizeRegionName } from './match-federal-subject.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ROSSTAT_CSV = path.resolve(
  repoRoot,
  '../shared/data/rosstat-org-counts-by-region-okved-2017-2022.csv',
);

/** Minimal RFC 4180 reader (quotes, doubled quotes); core has no CSV dependency. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function rosstatRegionSpellings(): string[] {
  if (!existsSync(ROSSTAT_CSV)) {
    throw new Error(
      `Reference file not found: ${ROSSTAT_CSV} (../shared/data/rosstat-org-counts-by-region-okved-2017-2022.csv)`,
    );
  }
  const rows = parseCsv(readFileSync(ROSSTAT_CSV, 'utf8'));
  // Title row, blank row and two header rows precede the data (data/README.md).
  const spellings = rows
    .slice(4)
    .map((row) => (row[1] ?? '').trim())
    .filter((s) => s !== '');
  return [...new Set(spellings)];
}

const AGGREGATES = new Set(['Российская Федерация', ...FEDERAL_DISTRICTS.map((d) => d.fullName)]);

describe('matchFederalSubject', () => {
  it('finds a subject by its official name, short name and aliases', () => {
    for (const subject of FEDERAL_SUBJECTS) {
      for (const spelling of [subject.name, subject.shortName, ...subject.aliases]) {
        expect(matchFederalSubject(spelling), spelling).toBe(subject);
      }
    }
  });

  it.each([
    ['Липецкая обл.', '42'],
    ['липецкая обл', '42'],
    ['  ЛИПЕЦКАЯ   ОБЛАСТЬ ', '42'],
    ['г. Москва', '45'],
    ['г.Москва', '45'],
    ['г Москва', '45'],
    ['Москва г.', '45'],
    ['город Москва', '45'],
    ['г. Севастополь', '67'],
    ['Респ Адыгея', '79'],
    ['респ. Татарстан', '92'],
    ['Кабардино-Балкарская Респ', '83'],
    ['Республика Саха (Якутия)', '98'],
    ['Респ Саха /Якутия/', '98'],
    ['Республика Северная Осетия – Алания', '90'],
    ['Республика Северная Осетия-Алания', '90'],
    ['Кемеровская область - Кузбасс', '32'],
    ['Кемеровская область — Кузбасс', '32'],
    ['Чувашская Республика - Чувашия', '97'],
    ['Ханты-Мансийский автономный округ - Югра', '71100'],
    ['Ханты-Мансийский Автономный округ - Югра', '71100'],
    ['Ненецкий автономный округ (Архангельская область)', '11100'],
    ['Еврейская Аобл', '99'],
    ['Орёл', undefined],
    ['«Республика Марий Эл»', '88'],
  ])('matches %j to subject %s', (spelling, code) => {
    expect(matchFederalSubject(spelling)?.code).toBe(code);
  });

  it('does not confuse Moscow with Moscow oblast, or Altai Republic with Altai krai', () => {
    expect(matchFederalSubject('Москва')?.code).toBe('45');
    expect(matchFederalSubject('Московская обл.')?.code).toBe('46');
    expect(matchFederalSubject('Республика Алтай')?.code).toBe('84');
    expect(matchFederalSubject('Алтайский край')?.code).toBe('01');
    expect(matchFederalSubject('Алтай')).toBeUndefined();
  });

  it('gives undefined for aggregates and empty input', () => {
    for (const aggregate of AGGREGATES) expect(matchFederalSubject(aggregate)).toBeUndefined();
    expect(matchFederalSubject('')).toBeUndefined();
    expect(matchFederalSubject('   ')).toBeUndefined();
  });

  it('normalises ё, dashes, quotes and abbreviations', () => {
    expect(normalizeRegionName('Орловская  обл.')).toBe('орловская область');
    expect(normalizeRegionName('«Северная Осетия — Алания»')).toBe('северная осетия-алания');
    expect(normalizeRegionName('Ёлкино')).toBe('елкино');
  });
});

describe('matchFederalSubject on the Rosstat organisation counts table', () => {
  const spellings = rosstatRegionSpellings();
  const unmatched = spellings.filter((s) => !AGGREGATES.has(s) && !matchFederalSubject(s));

  it('matches every region spelling of the table, aggregates aside', () => {
    expect(unmatched).toEqual([]);
  });

  it('never matches an aggregate row to a subject', () => {
    for (const s of spellings.filter((s) => AGGREGATES.has(s))) {
      expect(matchFederalSubject(s)).toBeUndefined();
    }
  });

  it('covers 83 subjects through 85 spellings', () => {
    // The export (2017–2022) has no aggregate rows and no rows for Crimea and
    // Sevastopol; Архангельская and Тюменская appear both whole and "(кроме
    // …)" their okrugs, so 85 spellings denote 83 distinct subjects.
    expect(spellings).toHaveLength(85);
    const subjects = new Set(spellings.map((s) => matchFederalSubject(s)?.code));
    expect(subjects.size).toBe(83);
    const absent = FEDERAL_SUBJECTS.filter((s) => !subjects.has(s.code)).map((s) => s.name);
    expect(absent.sort()).toEqual(
      [
        'Республика Крым',
        'Севастополь',
        'Донецкая Народная Республика',
        'Луганская Народная Республика',
        'Запорожская область',
        'Херсонская область',
      ].sort(),
    );
  });
});
