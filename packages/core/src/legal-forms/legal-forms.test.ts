import { describe, expect, it } from 'vitest';
import { findLegalForm, parseOrganisationName } from './legal-forms.ts';

describe('parseOrganisationName', () => {
  it('splits the abbreviation from a quoted name as the seeds write it', () => {
    const parsed = parseOrganisationName('ОАО «Энергия»');
    expect(parsed.legalForm?.abbreviation).toBe('ОАО');
    expect(parsed.name).toBe('«Энергия»');
  });
  it('keeps text between the form and the quoted name', () => {
    const parsed = parseOrganisationName('ООО ВПО «Электоаппарат» ВОС');
    expect(parsed.legalForm?.abbreviation).toBe('ООО');
    expect(parsed.name).toBe('ВПО «Электоаппарат» ВОС');
  });
  it('prefers the longest abbreviation (ФГБОУ ВО, not a shorter one)', () => {
    expect(parseOrganisationName('ФГБОУ ВО «ЛГТУ»').legalForm?.abbreviation).toBe('ФГБОУ ВО');
  });
  it('does not take a word that merely starts with letters of a form', () => {
    const parsed = parseOrganisationName('АОмега');
    expect(parsed.legalForm).toBeNull();
    expect(parsed.name).toBe('АОмега');
  });
  it('returns no legal form for a plain name', () => {
    expect(parseOrganisationName('Липецкий машиностроительный колледж').legalForm).toBeNull();
  });
  it('marks ЗАО and ОАО as historical forms', () => {
    expect(findLegalForm('зао')?.historical).toBe(true);
    expect(findLegalForm('ООО')?.historical).toBeUndefined();
  });
});
