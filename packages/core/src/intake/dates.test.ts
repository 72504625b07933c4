import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';
import type { DatePrecision } from './types.ts';

// Specification table: input, publication date, → mention text, iso, precision.
const TABLE: [string, string | undefined, string, string, DatePrecision][] = [
  [
    '05 декабря 2017 года состоялась сессия',
    undefined,
    '05 декабря 2017 года',
    '2017-12-05',
    'day',
  ],
  ['14 Март2024', undefined, '14 Март2024', '2024-03-14', 'day'],
  ['Встреча прошла 05.12.2017 в Липецке', undefined, '05.12.2017', '2017-12-05', 'day'],
  ['сессия 9–10.10.2013', undefined, '9–10.10.2013', '2013-10-09/2013-10-10', 'range'],
  [
    '9 и 10 октября 2013 года провели',
    undefined,
    '9 и 10 октября 2013 года',
    '2013-10-09/2013-10-10',
    'range',
  ],
  ['28 и 29 октября состоится', '2013-10-11', '28 и 29 октября', '2013-10-28/2013-10-29', 'range'],
  ['подписано 9 июля', '2024-07-12', '9 июля', '2024-07-09', 'day'],
  ['В четверг губернатор заявил', '2024-03-15', 'четверг', '2024-03-14', 'day'],
  ['в пятницу', '2024-03-15', 'пятницу', '2024-03-15', 'day'],
  ['вчера открылся завод', '2024-03-01', 'вчера', '2024-02-29', 'day'],
  ['в марте 2024 года', undefined, 'марте 2024 года', '2024-03', 'month'],
  ['в сентябре', '2023-01-20', 'сентябре', '2023-09', 'month'],
  ['запуск планируется весной', '2024-03-14', 'весной', '2024-21', 'season'],
  ['осенью 2025 года', undefined, 'осенью 2025 года', '2025-23', 'season'],
  ['во II квартале 2024 года', undefined, 'II квартале 2024 года', '2024-34', 'quarter'],
  ['по итогам 2022 года', undefined, '2022 года', '2022', 'year'],
  ['в 2023-м', undefined, '2023-м', '2023', 'year'],
  ['на ПМЭФ-2022', undefined, '2022', '2022', 'year'],
  ['программа на 2020–2022 годы', undefined, '2020–2022 годы', '2020/2022', 'range'],
  ['действовала с 2015 по 2020 год', undefined, 'с 2015 по 2020 год', '2015/2020', 'range'],
  ['В понедельник 28 июня у мэрии', '2010-06-29', 'понедельник 28 июня', '2010-06-28', 'day'],
];

describe('findDates', () => {
  it.each(TABLE)('%s (published %s) → %s', (input, published, text, iso, precision) => {
    const found = findDates(input, published);
    expect(found).toEqual([
      { text, start: input.indexOf(text), end: input.indexOf(text) + text.length, iso, precision },
    ]);
  });

  it('marks the year of a year-less date unknown when neither the text nor the publication gives one', () => {
    expect(findDates('9 июля')[0]?.iso).toBe('XXXX-07-09');
  });

  it('takes the year of a year-less date from the last full date before it when there is no publication date', () => {
    const found = findDates('5 мая 2019 года … 7 июня');
    expect(found.map((d) => d.iso)).toEqual(['2019-05-05', '2019-06-07']);
  });

  it('ignores impossible dates and plain numbers', () => {
    expect(findDates('31.02.2020 и 300 человек')).toEqual([]);
  });

  it('leaves a weekday unresolved without a publication date', () => {
    expect(findDates('в четверг')).toEqual([]);
  });
});
