import type { IndicatorValue } from './edition.types.ts';
import type { Methodology } from './methodology.schema.ts';

// The 5 × 6 example worked by hand in computeEdition.test.ts and reused by
// explainScore, sensitivity and compareEditions tests.

const indicator = (
  code: string,
  group: string,
  weight: number,
  direction: 'higher_is_better' | 'lower_is_better',
) => ({
  code,
  name: `Показатель ${code}`,
  unit: 'ед.',
  direction,
  group,
  weight,
  source: 'пример',
  rationale: 'пример',
});

export const handWorkedMethodology: Methodology = {
  id: 'hand_worked',
  version: '1',
  title: 'Пример для проверки вручную',
  description: 'Пять объектов, шесть показателей, две группы',
  objectType: 'sez',
  peerGroups: { basis: 'одна группа', groups: [] },
  groups: [
    { code: 'a', name: 'Группа A', weight: 3 },
    { code: 'b', name: 'Группа B', weight: 2 },
  ],
  indicators: [
    indicator('a1', 'a', 2, 'higher_is_better'),
    indicator('a2', 'a', 1, 'higher_is_better'),
    indicator('a3', 'a', 1, 'lower_is_better'),
    indicator('b1', 'b', 1, 'higher_is_better'),
    indicator('b2', 'b', 1, 'lower_is_better'),
    indicator('b3', 'b', 2, 'higher_is_better'),
  ],
  normalisation: 'min_max',
  missingValueRule: 'exclude',
  tieRule: { method: 'competition', tolerance: 1e-9 },
};

const table: Record<string, number[]> = {
  o1: [10, 4, 5, 100, 10, 0.8],
  o2: [20, 1, 3, 300, 20, 0.2],
  o3: [30, 3, 1, 200, 30, 0.4],
  o4: [50, 0, 5, 500, 50, 0.6],
  o5: [0, 2, 2, 100, 10, 1.0],
};

export const handWorkedValues: IndicatorValue[] = Object.entries(table).flatMap(
  ([objectId, values]) =>
    values.map((value, j) => ({
      objectId,
      peerGroup: null,
      indicator: handWorkedMethodology.indicators[j]!.code,
      value,
    })),
);
