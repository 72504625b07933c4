import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEDERAL_DISTRICTS, FEDERAL_SUBJECTS, type FederalSubject } from './federal-subjects.ts';
import { matchFederalSubject } from './match-federal-subject.ts';

// Repository root is four levels above packages/core/src/regions; the shared
// reference data lives beside it (see ../shared/data/README.md).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const HFLABS_CSV = path.resolve(repoRoot, '../shared/data/regions-hflabs.csv');

interface HflabsRegion {
  name: string;
  nameWithType: string;
  federalDistrict: string;
  okato: string;
  oktmo: string;
  isoCode: string;
}

/** The HFLabs file has no quoted fields (checked below), so a plain split suffices. */
function readHflabs(): HflabsRegion[] {
  if (!existsSync(HFLABS_CSV)) {
    throw new Error(`Reference file not found: ${HFLABS_CSV} (../shared/data/regions-hflabs.csv)`);
  }
  const text = readFileSync(HFLABS_CSV, 'utf8');
  if (text.includes('"')) throw new Error(`${HFLABS_CSV} now has quoted fields; use a CSV parser`);
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header!.split(',');
  const column = (row: string[], name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`${HFLABS_CSV}: no column ${name}`);
    return row[i] ?? '';
  };
  return rows.map((line) => {
    const row = line.split(',');
    return {
      name: column(row, 'name'),
      nameWithType: column(row, 'name_with_type'),
      federalDistrict: column(row, 'federal_district'),
      okato: column(row, 'okato'),
      oktmo: column(row, 'oktmo'),
      isoCode: column(row, 'iso_code'),
    };
  });
}

const hflabs = readHflabs();
// HFLabs has no code column of its own; its ОКАТО identifies the subject.
const subjectByOkato = new Map(FEDERAL_SUBJECTS.map((s) => [s.okato, s]));
const pairs: [HflabsRegion, FederalSubject][] = hflabs.flatMap((region) => {
  const subject = subjectByOkato.get(region.okato);
  return subject ? [[region, subject] as [HflabsRegion, FederalSubject]] : [];
});
const districtName = new Map(FEDERAL_DISTRICTS.map((d) => [d.code, d.name]));

describe('FEDERAL_SUBJECTS against the HFLabs region dataset', () => {
  it('finds every HFLabs region among our subjects except Байконур, which is no federal subject', () => {
    const missing = hflabs.filter((r) => !subjectByOkato.has(r.okato)).map((r) => r.name);
    expect(missing).toEqual(['Байконур']);
    expect(pairs).toHaveLength(85);
  });

  it.each(pairs.map(([r, s]) => [r.nameWithType, r, s] as const))(
    'agrees on ОКТМО, federal district and ISO code for %s',
    (_, region, subject) => {
      expect(subject.oktmo).toBe(region.oktmo);
      expect(districtName.get(subject.federalDistrict)).toBe(region.federalDistrict);
      if (region.isoCode.startsWith('RU-')) {
        expect(subject.iso3166_2).toBe(region.isoCode);
      } else {
        // Crimea and Sevastopol: HFLabs carries ISO's UA- code, we keep none.
        expect(subject.iso3166_2).toBeNull();
        expect(subject.isoNote).toContain(region.isoCode);
      }
    },
  );

  it.each(pairs.map(([r, s]) => [r.nameWithType, s.name, s] as const))(
    'matches the HFLabs spelling %s to %s',
    (nameWithType, _, subject) => {
      expect(matchFederalSubject(nameWithType)).toBe(subject);
    },
  );
});
