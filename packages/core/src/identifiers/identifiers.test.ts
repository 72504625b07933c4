import { describe, expect, it } from 'vitest';
import { checkInn } from './inn.ts';
import { checkOgrn } from './ogrn.ts';
import { isValidKpp } from './kpp.ts';

// Real, published identifiers of large companies (ПАО Сбербанк, ПАО «Газпром»,
// ООО «Яндекс»), so the checksums are verified against reality, not our code.
describe('checkInn', () => {
  it('accepts real 10-digit ИНН of legal entities', () => {
    for (const inn of ['7707083893', '7736050003', '7736207543']) {
      expect(checkInn(inn)).toEqual({ valid: true, kind: 'legal_entity' });
    }
  });
  it('accepts a 12-digit ИНН of an individual with both check digits right', () => {
    expect(checkInn('500100732259')).toEqual({ valid: true, kind: 'individual' });
  });
  it('rejects a 10-digit ИНН with one digit changed', () => {
    expect(checkInn('7707083894')).toEqual({ valid: false, problem: 'checksum' });
  });
  it('rejects a 12-digit ИНН whose second check digit is wrong', () => {
    expect(checkInn('500100732258')).toEqual({ valid: false, problem: 'checksum' });
  });
  it('rejects wrong lengths and non-digits as a format problem', () => {
    for (const inn of ['', '770708389', '77070838931', 'abcdefghij', '7707 08389']) {
      expect(checkInn(inn)).toEqual({ valid: false, problem: 'format' });
    }
  });
});

describe('checkOgrn', () => {
  it('accepts real ОГРН of legal entities', () => {
    for (const ogrn of ['1027700132195', '1027700070518', '1027700229193']) {
      expect(checkOgrn(ogrn)).toEqual({ valid: true, kind: 'legal_entity' });
    }
  });
  it('accepts a 15-digit ОГРНИП starting with 3', () => {
    expect(checkOgrn('304500116000157')).toEqual({
      valid: true,
      kind: 'individual_entrepreneur',
    });
  });
  it('rejects a changed last digit', () => {
    expect(checkOgrn('1027700132196')).toEqual({ valid: false, problem: 'checksum' });
  });
  it('rejects a 13-digit number that does not start with 1 or 5', () => {
    expect(checkOgrn('3027700132195')).toEqual({ valid: false, problem: 'sign' });
  });
  it('rejects a 15-digit number that does not start with 3', () => {
    expect(checkOgrn('104500116000157')).toEqual({ valid: false, problem: 'sign' });
  });
  it('rejects other lengths', () => {
    expect(checkOgrn('102770013219')).toEqual({ valid: false, problem: 'format' });
  });
});

describe('isValidKpp', () => {
  it('accepts digit-only and letter reason codes', () => {
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
  });
  it('rejects lowercase letters, letters outside positions 5–6 and wrong length', () => {
    expect(isValidKpp('7736ab001')).toBe(false);
    expect(isValidKpp('A73601001')).toBe(false);
    expect(isValidKpp('77360100')).toBe(false);
  });
});
