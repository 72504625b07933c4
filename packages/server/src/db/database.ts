import type { ColumnType, Generated } from 'kysely';
import type {
  AccountRole,
  AuditAction,
  ClusterKind,
  ClusterStatus,
  DatasetMeasure,
  DatePrecisionValue,
  EventKind,
  EventStatus,
  IndustryClassification,
  IndustryType,
  MeasureStatus,
  MembershipRole,
  OrganisationKind,
  ParticipationRole,
  PartyRole,
  ProjectKind,
  ProjectParticipantRole,
  ProjectStatus,
  QuarantineReason,
  RegionLevel,
  SezType,
  SiteKind,
  SourceKind,
} from '@promatlas/core/domain/vocabulary.ts';

/**
 * Kysely table types, kept in step with migrations/ (schema-drift.test.ts
 * compares them with information_schema and fails on any difference).
 * Row types stay inside repositories; services map them to domain types.
 */
type ReadOnly<T> = ColumnType<T, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RecordColumns {
  version: Generated<number>;
  published: Generated<boolean>;
  deleted_at: Date | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  source_id: number | null;
  source_quote: string | null;
}
export interface PeriodColumns {
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: DatePrecisionValue | null;
}
export interface SearchColumns {
  search_vector: ReadOnly<string>;
  search_text: ReadOnly<string>;
}

export interface FederalDistrictTable {
  code: string;
  name: string;
  full_name: string;
}
export interface RegionTable extends SearchColumns {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  okato: string | null;
  oktmo: string | null;
  iso_code: string | null;
  federal_district_code: string;
  aliases: Generated<string[]>;
}
export interface OkvedTable {
  code: string;
  section: string;
  parent_code: string | null;
  level: string;
  name: string;
}
export interface Okpd2Table {
  code: string;
  section: string;
  parent_code: string | null;
  level: string;
  name: string;
}
export interface OktmoTable {
  code: string;
  name: string;
  region_code: string;
  parent_code: string | null;
  level: number;
  kind: string;
  centre: string | null;
}
export interface SourceDocumentTable extends SearchColumns {
  id: Generated<number>;
  slug: string | null;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published_from: string | null;
  published_to: string | null;
  published_precision: DatePrecisionValue | null;
  url: string | null;
  text: string;
  created_at: Generated<Timestamp>;
}
export interface OrganisationTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  full_name: string | null;
  short_name: string | null;
  legal_form: string | null;
  inn: string | null;
  ogrn: string | null;
  kpp: string | null;
  region_code: string | null;
  town: string | null;
  country: Generated<string>;
  parent_id: number | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  aliases: Generated<string[]>;
}
export interface OrganisationOkvedTable {
  organisation_id: number;
  okved_code: string;
  is_main: Generated<boolean>;
}
export interface PersonTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  last_name: string;
  first_name: string | null;
  patronymic: string | null;
  aliases: Generated<string[]>;
}
export interface PositionTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  person_id: number;
  organisation_id: number | null;
  region_code: string | null;
  title: string;
}
export interface SiteTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: SiteKind;
  sez_type: SezType | null;
  name: string;
  full_name: string | null;
  aliases: Generated<string[]>;
  region_code: string | null;
  town: string | null;
  management_organisation_id: number | null;
  specialisation: string | null;
  latitude: number | null;
  longitude: number | null;
}
export interface SiteResidentTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  site_id: number;
  organisation_id: number;
}
export interface ClusterTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: ClusterKind;
  status: Generated<ClusterStatus>;
  name: string;
  full_name: string | null;
  aliases: Generated<string[]>;
  region_code: string | null;
  specialisation: string | null;
  specialised_organisation_id: number | null;
}
export interface ClusterMemberTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  cluster_id: number;
  organisation_id: number;
  role: Generated<MembershipRole>;
}
export interface EventTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  kind: EventKind;
  status: Generated<EventStatus>;
  title: string;
  region_code: string | null;
  place: string | null;
  participant_categories: Generated<string[]>;
  topics: Generated<string[]>;
  outcomes: Generated<string[]>;
  goals: Generated<string[]>;
  planned_participants: number | null;
  planned_participants_qualifier: string | null;
  follows_event_id: number | null;
  agenda: string | null;
}
export interface EventParticipantTable extends RecordColumns {
  id: Generated<number>;
  event_id: number;
  organisation_id: number | null;
  person_id: number | null;
  position_id: number | null;
  role: ParticipationRole;
}
export interface AgreementTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  title: string;
  place: string | null;
  event_id: number | null;
  directions: Generated<string[]>;
  subject: string | null;
}
export interface AgreementPartyTable extends RecordColumns {
  id: Generated<number>;
  agreement_id: number;
  organisation_id: number | null;
  region_code: string | null;
  signatory_person_id: number | null;
  signatory_position_id: number | null;
  role: Generated<PartyRole>;
}
export interface ActionPlanTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  title: string;
  approved_at_event_id: number | null;
  themes: Generated<string[]>;
}
export interface ActionPlanPartyTable extends RecordColumns {
  id: Generated<number>;
  action_plan_id: number;
  organisation_id: number | null;
  region_code: string | null;
  role: Generated<PartyRole>;
}
export interface EventDecisionTable extends RecordColumns {
  id: Generated<number>;
  event_id: number;
  position: Generated<number>;
  text: string;
}
export interface AgreementDirectionTable extends RecordColumns {
  id: Generated<number>;
  agreement_id: number;
  position: Generated<number>;
  title: string;
}
export interface ProgrammeMeasureTable extends RecordColumns {
  id: Generated<number>;
  action_plan_id: number | null;
  agreement_direction_id: number | null;
  event_decision_id: number | null;
  position: Generated<number>;
  title: string;
  theme: string | null;
  owner_organisation_id: number | null;
  owner_region_code: string | null;
  owner_person_id: number | null;
  start_from: string | null;
  start_to: string | null;
  start_precision: DatePrecisionValue | null;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_precision: DatePrecisionValue | null;
  status: MeasureStatus | null;
  indicator_name: string | null;
  indicator_unit: string | null;
  indicator_target: number | null;
  indicator_target_on: string | null;
  indicator_actual: number | null;
  indicator_actual_on: string | null;
}
export interface MeasureCoExecutorTable extends RecordColumns {
  id: Generated<number>;
  measure_id: number;
  organisation_id: number | null;
  region_code: string | null;
  person_id: number | null;
}
export interface MeasureReportTable extends RecordColumns {
  id: Generated<number>;
  measure_id: number;
  reported_on: string;
  note: string;
  progress: number | null;
  actual_value: number | null;
}
export interface ProgrammeFlagRuleTable {
  id: number;
  at_risk_within_days: number;
  stale_report_days: number;
  version: Generated<number>;
  updated_at: ColumnType<Date, never, string>;
}
export interface ProjectTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  kind: ProjectKind;
  status: ProjectStatus | null;
  title: string;
  description: string | null;
  region_code: string | null;
  cluster_id: number | null;
  site_id: number | null;
}
export interface ProjectParticipantTable extends RecordColumns {
  id: Generated<number>;
  project_id: number;
  organisation_id: number;
  role: ProjectParticipantRole;
}
export interface SupportMeasureTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  code: string | null;
  name: string;
  regulation: string | null;
  max_share: number | null;
  cap_amount: number | null;
  cap_currency: string | null;
}
export interface SupportAwardTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  provider_organisation_id: number | null;
  support_measure_id: number | null;
  amount: number | null;
  amount_qualifier: Generated<string>;
  currency: Generated<string>;
  programme: string | null;
}
export interface SupportAwardProjectTable {
  support_award_id: number;
  project_id: number;
}
export interface RatingTable extends RecordColumns {
  id: Generated<number>;
  code: string | null;
  name: string;
  publisher_organisation_id: number | null;
  object_type: string;
  methodology_code: string | null;
}
export interface RatingResultTable extends RecordColumns {
  id: Generated<number>;
  rating_id: number;
  edition_label: string;
  edition_number: number | null;
  year: number;
  peer_group: string | null;
  object_type: string;
  object_id: number;
  place: number;
  score: number | null;
  kind: Generated<string>;
  edition_id: number | null;
}
export interface RatingMethodologyTable {
  id: Generated<number>;
  code: string;
  version: string;
  title: string;
  object_type: string;
  /** Methodology JSON (core methodology.schema.ts); immutable once stored. */
  body: ColumnType<unknown, string, never>;
  is_default: Generated<boolean>;
  created_at: Timestamp;
}
export interface RatingEditionTable {
  id: Generated<number>;
  rating_id: number | null;
  methodology_id: number | null;
  kind: 'computed' | 'published';
  year: number;
  label: string;
  edition_number: number | null;
  status: Generated<'draft' | 'final'>;
  dataset: string | null;
  /** Snapshot of the indicator values a computed edition used (JSON text on write). */
  inputs: ColumnType<unknown, string | null, string | null>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  source_id: number | null;
  source_quote: string | null;
}
export interface RatingIndicatorValueTable {
  id: Generated<number>;
  dataset: string;
  object_type: 'site' | 'cluster' | 'region';
  object_id: string;
  indicator: string;
  year: number;
  value: number | null;
  source_id: number | null;
  source_text: string | null;
  provenance: 'import' | 'illustrative' | 'manual';
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface RatingEditionResultTable {
  edition_id: number;
  object_type: string;
  object_id: string;
  peer_group: string | null;
  score: number | null;
  place: number | null;
  disqualified: Generated<boolean>;
  /** [{ code, score, weight, contribution }] in methodology group order (JSON text on write). */
  group_scores: ColumnType<unknown, string, string>;
  missing_indicators: Generated<string[]>;
}
export interface StatementTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  subject_type: string;
  subject_id: string;
  property: string;
  value_number: number | null;
  value_text: string | null;
  unit: string | null;
  qualifier: Generated<string>;
  object_type: string | null;
  object_id: string | null;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: AccountRole;
  regions: Generated<string[]>;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: string | number | null;
  password_changed_at: Timestamp | null;
  organisation_id: number | null;
  person_id: number | null;
}
export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  id: Generated<number>;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_start: Timestamp;
  next_at: Timestamp;
  updated_at: Timestamp;
}
export interface KnownDeviceTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_used_at: Timestamp;
}
export interface SecurityEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  subject_id: number | null;
  action: string;
  email: string | null;
  ip: string | null;
  user_agent: string | null;
  details: unknown;
}
export interface AuditEntryTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  source_id: number | null;
}

export interface StatisticalDatasetTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  measure: DatasetMeasure;
  unit: string;
  region_level: Generated<RegionLevel>;
  industry_classification: Generated<IndustryClassification>;
  source_id: number | null;
  source_text: string | null;
  source_url: string | null;
  provenance: string | null;
  illustrative: Generated<boolean>;
  created_at: Generated<Timestamp>;
  import_pending: Generated<boolean>;
}
export interface DatasetValueTable {
  dataset_id: number;
  region_code: string;
  industry_code: string;
  year: number;
  value: number;
  source_line: number | null;
}
export interface DatasetQuarantineRowTable {
  id: Generated<number>;
  dataset_id: number;
  file_sha256: string;
  line: number;
  raw: ColumnType<unknown, string, string>;
  reason_code: QuarantineReason;
  reason: string;
  created_at: Generated<Timestamp>;
}
export interface ClusterCategoryTable {
  code: string;
  name: string;
  type: IndustryType;
  description: string | null;
}
export interface ClusterCategoryOkvedTable {
  okved_code: string;
  category_code: string;
}

export interface Database {
  federal_district: FederalDistrictTable;
  region: RegionTable;
  okved: OkvedTable;
  okpd2: Okpd2Table;
  oktmo: OktmoTable;
  source_document: SourceDocumentTable;
  organisation: OrganisationTable;
  organisation_okved: OrganisationOkvedTable;
  person: PersonTable;
  position: PositionTable;
  site: SiteTable;
  site_resident: SiteResidentTable;
  cluster: ClusterTable;
  cluster_member: ClusterMemberTable;
  event: EventTable;
  event_participant: EventParticipantTable;
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  action_plan: ActionPlanTable;
  action_plan_party: ActionPlanPartyTable;
  project: ProjectTable;
  event_decision: EventDecisionTable;
  agreement_direction: AgreementDirectionTable;
  programme_measure: ProgrammeMeasureTable;
  measure_co_executor: MeasureCoExecutorTable;
  measure_report: MeasureReportTable;
  programme_flag_rule: ProgrammeFlagRuleTable;
  project_participant: ProjectParticipantTable;
  support_measure: SupportMeasureTable;
  support_award: SupportAwardTable;
  support_award_project: SupportAwardProjectTable;
  rating: RatingTable;
  rating_result: RatingResultTable;
  rating_methodology: RatingMethodologyTable;
  rating_edition: RatingEditionTable;
  rating_indicator_value: RatingIndicatorValueTable;
  rating_edition_result: RatingEditionResultTable;
  statement: StatementTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_entry: AuditEntryTable;
  login_throttle: LoginThrottleTable;
  known_device: KnownDeviceTable;
  security_event: SecurityEventTable;
  statistical_dataset: StatisticalDatasetTable;
  dataset_value: DatasetValueTable;
  dataset_quarantine_row: DatasetQuarantineRowTable;
  cluster_category: ClusterCategoryTable;
  cluster_category_okved: ClusterCategoryOkvedTable;
}
