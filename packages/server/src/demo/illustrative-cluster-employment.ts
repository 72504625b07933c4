import { DEFAULT_CLUSTER_CATEGORIES } from '@promatlas/core/clusters/default-cluster-categories.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { createRandom } from '@promatlas/core/ratings/random.ts';

/**
 * ILLUSTRATIVE, NOT REAL: made-up employment by federal subject × cluster
 * category for 2019–2023, so the cluster pages show something on a fresh
 * embedded install. Generated deterministically from a fixed seed (mulberry32),
 * never presented as statistics: the dataset's name starts with «Иллюстративные
 * данные», its `illustrative` flag is set and every analysis of it carries a
 * note saying so. Real data come from imports (e.g. the Rosstat file the tests use).
 *
 * Shape, chosen to look like a regional economy without claiming to be one:
 * region sizes are log-uniform between 60 thousand and 4 million jobs; local
 * categories follow a common national share with ±15 % noise (local industries
 * are spread in proportion to population, as CMP observes); traded categories
 * have a national share times a log-normal regional factor, plus 2–4 boosted
 * specialisations per region, so strong clusters emerge; each year moves every
 * cell by −4…+6 %. Липецкая область's boosts are set to metallurgy and
 * machinery so the demo connects with the seed documents about its clusters —
 * a demonstration choice, stated here, not a finding.
 */
export const ILLUSTRATIVE_DATASET = {
  name: 'Иллюстративные данные: занятость по кластерным категориям (не реальная статистика)',
  description:
    'Выдуманные данные для демонстрации страниц кластерного анализа. Сгенерированы детерминированно (зерно 20241122) по правилам, описанным в packages/server/src/demo/illustrative-cluster-employment.ts. Не использовать как статистику.',
  unit: 'человек',
  seed: 20241122,
  years: [2019, 2020, 2021, 2022, 2023],
} as const;

/** The four subjects admitted in 2022 have no boundaries on the demo map; the 85 others take part. */
const EXCLUDED = new Set(['21', '43', '23', '74']);

/** Rough national shares of employment by category (illustrative weights, summing to about 1). */
const LOCAL_SHARE = 0.7;

export interface IllustrativeValue {
  regionCode: string;
  categoryCode: string;
  year: number;
  value: number;
}

export function illustrativeClusterEmployment(): IllustrativeValue[] {
  const random = createRandom(ILLUSTRATIVE_DATASET.seed);
  const normal = () => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const traded = DEFAULT_CLUSTER_CATEGORIES.filter((c) => c.type === 'traded');
  const local = DEFAULT_CLUSTER_CATEGORIES.filter((c) => c.type === 'local');
  const tradedWeights = traded.map(() => 0.3 + random());
  const localWeights = local.map(() => 0.3 + random());
  const tradedSum = tradedWeights.reduce((a, b) => a + b, 0);
  const localSum = localWeights.reduce((a, b) => a + b, 0);

  const values: IllustrativeValue[] = [];
  for (const subject of FEDERAL_SUBJECTS) {
    if (EXCLUDED.has(subject.code)) continue;
    const size = Math.exp(Math.log(60_000) + random() * Math.log(4_000_000 / 60_000));
    const boosted = new Set<string>();
    if (subject.code === '42') ['metallurgy', 'machinery'].forEach((c) => boosted.add(c));
    else {
      const count = 2 + Math.floor(random() * 3);
      while (boosted.size < count) boosted.add(traded[Math.floor(random() * traded.length)]!.code);
    }
    const base = new Map<string, number>();
    traded.forEach((c, k) => {
      const factor = Math.exp(0.6 * normal()) * (boosted.has(c.code) ? 2.5 + 2.5 * random() : 1);
      base.set(c.code, size * (1 - LOCAL_SHARE) * (tradedWeights[k]! / tradedSum) * factor);
    });
    local.forEach((c, k) =>
      base.set(
        c.code,
        size * LOCAL_SHARE * (localWeights[k]! / localSum) * (0.85 + 0.3 * random()),
      ),
    );
    for (const year of ILLUSTRATIVE_DATASET.years) {
      for (const [categoryCode, value] of base) {
        values.push({ regionCode: subject.code, categoryCode, year, value: Math.round(value) });
        base.set(categoryCode, value * (0.96 + 0.1 * random()));
      }
    }
  }
  return values;
}
