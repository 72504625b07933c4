import { describe, expect, it } from 'vitest';
import { findMoney } from './money.ts';
import type { Qualifier } from './types.ts';

// Specification table: input → the one money mention expected in it.
const TABLE: [string, string, number, number | null, Qualifier][] = [
  // input, mention text, amountRub, amountRubMax, qualifier
  [
    'привлечено почти 7,4 млрд рублей инвестиций',
    'почти 7,4 млрд рублей',
    7_400_000_000,
    null,
    'about',
  ],
  [
    'на общую сумму более 600 миллионов рублей.',
    'более 600 миллионов рублей',
    600_000_000,
    null,
    'more_than',
  ],
  [
    'потребуется 7-8 миллиардов рублей',
    '7-8 миллиардов рублей',
    7_000_000_000,
    8_000_000_000,
    'range',
  ],
  ['от 5 до 7 млн рублей на проект', 'от 5 до 7 млн рублей', 5_000_000, 7_000_000, 'range'],
  ['гранты до 30 млн руб. каждому', 'до 30 млн руб.', 30_000_000, null, 'up_to'],
  ['около 1,5 трлн рублей', 'около 1,5 трлн рублей', 1_500_000_000_000, null, 'about'],
  ['штраф 500 тыс. рублей', '500 тыс. рублей', 500_000, null, 'exact'],
  ['стоимость 1 250 000 рублей', '1 250 000 рублей', 1_250_000, null, 'exact'],
  ['свыше 2 млрд ₽', 'свыше 2 млрд ₽', 2_000_000_000, null, 'more_than'],
  ['не менее 100 млн рублей', 'не менее 100 млн рублей', 100_000_000, null, 'more_than'],
  [
    'порядка трёх миллиардов рублей',
    'порядка трёх миллиардов рублей',
    3_000_000_000,
    null,
    'about',
  ],
  ['за 350 рублей', '350 рублей', 350, null, 'exact'],
];

describe('findMoney', () => {
  it.each(TABLE)('%s → %s', (input, text, amountRub, amountRubMax, qualifier) => {
    const found = findMoney(input);
    expect(found).toHaveLength(1);
    const m = found[0]!;
    expect(m).toEqual({
      text,
      start: input.indexOf(text),
      end: input.indexOf(text) + text.length,
      amountRub,
      amountRubMax,
      qualifier,
    });
  });

  it('does not take a scale word without a currency for money', () => {
    expect(findMoney('в регионе живут 1,1 млн человек')).toEqual([]);
  });

  it('does not take a bare number for money', () => {
    expect(findMoney('В 2023 году открыто 4 завода.')).toEqual([]);
  });
});
