import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

const places = (text: string) =>
  extractIntake(text).places.map(({ text: t, normalized, level, regionCode }) => ({
    t,
    normalized,
    level,
    regionCode,
  }));

describe('places', () => {
  it('finds federal subjects in any case with their code and the nominative', () => {
    expect(places('губернатора Липецкой области и врио главы Тамбовской области')).toEqual([
      { t: 'Липецкой области', normalized: 'Липецкая область', level: 'subject', regionCode: '42' },
      {
        t: 'Тамбовской области',
        normalized: 'Тамбовская область',
        level: 'subject',
        regionCode: '68',
      },
    ]);
  });

  it('finds republics, krais and federal cities', () => {
    expect(
      places('в Республике Татарстан, Краснодарском крае и Москве').map((p) => [
        p.normalized,
        p.regionCode,
      ]),
    ).toEqual([
      ['Республика Татарстан', '92'],
      ['Краснодарский край', '03'],
      ['Москва', '45'],
    ]);
  });

  it('finds countries and cities, and towns after г. and villages after с.', () => {
    expect(places('из России и Белоруссии (г.Елец, с.Хлевное)')).toEqual([
      { t: 'России', normalized: 'Россия', level: 'country', regionCode: null },
      { t: 'Белоруссии', normalized: 'Беларусь', level: 'country', regionCode: null },
      { t: 'Елец', normalized: 'Елец', level: 'city', regionCode: '42' },
      { t: 'Хлевное', normalized: 'Хлевное', level: 'settlement', regionCode: null },
    ]);
  });

  it('finds named places with a descriptor noun', () => {
    expect(places('митинг на Тверской площади')).toEqual([
      { t: 'Тверской площади', normalized: 'Тверская площадь', level: 'other', regionCode: null },
    ]);
  });

  it('does not take a given name for a city', () => {
    expect(places('Владимир Путин приехал')).toEqual([]);
  });
});
