import { describe, expect, it } from 'vitest';
import { FEDERAL_DISTRICTS, FEDERAL_SUBJECTS } from './federal-subjects.ts';

const byName = (name: string) => {
  const subject = FEDERAL_SUBJECTS.find((s) => s.name === name);
  if (!subject) throw new Error(`no subject named ${name}`);
  return subject;
};

describe('FEDERAL_DISTRICTS', () => {
  it('lists the 8 federal districts with unique codes and full names', () => {
    expect(FEDERAL_DISTRICTS).toHaveLength(8);
    expect(new Set(FEDERAL_DISTRICTS.map((d) => d.code)).size).toBe(8);
    for (const district of FEDERAL_DISTRICTS) {
      expect(district.fullName).toBe(`${district.name} федеральный округ`);
    }
  });
});

describe('FEDERAL_SUBJECTS', () => {
  it('lists all 89 federal subjects', () => {
    expect(FEDERAL_SUBJECTS).toHaveLength(89);
  });

  it('has the constitutional mix of kinds: 24 republics, 9 krais, 48 oblasts, 3 federal cities, 1 autonomous oblast, 4 autonomous okrugs', () => {
    const count = (kind: string) => FEDERAL_SUBJECTS.filter((s) => s.kind === kind).length;
    expect(count('republic')).toBe(24);
    expect(count('krai')).toBe(9);
    expect(count('oblast')).toBe(48);
    expect(count('federal_city')).toBe(3);
    expect(count('autonomous_oblast')).toBe(1);
    expect(count('autonomous_okrug')).toBe(4);
  });

  it('has unique codes, names, ОКАТО, ОКТМО and ISO codes', () => {
    const unique = (values: (string | null)[]) => {
      const present = values.filter((v): v is string => v !== null);
      expect(new Set(present).size).toBe(present.length);
    };
    unique(FEDERAL_SUBJECTS.map((s) => s.code));
    unique(FEDERAL_SUBJECTS.map((s) => s.name));
    unique(FEDERAL_SUBJECTS.map((s) => s.okato));
    unique(FEDERAL_SUBJECTS.map((s) => s.oktmo));
    unique(FEDERAL_SUBJECTS.map((s) => s.iso3166_2));
  });

  it('uses every federal district and only known ones', () => {
    const known = new Set(FEDERAL_DISTRICTS.map((d) => d.code));
    const used = new Set(FEDERAL_SUBJECTS.map((s) => s.federalDistrict));
    expect(used).toEqual(known);
  });

  it('keeps codes in the documented shapes', () => {
    for (const s of FEDERAL_SUBJECTS) {
      expect(s.code).toMatch(/^\d{2}(\d{3})?$/);
      if (s.okato !== null) {
        expect(s.okato).toMatch(/^\d{11}$/);
        // The primary key is the ОКАТО prefix.
        expect(s.okato.startsWith(s.code)).toBe(true);
      }
      if (s.oktmo !== null) expect(s.oktmo).toMatch(/^\d{8}$/);
      if (s.iso3166_2 !== null) expect(s.iso3166_2).toMatch(/^RU-[A-Z]{2,3}$/);
      // A missing ISO code is always explained.
      expect(s.iso3166_2 === null).toBe(s.isoNote !== null);
    }
  });

  it('uses five-digit codes only for the autonomous okrugs inside another subject', () => {
    const fiveDigit = FEDERAL_SUBJECTS.filter((s) => s.code.length === 5).map((s) => s.name);
    expect(fiveDigit.sort()).toEqual(
      [
        'Ненецкий автономный округ',
        'Ханты-Мансийский автономный округ — Югра',
        'Ямало-Ненецкий автономный округ',
      ].sort(),
    );
  });

  it('describes Липецкая область', () => {
    expect(byName('Липецкая область')).toMatchObject({
      code: '42',
      shortName: 'Липецкая обл.',
      kind: 'oblast',
      okato: '42000000000',
      oktmo: '42000000',
      iso3166_2: 'RU-LIP',
      federalDistrict: 'CFD',
    });
    expect(FEDERAL_DISTRICTS.find((d) => d.code === 'CFD')?.name).toBe('Центральный');
  });

  it('describes Ханты-Мансийский автономный округ — Югра with its own ОКТМО', () => {
    expect(byName('Ханты-Мансийский автономный округ — Югра')).toMatchObject({
      code: '71100',
      okato: '71100000000',
      oktmo: '71800000',
      iso3166_2: 'RU-KHM',
      federalDistrict: 'UFD',
    });
  });

  it('has no RU ISO code for Crimea, Sevastopol and the four subjects admitted in 2022', () => {
    const withoutIso = FEDERAL_SUBJECTS.filter((s) => s.iso3166_2 === null).map((s) => s.name);
    expect(withoutIso.sort()).toEqual(
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

  it('places the four subjects admitted in 2022 in the Southern district', () => {
    for (const name of [
      'Донецкая Народная Республика',
      'Луганская Народная Республика',
      'Запорожская область',
      'Херсонская область',
    ]) {
      expect(byName(name).federalDistrict).toBe('SFD');
    }
  });

  it('gives Moscow and Moscow oblast their distinct codes', () => {
    expect(byName('Москва')).toMatchObject({
      code: '45',
      iso3166_2: 'RU-MOW',
      kind: 'federal_city',
    });
    expect(byName('Московская область')).toMatchObject({ code: '46', iso3166_2: 'RU-MOS' });
  });
});
