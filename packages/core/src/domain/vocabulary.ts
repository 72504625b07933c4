/**
 * Controlled vocabularies of the registry, each value with its Russian and
 * English label. The keys are what the database stores (a CHECK constraint
 * holds each column to its vocabulary; the server's vocabulary test compares
 * the two) and what the API sends; the labels are what people read — Russian
 * in the interface, English for API clients and exports. Read and write
 * schemas both take their enums from here, so a value added here is accepted,
 * returned, documented in OpenAPI and labelled in one change.
 */

import { vocabulary, type Term, type ValueOf } from './vocabulary-kit.ts';
import {
  QUARANTINE_REASONS,
  REGISTRY_IMPORT_STATUSES,
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_ENTITIES,
  REGISTRY_IMPORT_ROW_STATUSES,
  DATASET_MEASURES,
  REGION_LEVELS,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_TYPES,
} from './vocabulary-data.ts';

export * from './vocabulary-kit.ts';
export * from './vocabulary-data.ts';

export const ORGANISATION_KINDS = vocabulary({
  enterprise: { ru: 'Предприятие', en: 'Enterprise' },
  university: { ru: 'Вуз', en: 'University' },
  college: { ru: 'Колледж', en: 'College' },
  research_institute: { ru: 'Научно-исследовательский институт', en: 'Research institute' },
  government_body: { ru: 'Орган власти', en: 'Government body' },
  association: { ru: 'Ассоциация', en: 'Association' },
  consultancy: { ru: 'Консалтинговая компания', en: 'Consultancy' },
  development_institution: { ru: 'Институт развития', en: 'Development institution' },
  management_company: {
    ru: 'Управляющая компания ОЭЗ или парка',
    en: 'Management company of an SEZ or park',
  },
  foreign_company: { ru: 'Иностранная компания', en: 'Foreign company' },
  media: { ru: 'СМИ', en: 'Media' },
  other: { ru: 'Иная организация', en: 'Other organisation' },
});
export type OrganisationKind = ValueOf<typeof ORGANISATION_KINDS>;

/** Site kinds; SEZ types follow Federal Law № 116-ФЗ of 22.07.2005, art. 4. */
export const SITE_KINDS = vocabulary({
  sez: { ru: 'Особая экономическая зона', en: 'Special economic zone' },
  technopark: { ru: 'Технопарк', en: 'Technopark' },
  industrial_park: { ru: 'Индустриальный парк', en: 'Industrial park' },
  tor: { ru: 'Территория опережающего развития', en: 'Priority development area' },
});
export type SiteKind = ValueOf<typeof SITE_KINDS>;

export const SEZ_TYPES = vocabulary({
  industrial_production: { ru: 'Промышленно-производственная', en: 'Industrial production' },
  technology_innovation: { ru: 'Технико-внедренческая', en: 'Technology and innovation' },
  tourist_recreational: { ru: 'Туристско-рекреационная', en: 'Tourist and recreational' },
  port: { ru: 'Портовая', en: 'Port' },
});
export type SezType = ValueOf<typeof SEZ_TYPES>;

export const CLUSTER_KINDS = vocabulary({
  industrial: { ru: 'Промышленный кластер', en: 'Industrial cluster' },
  innovation_territorial: {
    ru: 'Инновационный территориальный кластер',
    en: 'Innovative territorial cluster',
  },
  education_production: {
    ru: 'Образовательно-производственный кластер',
    en: 'Education and production cluster',
  },
  education: { ru: 'Образовательный кластер', en: 'Education cluster' },
});
export type ClusterKind = ValueOf<typeof CLUSTER_KINDS>;

export const CLUSTER_STATUSES = vocabulary({
  forming: { ru: 'Формируется', en: 'Forming' },
  operating: { ru: 'Действует', en: 'Operating' },
});
export type ClusterStatus = ValueOf<typeof CLUSTER_STATUSES>;

/** Roles of an organisation in a cluster (cluster_member.role). */
export const MEMBERSHIP_ROLES = vocabulary({
  participant: { ru: 'Участник', en: 'Participant' },
  anchor: {
    ru: 'Якорный участник (производитель конечной продукции)',
    en: 'Anchor participant (final product manufacturer)',
  },
  component_supplier: { ru: 'Поставщик комплектующих', en: 'Component supplier' },
  infrastructure: { ru: 'Инфраструктура', en: 'Infrastructure' },
  education: { ru: 'Образование', en: 'Education' },
  research: { ru: 'Наука', en: 'Research' },
  finance: { ru: 'Финансы', en: 'Finance' },
  specialised_organisation: {
    ru: 'Специализированная организация',
    en: 'Specialised organisation',
  },
  resident: { ru: 'Резидент', en: 'Resident' },
});
export type MembershipRole = ValueOf<typeof MEMBERSHIP_ROLES>;

export const EVENT_KINDS = vocabulary({
  strategic_session: { ru: 'Стратегическая сессия', en: 'Strategic session' },
  setup_session: { ru: 'Установочная сессия', en: 'Kick-off session' },
  practical_session: { ru: 'Практическая сессия', en: 'Practical session' },
  forum: { ru: 'Форум', en: 'Forum' },
  meeting: { ru: 'Встреча', en: 'Meeting' },
  signing: { ru: 'Подписание', en: 'Signing' },
  visit: { ru: 'Визит', en: 'Visit' },
  conference: { ru: 'Конференция', en: 'Conference' },
});
export type EventKind = ValueOf<typeof EVENT_KINDS>;

export const EVENT_STATUSES = vocabulary({
  held: { ru: 'Состоялось', en: 'Held' },
  planned: { ru: 'Запланировано', en: 'Planned' },
});
export type EventStatus = ValueOf<typeof EVENT_STATUSES>;

/** Roles of an organisation or person at an event (event_participant.role). */
export const PARTICIPATION_ROLES = vocabulary({
  organiser: { ru: 'Организатор', en: 'Organiser' },
  supporter: { ru: 'При поддержке', en: 'Supporter' },
  partner: { ru: 'Совместно с', en: 'Partner' },
  opener: { ru: 'Открыл(а) мероприятие', en: 'Opened the event' },
  speaker: { ru: 'Выступил(а)', en: 'Speaker' },
  participant: { ru: 'Участник', en: 'Participant' },
});
export type ParticipationRole = ValueOf<typeof PARTICIPATION_ROLES>;

/** Roles of a party to an agreement or an action plan (agreement_party.role, action_plan_party.role). */
export const PARTY_ROLES = vocabulary({
  party: { ru: 'Сторона', en: 'Party' },
  signatory: { ru: 'Подписант', en: 'Signatory' },
  executor: { ru: 'Исполнитель', en: 'Executor' },
});
export type PartyRole = ValueOf<typeof PARTY_ROLES>;

export const PROJECT_KINDS = vocabulary({
  investment: { ru: 'Инвестиционный проект', en: 'Investment project' },
  joint_cluster: { ru: 'Совместный проект кластера', en: 'Joint cluster project' },
  infrastructure: { ru: 'Инфраструктурный проект', en: 'Infrastructure project' },
  social: { ru: 'Социальный проект', en: 'Social project' },
});
export type ProjectKind = ValueOf<typeof PROJECT_KINDS>;

export const PROJECT_STATUSES = vocabulary({
  planned: { ru: 'Планируется', en: 'Planned' },
  in_progress: { ru: 'Реализуется', en: 'In progress' },
  completed: { ru: 'Реализован', en: 'Completed' },
  supported: { ru: 'Получил поддержку', en: 'Received support' },
});
export type ProjectStatus = ValueOf<typeof PROJECT_STATUSES>;

/** Roles of an organisation in a project (project_participant.role). */
export const PROJECT_PARTICIPANT_ROLES = vocabulary({
  investor: { ru: 'Инвестор', en: 'Investor' },
  object: { ru: 'Объект проекта', en: 'Project object' },
  participant: { ru: 'Участник', en: 'Participant' },
});
export type ProjectParticipantRole = ValueOf<typeof PROJECT_PARTICIPANT_ROLES>;

/**
 * Every role an organisation's profile can list: the roles of the relation
 * tables above plus a site residency. Labels of a shared key agree, so one
 * namespace serves the interface.
 */
export const LINK_ROLES = vocabulary({
  ...MEMBERSHIP_ROLES.terms,
  ...PARTICIPATION_ROLES.terms,
  ...PARTY_ROLES.terms,
  ...PROJECT_PARTICIPANT_ROLES.terms,
});
export type LinkRole = ValueOf<typeof LINK_ROLES>;

export const RATING_OBJECT_TYPES = vocabulary({
  site: { ru: 'Площадка', en: 'Site' },
  cluster: { ru: 'Кластер', en: 'Cluster' },
  region: { ru: 'Регион', en: 'Region' },
});
export type RatingObjectType = ValueOf<typeof RATING_OBJECT_TYPES>;

export const SOURCE_KINDS = vocabulary({
  press_release: { ru: 'Пресс-релиз', en: 'Press release' },
  news: { ru: 'Новость', en: 'News' },
  reference: { ru: 'Справочный материал', en: 'Reference material' },
  registry_file: { ru: 'Файл реестра (импорт)', en: 'Registry file (import)' },
});
export type SourceKind = ValueOf<typeof SOURCE_KINDS>;

/** How precisely a source states a date (see dates/partial-date.ts). */
export const DATE_PRECISIONS = vocabulary({
  day: { ru: 'День', en: 'Day' },
  month: { ru: 'Месяц', en: 'Month' },
  season: { ru: 'Время года', en: 'Season' },
  quarter: { ru: 'Квартал', en: 'Quarter' },
  year: { ru: 'Год', en: 'Year' },
  range: { ru: 'Период', en: 'Range' },
});
export type DatePrecisionValue = ValueOf<typeof DATE_PRECISIONS>;

/** The entity types of the registry, as used in URLs, search results and statements. */
export const ENTITY_TYPES = vocabulary({
  region: { ru: 'Регион', en: 'Region' },
  organisation: { ru: 'Организация', en: 'Organisation' },
  person: { ru: 'Персона', en: 'Person' },
  site: { ru: 'Площадка', en: 'Site' },
  cluster: { ru: 'Кластер', en: 'Cluster' },
  event: { ru: 'Мероприятие', en: 'Event' },
  agreement: { ru: 'Соглашение', en: 'Agreement' },
  action_plan: { ru: 'План действий', en: 'Action plan' },
  project: { ru: 'Проект', en: 'Project' },
  source: { ru: 'Источник', en: 'Source' },
  rating: { ru: 'Рейтинг', en: 'Rating' },
  support_measure: { ru: 'Мера поддержки', en: 'Support measure' },
});
export type EntityType = ValueOf<typeof ENTITY_TYPES>;

/** Account roles (account.role); what each may do is in the server's authorisation. */
export const ACCOUNT_ROLES = vocabulary({
  administrator: { ru: 'Администратор', en: 'Administrator' },
  regional_editor: { ru: 'Региональный редактор', en: 'Regional editor' },
  analyst: { ru: 'Аналитик', en: 'Analyst' },
});
export type AccountRole = ValueOf<typeof ACCOUNT_ROLES>;

/** Actions of the change history (audit_log.action). */
export const AUDIT_ACTIONS = vocabulary({
  create: { ru: 'Создание', en: 'Created' },
  update: { ru: 'Изменение', en: 'Updated' },
  delete: { ru: 'Удаление', en: 'Deleted' },
  restore: { ru: 'Восстановление', en: 'Restored' },
});
export type AuditAction = ValueOf<typeof AUDIT_ACTIONS>;

/**
 * Security events beside the change history (security_event.action): sign-ins,
 * password, role and second-factor changes, sessions revoked.
 */
export const SECURITY_ACTIONS = vocabulary({
  sign_in: { ru: 'Вход', en: 'Signed in' },
  sign_in_failed: { ru: 'Неудачный вход', en: 'Sign-in failed' },
  sign_in_throttled: { ru: 'Вход задержан ограничением', en: 'Sign-in delayed by the limits' },
  sign_out: { ru: 'Выход', en: 'Signed out' },
  password_changed: { ru: 'Смена пароля', en: 'Password changed' },
  password_reset: { ru: 'Пароль задан администратором', en: 'Password set by an administrator' },
  role_changed: { ru: 'Изменение роли или регионов', en: 'Role or regions changed' },
  account_disabled: { ru: 'Блокировка', en: 'Account disabled' },
  account_enabled: { ru: 'Разблокировка', en: 'Account enabled' },
  account_created: { ru: 'Создание учётной записи', en: 'Account created' },
  totp_enabled: { ru: 'Второй фактор подключён', en: 'Second factor enabled' },
  totp_disabled: { ru: 'Второй фактор отключён', en: 'Second factor disabled' },
  session_revoked: { ru: 'Сессия завершена', en: 'Session revoked' },
  account_unlocked: { ru: 'Сняты задержки входа', en: 'Sign-in delays lifted' },
});
export type SecurityAction = ValueOf<typeof SECURITY_ACTIONS>;

/**
 * Status of a programme measure (a task of an action plan, an agreement's
 * obligation, a session's decision). Overdue and at risk are not statuses:
 * they are computed from the deadline and the reports (programmes/flags.ts).
 * A measure without a status is shown as «нет данных» (MEASURE_STATUS_UNKNOWN).
 */
export const MEASURE_STATUSES = vocabulary({
  planned: { ru: 'Запланировано', en: 'Planned' },
  in_progress: { ru: 'Выполняется', en: 'In progress' },
  done: { ru: 'Выполнено', en: 'Done' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
});
export type MeasureStatus = ValueOf<typeof MEASURE_STATUSES>;
/** The label of a measure whose status the source does not give. */
export const MEASURE_STATUS_UNKNOWN: Term = { ru: 'нет данных', en: 'no data' };

/** Computed flags of a measure (never stored). */
export const MEASURE_FLAGS = vocabulary({
  overdue: { ru: 'Просрочено', en: 'Overdue' },
  at_risk: { ru: 'Под угрозой срыва', en: 'At risk' },
});
export type MeasureFlag = ValueOf<typeof MEASURE_FLAGS>;

/** Who is responsible for a measure or takes part in it as a co-executor. */
export const MEASURE_PARTY_TYPES = vocabulary({
  organisation: { ru: 'Организация', en: 'Organisation' },
  region: { ru: 'Регион', en: 'Region' },
  person: { ru: 'Персона', en: 'Person' },
});
export type MeasurePartyType = ValueOf<typeof MEASURE_PARTY_TYPES>;

/** Every vocabulary by name, for tests and for clients that list them. */
export const VOCABULARIES = {
  ORGANISATION_KINDS,
  SITE_KINDS,
  SEZ_TYPES,
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  MEMBERSHIP_ROLES,
  EVENT_KINDS,
  EVENT_STATUSES,
  PARTICIPATION_ROLES,
  PARTY_ROLES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  PROJECT_PARTICIPANT_ROLES,
  LINK_ROLES,
  RATING_OBJECT_TYPES,
  SOURCE_KINDS,
  DATE_PRECISIONS,
  ENTITY_TYPES,
  ACCOUNT_ROLES,
  AUDIT_ACTIONS,
  SECURITY_ACTIONS,
  QUARANTINE_REASONS,
  DATASET_MEASURES,
  REGION_LEVELS,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_TYPES,
  REGISTRY_IMPORT_ENTITIES,
  REGISTRY_IMPORT_STATUSES,
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_ROW_STATUSES,
  MEASURE_STATUSES,
  MEASURE_FLAGS,
  MEASURE_PARTY_TYPES,
} as const;

/** Types of a cooperation contract between organisations (cooperation_contract.contract_type), the codes of the cluster rule set. */
export const COOPERATION_CONTRACT_TYPES = vocabulary({
  import_substitution_project: {
    ru: 'Совместный проект по импортозамещению',
    en: 'Joint import-substitution project',
  },
  supply: { ru: 'Поставка продукции кластера', en: 'Supply of cluster products' },
  production_services: {
    ru: 'Производственные работы или услуги',
    en: 'Production works or services',
  },
  spic: {
    ru: 'СПИК с обязательствами по поставке',
    en: 'Special investment contract with supply obligations',
  },
  other: { ru: 'Иной договор', en: 'Other contract' },
});
export type CooperationContractType = ValueOf<typeof COOPERATION_CONTRACT_TYPES>;

/** Formats a document under intake arrived in (intake_document.format). */
export const INTAKE_FORMATS = vocabulary({
  text: { ru: 'Вставленный текст', en: 'Pasted text' },
  txt: { ru: 'Текстовый файл', en: 'Text file' },
  docx: { ru: 'Документ Word', en: 'Word document' },
  html: { ru: 'Веб-страница', en: 'Web page' },
  pdf: { ru: 'PDF', en: 'PDF' },
});
export type IntakeFormat = ValueOf<typeof INTAKE_FORMATS>;

/** What a person decided about an intake proposal (intake_decision.status); undecided ones are pending. */
export const INTAKE_DECISION_STATUSES = vocabulary({
  accepted: { ru: 'Принято', en: 'Accepted' },
  rejected: { ru: 'Отклонено', en: 'Rejected' },
});

/** Territories that lower the functional-dependence threshold of the cluster rules (territory_flag.flag, the rule set's flaggedTerritories). */
export const TERRITORY_FLAGS = vocabulary({
  individual_programme: {
    ru: 'Субъект с индивидуальной программой социально-экономического развития',
    en: 'Region with an individual socio-economic development programme',
  },
  geostrategic: { ru: 'Геостратегическая территория', en: 'Geostrategic territory' },
  monotown: { ru: 'Моногород', en: 'Single-industry town' },
});
export type TerritoryFlagValue = ValueOf<typeof TERRITORY_FLAGS>;
/**
 * A cluster's place in the Minpromtorg registry of industrial clusters. A
 * candidate and a registered cluster are stated (cluster.registry_status);
 * «expired» is computed: a registered cluster whose decision is older than the
 * rule set's validity period.
 */
export const CLUSTER_REGISTRY_STATUSES = vocabulary({
  candidate: { ru: 'Кандидат (заключения Минпромторга нет)', en: 'Candidate (no decision)' },
  registered: { ru: 'В реестре Минпромторга', en: 'In the Minpromtorg registry' },
  expired: { ru: 'Заключение истекло', en: 'Decision expired' },
});
export type ClusterRegistryStatus = ValueOf<typeof CLUSTER_REGISTRY_STATUSES>;
/** The registry statuses a person states (cluster.registry_status); «expired» follows from the date. */
export const STATED_CLUSTER_REGISTRY_STATUSES = ['candidate', 'registered'] as const;
export type StatedClusterRegistryStatus = (typeof STATED_CLUSTER_REGISTRY_STATUSES)[number];

/** Why a supplier search result ranks where it does (one reason per scoring part). */
export const SUPPLIER_RANK_REASONS = vocabulary({
  distance: { ru: 'Расстояние', en: 'Distance' },
  cluster_member: { ru: 'Участник кластера', en: 'Cluster member' },
  other_cluster_member: { ru: 'Участник другого кластера', en: 'Member of another cluster' },
  past_contracts: {
    ru: 'Прежние договоры на эту продукцию',
    en: 'Past contracts for this product',
  },
  activity: { ru: 'Вид деятельности по ОКВЭД2', en: 'ОКВЭД2 activity' },
});
export type SupplierRankReason = ValueOf<typeof SUPPLIER_RANK_REASONS>;
