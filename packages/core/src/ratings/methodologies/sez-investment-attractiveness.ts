import type { Indicator, Methodology } from '../methodology.schema.ts';
import { sezPeerGroups } from './sez-peer-groups.ts';

// PromAtlas's default methodology for the investment attractiveness of SEZs.
// Modelled on what the Association of Clusters, Technoparks and SEZs of Russia
// (АКИТ РФ) publishes about its National rating of SEZ investment
// attractiveness (with the Ministry of Economic Development): three groups of
// indicators; 41 indicators in the 9th edition (December 2025, 48 SEZs),
// among them investment volume, infrastructure availability, tax burden on
// residents, and — new in 2025 — strategic planning, financial openness,
// innovation and social infrastructure and industrial cooperation. The
// association publishes the winners and the kinds of indicators, not the
// weights: every indicator choice and weight below is PromAtlas's.

const SEZ_REPORTS =
  'Отчёты о результатах функционирования ОЭЗ (Минэкономразвития России, ежегодная оценка эффективности функционирования ОЭЗ); отчёты управляющей компании';
const MC_WEBSITE = 'Официальный сайт управляющей компании ОЭЗ; запрос в управляющую компанию';

const indicators: Indicator[] = [
  // — Группа 1. Результативность ОЭЗ —
  {
    code: 'investment_volume',
    name: 'Объём инвестиций резидентов (накопленным итогом)',
    unit: 'млн руб.',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 3,
    source: SEZ_REPORTS,
    rationale:
      'Главный результат ОЭЗ — привлечённые частные инвестиции. Распределение сильно асимметрично (лидеры на порядок впереди), поэтому нормализация ранговая: иначе мин–макс сжал бы всех, кроме лидера, у нуля.',
    normalisation: 'rank',
  },
  {
    code: 'investment_per_hectare',
    name: 'Инвестиции резидентов на 1 га занятой территории',
    unit: 'млн руб./га',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 2,
    source: SEZ_REPORTS,
    rationale:
      'Показывает плотность инвестиций, а не только размер зоны: уравнивает большие и малые ОЭЗ.',
  },
  {
    code: 'residents_count',
    name: 'Число резидентов',
    unit: 'ед.',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 1,
    source: 'Реестр резидентов особых экономических зон (Минэкономразвития России)',
    rationale:
      'Число резидентов отражает спрос инвесторов на площадку и диверсификацию зоны (меньше зависимость от одного якоря).',
  },
  {
    code: 'jobs_created',
    name: 'Рабочие места, созданные резидентами',
    unit: 'ед.',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 2,
    source: SEZ_REPORTS,
    rationale: 'Занятость — основной социально-экономический эффект ОЭЗ для региона.',
  },
  {
    code: 'residents_revenue',
    name: 'Выручка резидентов за год',
    unit: 'млн руб.',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 1,
    source: SEZ_REPORTS,
    rationale:
      'Показывает, что инвестиции превратились в действующее производство. Ранговая нормализация по той же причине, что и для объёма инвестиций.',
    normalisation: 'rank',
  },
  {
    code: 'budget_return',
    name: 'Налоги, таможенные платежи и взносы резидентов на 1 рубль бюджетных вложений в инфраструктуру',
    unit: 'руб./руб.',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 2,
    source: SEZ_REPORTS,
    rationale:
      'Отдача бюджетных средств, вложенных в создание инфраструктуры ОЭЗ: один из критериев ежегодной оценки эффективности ОЭЗ.',
  },
  {
    code: 'occupancy',
    name: 'Заполняемость территории ОЭЗ резидентами',
    unit: '%',
    direction: 'higher_is_better',
    group: 'performance',
    weight: 1,
    source: 'Паспорт ОЭЗ; отчёт управляющей компании',
    rationale: 'Доля площади, предоставленной резидентам, показывает, насколько освоена зона.',
  },
  // — Группа 2. Условия для резидентов —
  {
    code: 'infrastructure_availability',
    name: 'Доступность инфраструктуры: доля площади, обеспеченной инженерными сетями',
    unit: '%',
    direction: 'higher_is_better',
    group: 'conditions',
    weight: 3,
    source: 'Паспорт ОЭЗ; отчёт управляющей компании',
    rationale:
      'Готовая инфраструктура — главное преимущество ОЭЗ перед площадкой «в чистом поле»; доступность инфраструктуры прямо названа среди показателей рейтинга АКИТ.',
  },
  {
    code: 'free_power_capacity',
    name: 'Свободная электрическая мощность для новых резидентов',
    unit: 'МВт',
    direction: 'higher_is_better',
    group: 'conditions',
    weight: 2,
    source: MC_WEBSITE + '; сведения сетевой организации',
    rationale: 'Дефицит мощности — частая причина отказа инвестора от площадки.',
  },
  {
    code: 'connection_time',
    name: 'Срок технологического присоединения к сетям',
    unit: 'дней',
    direction: 'lower_is_better',
    group: 'conditions',
    weight: 1,
    source: MC_WEBSITE,
    rationale: 'Скорость запуска проекта для инвестора; меньше — лучше.',
  },
  {
    code: 'tax_burden',
    name: 'Налоговая нагрузка на резидентов (эффективная ставка для типового проекта)',
    unit: '% прибыли',
    direction: 'lower_is_better',
    group: 'conditions',
    weight: 3,
    source:
      'Налоговый кодекс РФ; региональные законы о ставках налога на прибыль и налога на имущество для резидентов ОЭЗ; муниципальные акты о земельном налоге',
    rationale:
      'Уровень налоговой нагрузки на резидентов назван среди показателей рейтинга АКИТ; льготы различаются по регионам, и эффективная ставка сводит их в одно число.',
  },
  {
    code: 'land_rent',
    name: 'Арендная плата за земельный участок',
    unit: 'руб./м² в год',
    direction: 'lower_is_better',
    group: 'conditions',
    weight: 1,
    source: MC_WEBSITE + '; типовой договор аренды',
    rationale: 'Прямые издержки резидента на площадку.',
  },
  {
    code: 'transport_access',
    name: 'Расстояние до ближайшей федеральной автодороги или железнодорожной станции',
    unit: 'км',
    direction: 'lower_is_better',
    group: 'conditions',
    weight: 1,
    source: 'Паспорт ОЭЗ; картографические данные',
    rationale: 'Логистические издержки резидентов; меньше — лучше.',
  },
  {
    code: 'free_serviced_land',
    name: 'Свободная площадь, обеспеченная инфраструктурой',
    unit: 'га',
    direction: 'higher_is_better',
    group: 'conditions',
    weight: 1,
    source: 'Паспорт ОЭЗ; отчёт управляющей компании',
    rationale: 'Может ли зона принять нового инвестора сейчас, а не после новой стройки.',
  },
  // — Группа 3. Управление и развитие —
  {
    code: 'strategic_planning',
    name: 'Уровень стратегического планирования',
    unit: 'балл (0–3)',
    direction: 'higher_is_better',
    group: 'management',
    weight: 2,
    source: MC_WEBSITE,
    rationale:
      'Новый критерий рейтинга АКИТ 2025 г. Балл: 1 — утверждена стратегия (программа) развития ОЭЗ; +1 — в ней есть измеримые целевые показатели; +1 — опубликован отчёт о её выполнении.',
  },
  {
    code: 'financial_openness',
    name: 'Финансовая открытость управляющей компании',
    unit: 'балл (0–4)',
    direction: 'higher_is_better',
    group: 'management',
    weight: 2,
    source: MC_WEBSITE + '; ГИР БО (бухгалтерская отчётность ФНС)',
    rationale:
      'Новый критерий рейтинга АКИТ 2025 г. По 1 баллу: опубликована годовая бухгалтерская отчётность; аудиторское заключение; тарифы и цены услуг для резидентов; отчёт об использовании бюджетных средств.',
  },
  {
    code: 'innovation_social_infrastructure',
    name: 'Наличие инновационной и социальной инфраструктуры',
    unit: 'балл (0–5)',
    direction: 'higher_is_better',
    group: 'management',
    weight: 2,
    source: MC_WEBSITE,
    rationale:
      'Новый критерий рейтинга АКИТ 2025 г. По 1 баллу: технопарк или бизнес-инкубатор; инжиниринговый центр или центр коллективного пользования; жильё для работников; общественное питание и медпункт; общественный транспорт до зоны.',
  },
  {
    code: 'industrial_cooperation',
    name: 'Промышленная кооперация: доля резидентов с поставками другим резидентам или предприятиям региона',
    unit: '%',
    direction: 'higher_is_better',
    group: 'management',
    weight: 2,
    source: 'Опрос резидентов; отчёт управляющей компании',
    rationale:
      'Новый критерий рейтинга АКИТ 2025 г.: опыт кооперации показывает, что зона встроена в экономику региона, а не изолирована.',
  },
  {
    code: 'resident_services',
    name: 'Сервисы для резидентов (одно окно, электронные услуги, сопровождение проекта)',
    unit: 'балл (0–3)',
    direction: 'higher_is_better',
    group: 'management',
    weight: 1,
    source: MC_WEBSITE,
    rationale: 'Качество администрирования снижает время и издержки инвестора.',
  },
];

export const sezInvestmentAttractiveness: Methodology = {
  id: 'sez_investment_attractiveness',
  version: '2025.1',
  title: 'Инвестиционная привлекательность ОЭЗ — методика ПромАтласа (не методика АКИТ РФ)',
  description:
    'Методика ПромАтласа, а не Ассоциации кластеров, технопарков и ОЭЗ России (АКИТ РФ). ' +
    'Она построена по открытым описаниям Национального рейтинга инвестиционной привлекательности ОЭЗ, ' +
    'который АКИТ РФ составляет при поддержке Минэкономразвития России: три группы показателей ' +
    '(в IX рейтинге 2025 г. — 41 показатель, 48 ОЭЗ), в том числе объём инвестиций, доступность инфраструктуры, ' +
    'налоговая нагрузка на резидентов, стратегическое планирование, финансовая открытость, инновационная и социальная ' +
    'инфраструктура, промышленная кооперация. Ассоциация не публикует веса; состав показателей и все веса здесь — ' +
    'выбор ПромАтласа, их можно изменить. Результаты по этой методике не являются результатами рейтинга АКИТ РФ. ' +
    'Места присваиваются внутри типа ОЭЗ по 116-ФЗ; в IX рейтинге АКИТ промышленно-производственные и портовые ОЭЗ ' +
    'оценивались вместе — чтобы повторить это, укажите им одну группу сравнения в данных. ' +
    'Пропуски исключаются, а вес пропущенного показателя переходит к остальным показателям его группы.',
  objectType: 'sez',
  peerGroups: sezPeerGroups,
  groups: [
    {
      code: 'performance',
      name: 'Результативность ОЭЗ',
      description: 'Что зона уже дала: инвестиции, резиденты, рабочие места, отдача бюджета',
      weight: 0.4,
    },
    {
      code: 'conditions',
      name: 'Условия для резидентов',
      description: 'Что получает инвестор: инфраструктура, налоги, издержки, доступность',
      weight: 0.35,
    },
    {
      code: 'management',
      name: 'Управление и развитие',
      description: 'Как работает управляющая компания: стратегия, открытость, сервисы, кооперация',
      weight: 0.25,
    },
  ],
  indicators,
  normalisation: 'min_max',
  missingValueRule: 'exclude',
  tieRule: { method: 'competition', tolerance: 1e-9 },
};
