import type { Methodology, RatingObjectType } from '@promatlas/core/ratings/index.ts';

/** Russian labels of the ratings vocabularies, for the API and exports. */

export const OBJECT_TYPE_LABELS: Record<RatingObjectType, string> = {
  sez: 'Особые экономические зоны',
  industrial_park: 'Индустриальные парки',
  technopark: 'Технопарки',
  cluster: 'Кластеры',
  region: 'Субъекты Российской Федерации',
};

export const NORMALISATION_LABELS: Record<string, string> = {
  min_max: 'мин–макс: (x − min) / (max − min), лучшее значение — 1',
  z_score: 'z-оценка: (x − среднее) / стандартное отклонение',
  rank: 'ранг: 1 − (число лучших значений) / (число значений − 1); первое место — 1, последнее — 0',
  distance_to_target: 'расстояние до целевого значения: 1 − недобор / наибольший недобор',
};

export const MISSING_VALUE_RULE_LABELS: Record<string, string> = {
  exclude: 'пропущенный показатель исключается, его вес переходит к остальным показателям группы',
  group_mean: 'пропуск заменяется средним нормированным значением по группе сравнения',
  zero: 'пропуск считается худшим значением (0 после нормализации)',
  disqualify: 'объект с пропуском снимается с рейтинга',
};

export const DIRECTION_LABELS: Record<string, string> = {
  higher_is_better: 'больше — лучше',
  lower_is_better: 'меньше — лучше',
};

export const LIFT_OUTCOME_LABELS: Record<string, string> = {
  lifts: 'достаточно довести показатель до требуемого значения',
  missing_value: 'значения нет — нужно его представить',
  zero_weight: 'показатель не имеет веса',
  constant_column: 'у всех объектов группы одинаковое значение',
  beyond_best: 'одного этого показателя не хватит: нужно больше лучшего возможного',
};

export const EDITION_KIND_LABELS = {
  computed: 'Расчёт PromAtlas по методике',
  published: 'Опубликовано издателем рейтинга',
} as const;

export function tieRuleLabel(tieRule: Methodology['tieRule']): string {
  const method =
    tieRule.method === 'competition'
      ? 'равные баллы делят место, следующее место пропускается (1, 2, 2, 4)'
      : 'равные баллы делят место, без пропуска (1, 2, 2, 3)';
  return `${method}; баллы, отличающиеся не более чем на ${tieRule.tolerance}, считаются равными`;
}

/** Dataset code of the demo's illustrative values; editions computed on it say so in their label. */
export const ILLUSTRATIVE_DATASET = 'illustrative';
export const ILLUSTRATIVE_LABEL = 'Иллюстративные данные';
