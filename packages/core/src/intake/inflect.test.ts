import { describe, expect, it } from 'vitest';
import { adjectiveToNominative, nounToNominative, phraseForms, wordForms } from './inflect.ts';
import { ORG_HEAD_LEXICON } from './org-phrase.ts';

describe('inflect', () => {
  it('declines adjective + noun names in every case', () => {
    expect(phraseForms('Липецкая область')).toEqual(
      expect.arrayContaining(['Липецкой области', 'Липецкую область', 'Липецкой областью']),
    );
    expect(phraseForms('Краснодарский край')).toEqual(
      expect.arrayContaining(['Краснодарского края', 'Краснодарскому краю', 'Краснодарском крае']),
    );
  });

  it('declines feminine, masculine and neuter nouns', () => {
    expect(wordForms('Москва')).toEqual([
      'Москва',
      'Москвы',
      'Москве',
      'Москву',
      'Москвой',
      'Москве',
    ]);
    expect(wordForms('правительство')).toEqual([
      'правительство',
      'правительства',
      'правительству',
      'правительство',
      'правительством',
      'правительстве',
    ]);
    expect(wordForms('Россия')).toContain('России');
  });

  it('puts oblique heads and adjectives back into the nominative', () => {
    expect(nounToNominative('Ассоциации', ORG_HEAD_LEXICON)).toBe('Ассоциация');
    expect(nounToNominative('управления', ORG_HEAD_LEXICON)).toBe('управление');
    expect(nounToNominative('Департамента', ORG_HEAD_LEXICON)).toBe('Департамент');
    expect(adjectiveToNominative('Тамбовской', 'f')).toBe('Тамбовская');
    expect(adjectiveToNominative('столичного', 'm')).toBe('столичный');
    expect(adjectiveToNominative('Липецкого', 'm')).toBe('Липецкий');
  });
});
