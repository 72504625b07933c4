import { describe, expect, it } from 'vitest';
import { contractIso, INTAKE_CONTRACT_KEYS, toIntakeContract } from './contract.ts';
import { extractIntake } from './extract.ts';

describe('the intake contract', () => {
  it.each([
    ['2024-03-14', '2024-03-14'],
    ['2024-03', '2024-03'],
    ['2024', '2024'],
    ['2024-21', '2024-03'],
    ['2024-22', '2024-06'],
    ['2024-23', '2024-09'],
    ['2024-24', '2023-12'],
    ['2025-33', '2025-01'],
    ['2025-34', '2025-04'],
    ['2025-35', '2025-07'],
    ['2025-36', '2025-10'],
    ['2013-10-09/2013-10-10', '2013-10-09'],
    ['2020/2022', '2020'],
  ])('gives %s as %s', (iso, expected) => {
    expect(contractIso(iso)).toBe(expected);
  });

  it('gives seasons, quarters and ranges the iso of their start and keeps their precision', () => {
    const text =
      'Запуск запланирован весной 2024 года, стройка — во II квартале 2025 года, программа — на 2020–2022 годы, сессия прошла 9 и 10 октября 2013 года.';
    const dates = toIntakeContract(extractIntake(text)).dates;
    const byPrecision = Object.fromEntries(dates.map((d) => [d.precision, d.iso]));
    expect(byPrecision).toMatchObject({
      season: '2024-03',
      quarter: '2025-04',
      range: expect.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    });
    for (const d of dates) expect(d.iso).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it('has exactly the listed keys on every item, counts without an upper bound', () => {
    const text =
      'ОЭЗ «Липецк» на 14.03.2024 насчитывает 60 резидентов, от 14 до 35 лет, более 600 миллионов рублей, 50 %. Директор ООО «Ромашка» Иванов Иван Иванович подписал соглашение с Тамбовской областью 9 июля. Прошёл форум.';
    const out = toIntakeContract(extractIntake(text, { published: '2024-07-10' }));
    let seen = 0;
    for (const [key, keys] of Object.entries(INTAKE_CONTRACT_KEYS)) {
      for (const item of out[key as keyof typeof out]) {
        seen++;
        expect(Object.keys(item)).toEqual([...keys]);
      }
    }
    expect(out.counts.length).toBeGreaterThan(0);
    expect(seen).toBeGreaterThan(8);
  });
});
