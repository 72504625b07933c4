import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

const orgs = (text: string) =>
  extractIntake(text).organisations.map(({ text: t, name, legalForm, kind }) => ({
    t,
    name,
    legalForm,
    kind,
  }));

describe('organisations', () => {
  it('reads the legal form by its abbreviation and the name without quotes, nested quotes included', () => {
    expect(
      orgs(
        'компанией ООО «Центр консалтинга «Панацея» 9 октября и ЗАО «Индезит Интернэшнл» (г.Липецк)',
      ),
    ).toEqual([
      {
        t: 'ООО «Центр консалтинга «Панацея»',
        name: 'Центр консалтинга Панацея',
        legalForm: 'ООО',
        kind: 'company',
      },
      {
        t: 'ЗАО «Индезит Интернэшнл»',
        name: 'Индезит Интернэшнл',
        legalForm: 'ЗАО',
        kind: 'company',
      },
    ]);
  });

  it('reads a legal form written in full in an oblique case', () => {
    expect(
      orgs(
        'при поддержке областного автономного учреждения «Центр кластерного развития Липецкой области»',
      ),
    ).toEqual([
      {
        t: 'областного автономного учреждения «Центр кластерного развития Липецкой области»',
        name: 'Центр кластерного развития Липецкой области',
        legalForm: 'ОАУ',
        kind: 'other',
      },
    ]);
  });

  it('reads descriptor + quoted name and a body with its genitive tail, in the nominative', () => {
    expect(
      orgs(
        'белорусский холдинг «Амкодор» и директор Ассоциации кластеров, технопарков и ОЭЗ России заявил',
      ),
    ).toEqual([
      { t: 'холдинг «Амкодор»', name: 'Амкодор', legalForm: null, kind: 'company' },
      {
        t: 'Ассоциации кластеров, технопарков и ОЭЗ России',
        name: 'Ассоциация кластеров, технопарков и ОЭЗ России',
        legalForm: null,
        kind: 'association',
      },
    ]);
  });

  it('reads a regional government at the start of a sentence', () => {
    expect(
      orgs(
        'Правительство Курской области и АО «Корпорация развития Курской области» подписали соглашение.',
      ),
    ).toEqual([
      {
        t: 'Правительство Курской области',
        name: 'Правительство Курской области',
        legalForm: null,
        kind: 'government',
      },
      {
        t: 'АО «Корпорация развития Курской области»',
        name: 'Корпорация развития Курской области',
        legalForm: 'АО',
        kind: 'company',
      },
    ]);
  });

  it('finds known bodies with their country', () => {
    expect(orgs('поддержаны со стороны Минпромторга России')).toEqual([
      { t: 'Минпромторга России', name: 'Минпромторг России', legalForm: null, kind: 'government' },
    ]);
  });

  it('reports a place inside an organisation name as a place too', () => {
    const r = extractIntake('Ассоциация кластеров, технопарков и ОЭЗ России подписала соглашение.');
    expect(r.organisations[0]?.end).toBeGreaterThan(r.places[0]!.start);
    expect(r.places[0]).toMatchObject({ text: 'России', normalized: 'Россия', level: 'country' });
  });
});
