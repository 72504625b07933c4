/**
 * Controlled vocabularies of the registry with their Russian labels. The keys
 * are stored in the database and used in the API; the labels are what users see.
 */
function vocabulary<const T extends Record<string, string>>(labels: T) {
  return { labels, values: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]] };
}

export const ORGANISATION_KINDS = vocabulary({
  enterprise: 'Предприятие',
  university: 'Вуз',
  college: 'Колледж',
  research_institute: 'Научно-исследовательский институт',
  government_body: 'Орган власти',
  association: 'Ассоциация',
  consultancy: 'Консалтинговая компания',
  development_institution: 'Институт развития',
  management_company: 'Управляющая компания ОЭЗ или парка',
  foreign_company: 'Иностранная компания',
  media: 'СМИ',
  other: 'Иная организация',
});
export type OrganisationKind = keyof typeof ORGANISATION_KINDS.labels;

/** Site kinds; SEZ types follow Federal Law № 116-ФЗ of 22.07.2005, art. 4. */
export const SITE_KINDS = vocabulary({
  sez: 'Особая экономическая зона',
  technopark: 'Технопарк',
  industrial_park: 'Индустриальный парк',
  tor: 'Территория опережающего развития',
});
export type SiteKind = keyof typeof SITE_KINDS.labels;

export const SEZ_TYPES = vocabulary({
  industrial_production: 'Промышленно-производственная',
  technology_innovation: 'Технико-внедренческая',
  tourist_recreational: 'Туристско-рекреационная',
  port: 'Портовая',
});
export type SezType = keyof typeof SEZ_TYPES.labels;

export const CLUSTER_KINDS = vocabulary({
  industrial: 'Промышленный кластер',
  innovation_territorial: 'Инновационный территориальный кластер',
  education_production: 'Образовательно-производственный кластер',
  education: 'Образовательный кластер',
});
export type ClusterKind = keyof typeof CLUSTER_KINDS.labels;

export const CLUSTER_STATUSES = vocabulary({
  forming: 'Формируется',
  operating: 'Действует',
});

export const MEMBERSHIP_ROLES = vocabulary({
  participant: 'Участник',
  anchor: 'Якорный участник (производитель конечной продукции)',
  component_supplier: 'Поставщик комплектующих',
  infrastructure: 'Инфраструктура',
  education: 'Образование',
  research: 'Наука',
  finance: 'Финансы',
  specialised_organisation: 'Специализированная организация',
  resident: 'Резидент',
});

export const EVENT_KINDS = vocabulary({
  strategic_session: 'Стратегическая сессия',
  setup_session: 'Установочная сессия',
  forum: 'Форум',
  meeting: 'Встреча',
});
export type EventKind = keyof typeof EVENT_KINDS.labels;

export const EVENT_STATUSES = vocabulary({ held: 'Состоялось', planned: 'Запланировано' });

export const PARTICIPATION_ROLES = vocabulary({
  organiser: 'Организатор',
  supporter: 'При поддержке',
  partner: 'Совместно с',
  opener: 'Открыл(а) мероприятие',
  speaker: 'Выступил(а)',
  participant: 'Участник',
});

export const PARTY_ROLES = vocabulary({
  party: 'Сторона',
  signatory: 'Подписант',
  executor: 'Исполнитель',
});

export const PROJECT_KINDS = vocabulary({
  investment: 'Инвестиционный проект',
  joint_cluster: 'Совместный проект кластера',
  infrastructure: 'Инфраструктурный проект',
  social: 'Социальный проект',
});

export const PROJECT_STATUSES = vocabulary({
  planned: 'Планируется',
  in_progress: 'Реализуется',
  completed: 'Реализован',
  supported: 'Получил поддержку',
});

export const RATING_OBJECT_TYPES = vocabulary({
  site: 'Площадка',
  cluster: 'Кластер',
  region: 'Регион',
});

export const SOURCE_KINDS = vocabulary({
  press_release: 'Пресс-релиз',
  news: 'Новость',
  reference: 'Справочный материал',
});

/** The entity types of the registry, as used in URLs, search results and statements. */
export const ENTITY_TYPES = vocabulary({
  region: 'Регион',
  organisation: 'Организация',
  person: 'Персона',
  site: 'Площадка',
  cluster: 'Кластер',
  event: 'Мероприятие',
  agreement: 'Соглашение',
  action_plan: 'План действий',
  project: 'Проект',
  source: 'Источник',
  rating: 'Рейтинг',
});
export type EntityType = keyof typeof ENTITY_TYPES.labels;
