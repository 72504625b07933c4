import type { Indicator, Methodology } from '../methodology.schema.ts';
import { sezPeerGroups } from './sez-peer-groups.ts';

// PromAtlas's default ESG methodology for SEZs, modelled on what АКИТ РФ
// publishes about its ESG rating of SEZs (3rd edition, September 2025: 24
// SEZs, three blocks — environment, social, governance). The association does
// not publish indicators' weights; every choice below is PromAtlas's.

const MC_REPORT =
  'Отчёт управляющей компании ОЭЗ; нефинансовый отчёт (отчёт об устойчивом развитии)';

const indicators: Indicator[] = [
  // — E: окружающая среда —
  {
    code: 'env_management_certified',
    name: 'Доля резидентов с сертифицированной системой экологического менеджмента (ГОСТ Р ИСО 14001)',
    unit: '% резидентов',
    direction: 'higher_is_better',
    group: 'e',
    weight: 1,
    source: MC_REPORT + '; реестры органов по сертификации',
    rationale: 'Системный подход резидентов к экологическим рискам, проверенный третьей стороной.',
  },
  {
    code: 'waste_recovery',
    name: 'Доля отходов резидентов, направленных на утилизацию и обезвреживание',
    unit: '%',
    direction: 'higher_is_better',
    group: 'e',
    weight: 2,
    source: 'Формы 2-ТП (отходы) резидентов; отчёт управляющей компании',
    rationale: 'Переход к замкнутому циклу: меньше отходов на полигонах.',
  },
  {
    code: 'ghg_intensity',
    name: 'Удельные выбросы парниковых газов резидентов',
    unit: 'т CO₂-экв. на 1 млн руб. выручки',
    direction: 'lower_is_better',
    group: 'e',
    weight: 2,
    source:
      'Отчёты о выбросах парниковых газов (Федеральный закон от 02.07.2021 № 296-ФЗ); отчёт управляющей компании',
    rationale:
      'Углеродоёмкость производства в зоне; удельная, а не абсолютная величина, чтобы не наказывать зону за рост.',
  },
  {
    code: 'renewable_energy_share',
    name: 'Доля электроэнергии из возобновляемых источников',
    unit: '%',
    direction: 'higher_is_better',
    group: 'e',
    weight: 1,
    source: MC_REPORT + '; договоры с поставщиками (зелёные сертификаты)',
    rationale: 'Снижение косвенных выбросов резидентов.',
  },
  {
    code: 'water_recycling',
    name: 'Доля оборотного и повторно-последовательного водоснабжения',
    unit: '%',
    direction: 'higher_is_better',
    group: 'e',
    weight: 1,
    source: 'Формы 2-ТП (водхоз) резидентов; отчёт управляющей компании',
    rationale: 'Бережное водопользование; снижает нагрузку на водные объекты.',
  },
  {
    code: 'green_area_share',
    name: 'Доля озеленённой территории ОЭЗ',
    unit: '%',
    direction: 'higher_is_better',
    group: 'e',
    weight: 1,
    source: 'Документация по планировке территории ОЭЗ; отчёт управляющей компании',
    rationale: 'Качество среды на территории и санитарно-защитные зоны.',
  },
  // — S: общество —
  {
    code: 'jobs_created',
    name: 'Рабочие места, созданные резидентами',
    unit: 'ед.',
    direction: 'higher_is_better',
    group: 's',
    weight: 2,
    source:
      'Отчёты о результатах функционирования ОЭЗ (Минэкономразвития России); отчёт управляющей компании',
    rationale: 'Главный социальный эффект зоны для территории.',
  },
  {
    code: 'wage_to_regional_average',
    name: 'Средняя заработная плата у резидентов к средней по региону',
    unit: '%',
    direction: 'higher_is_better',
    group: 's',
    weight: 2,
    source:
      'Отчёт управляющей компании; Росстат (среднемесячная начисленная заработная плата по субъекту)',
    rationale: 'Качество рабочих мест: зона должна создавать места лучше средних по региону.',
  },
  {
    code: 'injury_frequency',
    name: 'Частота несчастных случаев на производстве у резидентов',
    unit: 'случаев на 1 000 работников',
    direction: 'lower_is_better',
    group: 's',
    weight: 1,
    source: 'Форма 7-травматизм резидентов; отчёт управляющей компании',
    rationale: 'Безопасность труда; меньше — лучше.',
  },
  {
    code: 'training_partnerships',
    name: 'Доля резидентов, участвующих в подготовке кадров с колледжами и вузами',
    unit: '% резидентов',
    direction: 'higher_is_better',
    group: 's',
    weight: 1,
    source: MC_REPORT + '; соглашения с образовательными организациями',
    rationale:
      'Вложения в человеческий капитал региона; связь с образовательно-производственными кластерами.',
  },
  {
    code: 'worker_social_infrastructure',
    name: 'Социальная инфраструктура для работников',
    unit: 'балл (0–4)',
    direction: 'higher_is_better',
    group: 's',
    weight: 1,
    source: MC_REPORT,
    rationale:
      'По 1 баллу: жильё или общежитие; транспорт до зоны; общественное питание; медпункт или спортивные объекты.',
  },
  {
    code: 'community_projects',
    name: 'Социальные и благотворительные проекты для местного сообщества',
    unit: 'ед. в год',
    direction: 'higher_is_better',
    group: 's',
    weight: 1,
    source: MC_REPORT,
    rationale: 'Отношения зоны с жителями окружающих территорий.',
  },
  // — G: управление —
  {
    code: 'sustainability_strategy',
    name: 'Политика (стратегия) устойчивого развития управляющей компании',
    unit: 'балл (0–2)',
    direction: 'higher_is_better',
    group: 'g',
    weight: 2,
    source: 'Официальный сайт управляющей компании ОЭЗ',
    rationale: '1 балл — политика утверждена и опубликована; +1 — в ней есть измеримые ESG-цели.',
  },
  {
    code: 'sustainability_reporting',
    name: 'Публичная нефинансовая отчётность управляющей компании',
    unit: 'балл (0–2)',
    direction: 'higher_is_better',
    group: 'g',
    weight: 2,
    source: 'Официальный сайт управляющей компании ОЭЗ',
    rationale:
      '1 балл — отчёт об устойчивом развитии опубликован; +1 — по признанному стандарту или с внешним заверением.',
  },
  {
    code: 'residents_reporting_esg',
    name: 'Доля резидентов, публикующих нефинансовую отчётность',
    unit: '% резидентов',
    direction: 'higher_is_better',
    group: 'g',
    weight: 1,
    source: 'Сайты резидентов; отчёт управляющей компании',
    rationale: 'Распространение ESG-практик от управляющей компании к резидентам.',
  },
  {
    code: 'financial_openness',
    name: 'Финансовая открытость управляющей компании',
    unit: 'балл (0–4)',
    direction: 'higher_is_better',
    group: 'g',
    weight: 1,
    source: 'Официальный сайт управляющей компании ОЭЗ; ГИР БО (бухгалтерская отчётность ФНС)',
    rationale:
      'По 1 баллу: бухгалтерская отчётность; аудиторское заключение; тарифы для резидентов; отчёт об использовании бюджетных средств.',
  },
  {
    code: 'anti_corruption',
    name: 'Антикоррупционная политика и комплаенс управляющей компании',
    unit: 'балл (0–2)',
    direction: 'higher_is_better',
    group: 'g',
    weight: 1,
    source: 'Официальный сайт управляющей компании ОЭЗ',
    rationale: '1 балл — политика опубликована; +1 — есть канал для сообщений о нарушениях.',
  },
  {
    code: 'resident_satisfaction',
    name: 'Удовлетворённость резидентов работой управляющей компании',
    unit: '% довольных в опросе',
    direction: 'higher_is_better',
    group: 'g',
    weight: 1,
    source: 'Ежегодный опрос резидентов (управляющая компания или независимый опрос)',
    rationale: 'Качество управления глазами тех, для кого зона создана.',
  },
];

export const sezEsg: Methodology = {
  id: 'sez_esg',
  version: '2025.1',
  title: 'ESG-рейтинг ОЭЗ — методика ПромАтласа (не методика АКИТ РФ)',
  description:
    'Методика ПромАтласа, а не Ассоциации кластеров, технопарков и ОЭЗ России (АКИТ РФ). ' +
    'Она построена по открытым описаниям ESG-рейтинга ОЭЗ, который составляет АКИТ РФ ' +
    '(III рейтинг, сентябрь 2025 г.: 24 ОЭЗ, три блока — экология, социальная сфера, управление). ' +
    'Ассоциация не публикует веса; состав показателей и все веса здесь — выбор ПромАтласа, их можно изменить. ' +
    'Результаты по этой методике не являются результатами рейтинга АКИТ РФ. Блоки E, S и G весят поровну. ' +
    'Пропуск считается нулём (показатель не приносит баллов): нераскрытие данных в ESG-оценке — само по себе ' +
    'признак слабого управления, и исключение пропусков поощряло бы не раскрывать слабые места.',
  objectType: 'sez',
  peerGroups: sezPeerGroups,
  groups: [
    {
      code: 'e',
      name: 'E — окружающая среда',
      description: 'Экологическое воздействие резидентов и зоны',
      weight: 1,
    },
    {
      code: 's',
      name: 'S — общество',
      description: 'Рабочие места, условия труда, местное сообщество',
      weight: 1,
    },
    {
      code: 'g',
      name: 'G — управление',
      description: 'Открытость и качество управления управляющей компании',
      weight: 1,
    },
  ],
  indicators,
  normalisation: 'min_max',
  missingValueRule: 'zero',
  tieRule: { method: 'competition', tolerance: 1e-9 },
};
