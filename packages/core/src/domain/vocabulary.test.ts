import { describe, expect, it } from 'vitest';
import {
  LINK_ROLES,
  MEMBERSHIP_ROLES,
  PARTICIPATION_ROLES,
  PARTY_ROLES,
  PROJECT_PARTICIPANT_ROLES,
  SITE_KINDS,
  VOCABULARIES,
} from './vocabulary.ts';

describe('controlled vocabularies', () => {
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) {
    it(`${name} has a non-empty Russian and English label for every value`, () => {
      expect(vocabulary.values.length).toBeGreaterThan(0);
      for (const value of vocabulary.values) {
        const term = (vocabulary.terms as Record<string, { ru: string; en: string }>)[value];
        expect(term?.ru.trim(), `${name}.${value}.ru`).toBeTruthy();
        expect(term?.en.trim(), `${name}.${value}.en`).toBeTruthy();
        // The Russian label is Cyrillic and the English one is not, so a label left untranslated shows.
        expect(term?.ru, `${name}.${value}.ru`).toMatch(/[а-яё]/i);
        expect(term?.en, `${name}.${value}.en`).not.toMatch(/[а-яё]/i);
      }
    });

    it(`${name} stores snake_case keys, each once`, () => {
      for (const value of vocabulary.values) expect(value).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(new Set(vocabulary.values).size).toBe(vocabulary.values.length);
    });
  }

  it('labels a value in either language and shows an unknown value as it is', () => {
    expect(SITE_KINDS.label('sez')).toBe('Особая экономическая зона');
    expect(SITE_KINDS.label('sez', 'en')).toBe('Special economic zone');
    expect(SITE_KINDS.labels.technopark).toBe('Технопарк');
    expect(SITE_KINDS.labelsEn.technopark).toBe('Technopark');
    expect(SITE_KINDS.label('free_port')).toBe('free_port');
    expect(SITE_KINDS.label(null)).toBe('');
    expect(SITE_KINDS.has('tor')).toBe(true);
    expect(SITE_KINDS.has('toString')).toBe(false);
  });

  it('the profile role namespace holds every relation role with the same labels', () => {
    for (const roles of [
      MEMBERSHIP_ROLES,
      PARTICIPATION_ROLES,
      PARTY_ROLES,
      PROJECT_PARTICIPANT_ROLES,
    ]) {
      for (const value of roles.values) {
        expect(LINK_ROLES.terms[value]).toEqual(
          (roles.terms as Record<string, { ru: string; en: string }>)[value],
        );
      }
    }
  });
});
