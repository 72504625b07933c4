import { z } from 'zod';

// A rating methodology is data, not code: the same engine (computeEdition) runs
// every methodology, and a methodology is versioned so that an edition computed
// in 2025 can be recomputed, explained and compared years later. Field
// descriptions double as API documentation (STYLE.md, Documenso habit).

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  error: 'код должен состоять из латинских строчных букв, цифр и «_» и начинаться с буквы',
});

const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what}: пустая строка` });

const weight = z
  .number({ error: 'вес должен быть числом' })
  .finite({ error: 'вес должен быть конечным числом' })
  .nonnegative({ error: 'вес не может быть отрицательным' });

/** What kind of object a methodology rates. */
export const ratingObjectTypeSchema = z
  .enum(['sez', 'industrial_park', 'technopark', 'cluster', 'region'])
  .describe('Тип оцениваемых объектов: ОЭЗ, индустриальный парк, технопарк, кластер, регион');
export type RatingObjectType = z.infer<typeof ratingObjectTypeSchema>;

export const indicatorDirectionSchema = z
  .enum(['higher_is_better', 'lower_is_better'])
  .describe('Направление: больше — лучше или меньше — лучше');
export type IndicatorDirection = z.infer<typeof indicatorDirectionSchema>;

/**
 * Normalisation methods; exact formulas are in normalisationParameters.ts.
 * All methods except z_score map onto [0, 1] with 1 = best.
 */
export const normalisationMethodSchema = z
  .enum(['min_max', 'z_score', 'rank', 'distance_to_target'])
  .describe('Метод нормализации: мин–макс, z-оценка, ранг, расстояние до целевого значения');
export type NormalisationMethod = z.infer<typeof normalisationMethodSchema>;

/** How a missing indicator value is treated; see applyMissingValueRule.ts. */
export const missingValueRuleSchema = z
  .enum(['exclude', 'group_mean', 'zero', 'disqualify'])
  .describe(
    'Правило для пропусков: исключить показатель (веса перераспределяются), среднее по группе сравнения, ноль, снять объект с рейтинга',
  );
export type MissingValueRule = z.infer<typeof missingValueRuleSchema>;

/**
 * Tie rule. Scores within `tolerance` of the best score of their tie block share
 * that block's place. 'competition' ranking leaves gaps (1, 2, 2, 4), as sports
 * tables and the association's published tables do; 'dense' does not (1, 2, 2, 3).
 */
export const tieRuleSchema = z
  .object({
    method: z.enum(['competition', 'dense']).describe('competition: 1, 2, 2, 4; dense: 1, 2, 2, 3'),
    tolerance: z
      .number()
      .nonnegative({ error: 'допуск не может быть отрицательным' })
      .describe('Баллы, отличающиеся не более чем на допуск, делят одно место'),
  })
  .describe('Правило равных баллов');
export type TieRule = z.infer<typeof tieRuleSchema>;

export const defaultTieRule: TieRule = { method: 'competition', tolerance: 1e-9 };

export const peerGroupSchema = z.object({
  code: code.describe('Код группы сравнения, как в столбце peer_group'),
  name: nonEmpty('название группы сравнения'),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;

export const peerGroupsSchema = z
  .object({
    basis: nonEmpty('основание группировки').describe(
      'По какому признаку объекты делятся на группы сравнения, например «тип ОЭЗ по 116-ФЗ»',
    ),
    groups: z.array(peerGroupSchema).describe('Допустимые группы; пустой список — любые коды'),
  })
  .describe('Группы сравнения: места присваиваются внутри каждой группы отдельно');
export type PeerGroups = z.infer<typeof peerGroupsSchema>;

export const indicatorGroupSchema = z
  .object({
    code,
    name: nonEmpty('название группы показателей'),
    description: z.string().optional(),
    weight: weight.describe('Вес группы; веса групп нормируются на их сумму'),
  })
  .describe('Группа (блок) показателей, например E, S, G');
export type IndicatorGroup = z.infer<typeof indicatorGroupSchema>;

export const indicatorSchema = z
  .object({
    code,
    name: nonEmpty('название показателя'),
    unit: nonEmpty('единица измерения'),
    direction: indicatorDirectionSchema,
    group: code.describe('Код группы показателей'),
    weight: weight.describe('Вес внутри группы; нормируется на сумму весов показателей группы'),
    source: nonEmpty('источник').describe('Где взять значение показателя'),
    rationale: nonEmpty('обоснование').describe('Почему показатель входит в рейтинг'),
    normalisation: normalisationMethodSchema
      .optional()
      .describe('Метод нормализации, если отличается от общего для методики'),
    target: z
      .number()
      .finite()
      .optional()
      .describe('Целевое значение для метода distance_to_target'),
  })
  .describe('Показатель рейтинга');
export type Indicator = z.infer<typeof indicatorSchema>;

export const methodologySchema = z
  .object({
    id: code.describe('Постоянный идентификатор методики'),
    version: nonEmpty('версия').describe('Версия методики; меняется при любом изменении'),
    title: nonEmpty('название'),
    description: nonEmpty('описание'),
    objectType: ratingObjectTypeSchema,
    peerGroups: peerGroupsSchema,
    groups: z
      .array(indicatorGroupSchema)
      .min(1, { error: 'нужна хотя бы одна группа показателей' }),
    indicators: z.array(indicatorSchema).min(1, { error: 'нужен хотя бы один показатель' }),
    normalisation: normalisationMethodSchema,
    missingValueRule: missingValueRuleSchema,
    tieRule: tieRuleSchema,
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const groupCodes = new Set<string>();
    m.groups.forEach((g, i) => {
      if (groupCodes.has(g.code))
        issue(['groups', i, 'code'], `код группы «${g.code}» повторяется`);
      groupCodes.add(g.code);
    });
    if (m.groups.reduce((s, g) => s + g.weight, 0) <= 0)
      issue(['groups'], 'сумма весов групп должна быть больше нуля');

    const peerCodes = new Set<string>();
    m.peerGroups.groups.forEach((p, i) => {
      if (peerCodes.has(p.code))
        issue(['peerGroups', 'groups', i, 'code'], `код группы сравнения «${p.code}» повторяется`);
      peerCodes.add(p.code);
    });

    const indicatorCodes = new Set<string>();
    const positiveWeightIn = new Set<string>();
    m.indicators.forEach((ind, i) => {
      if (indicatorCodes.has(ind.code))
        issue(['indicators', i, 'code'], `код показателя «${ind.code}» повторяется`);
      indicatorCodes.add(ind.code);
      if (!groupCodes.has(ind.group))
        issue(['indicators', i, 'group'], `группа «${ind.group}» не описана в groups`);
      if (ind.weight > 0) positiveWeightIn.add(ind.group);
      const method = ind.normalisation ?? m.normalisation;
      if (method === 'distance_to_target' && ind.target === undefined)
        issue(
          ['indicators', i, 'target'],
          `для нормализации distance_to_target нужно целевое значение показателя «${ind.code}»`,
        );
    });
    m.groups.forEach((g, i) => {
      if (g.weight > 0 && !positiveWeightIn.has(g.code))
        issue(
          ['groups', i, 'code'],
          `в группе «${g.code}» нет ни одного показателя с положительным весом`,
        );
    });
  });

/** A validated methodology (see parseMethodology for Russian error messages). */
export type Methodology = z.infer<typeof methodologySchema>;
