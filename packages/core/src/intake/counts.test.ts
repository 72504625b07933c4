import { describe, expect, it } from 'vitest';
import { findCounts } from './counts.ts';
import { findPercents } from './percents.ts';

describe('findCounts', () => {
  it.each([
    ['в ОЭЗ работают 60 резидентов', '60 резидентов', 60, null, 'exact', 'резидентов'],
    ['откроется 4 новых завода.', '4 новых завода', 4, null, 'exact', 'новых завода'],
    ['объединит около 30 участников', 'около 30 участников', 30, null, 'about', 'участников'],
    ['уже два проекта кластера', 'два проекта', 2, null, 'exact', 'проекта'],
    ['липчанам от 14 до 35 лет', 'от 14 до 35 лет', 14, 35, 'range', 'лет'],
    ['задержано более 30 человек', 'более 30 человек', 30, null, 'more_than', 'человек'],
  ] as const)('%s → %s', (input, text, value, valueMax, qualifier, of) => {
    const found = findCounts(input, []);
    expect(found).toEqual([
      {
        text,
        start: input.indexOf(text),
        end: input.indexOf(text) + text.length,
        value,
        valueMax,
        qualifier,
        of,
      },
    ]);
  });

  it('skips numbers already taken by a date or money mention', () => {
    const text = '5 декабря 2017 года';
    expect(findCounts(text, [{ text, start: 0, end: text.length }])).toEqual([]);
  });

  it('does not count years or prepositions', () => {
    expect(findCounts('в 2013 в городе', [])).toEqual([]);
  });
});

describe('findPercents', () => {
  it('reads the value and an up-to qualifier', () => {
    expect(findPercents('субсидировать затраты до 50 %')).toEqual([
      { text: 'до 50 %', start: 22, end: 29, value: 50, qualifier: 'up_to' },
    ]);
  });

  it('reads decimal percents written as words', () => {
    expect(findPercents('рост на 5,5 процента')[0]).toMatchObject({
      value: 5.5,
      qualifier: 'exact',
    });
  });
});
