import type { SecurityEventTable, AuditEntryTable } from '../audit/audit.table.ts';
import type { SearchWordTable } from '../search/search.table.ts';
import type { UserSessionTable, LoginThrottleTable, KnownDeviceTable } from '../auth/auth.table.ts';
import type {
  ClusterCategoryTable,
  ClusterCategoryOkvedTable,
} from '../clusters/categories/cluster-category.table.ts';
import type { ClusterTable, ClusterMemberTable } from '../clusters/registry/cluster.table.ts';
import type {
  CooperationContractTable,
  CooperationPurchaseTable,
} from '../clusters/cooperation/cooperation.table.ts';
import type {
  StatisticalDatasetTable,
  DatasetValueTable,
  DatasetQuarantineRowTable,
} from '../datasets/dataset.table.ts';
import type {
  RatingMethodologyTable,
  RatingEditionTable,
  RatingIndicatorValueTable,
  RatingEditionResultTable,
} from '../ratings/rating.table.ts';
import type { OkvedTable, Okpd2Table, OktmoTable } from '../reference/classifier.table.ts';
import type {
  ActionPlanTable,
  ActionPlanPartyTable,
  MeasureCoExecutorTable,
  MeasureReportTable,
  ProgrammeFlagRuleTable,
  ProgrammeMeasureTable,
} from '../registry/action-plans/action-plan.table.ts';
import type {
  AgreementTable,
  AgreementDirectionTable,
  AgreementPartyTable,
} from '../registry/agreements/agreement.table.ts';
import type {
  EventTable,
  EventDecisionTable,
  EventParticipantTable,
} from '../registry/events/event.table.ts';
import type {
  OrganisationTable,
  OrganisationOkvedTable,
} from '../registry/organisations/organisation.table.ts';
import type { PersonTable, PositionTable } from '../registry/people/person.table.ts';
import type {
  ProjectMilestoneTable,
  ProjectTable,
  ProjectParticipantTable,
} from '../registry/projects/project.table.ts';
import type {
  SupportMeasureTable,
  SupportAwardTable,
  SupportAwardProjectTable,
} from '../registry/projects/support.table.ts';
import type { RatingTable, RatingResultTable } from '../registry/ratings/rating.table.ts';
import type { FederalDistrictTable, RegionTable } from '../registry/regions/region.table.ts';
import type { SiteTable, SiteResidentTable } from '../registry/sites/site.table.ts';
import type { SourceDocumentTable } from '../registry/sources/source.table.ts';
import type { StatementTable } from '../registry/statements/statement.table.ts';
import type { AppUserTable } from '../users/user.table.ts';
import type { ClusterRuleSetTable, TerritoryFlagTable } from '../support/support.table.ts';
import type { SupplierCandidateTable } from '../clusters/suppliers/supplier.table.ts';
import type { IntakeDocumentTable, IntakeDecisionTable } from '../intake/intake.table.ts';
import type {
  RegistryImportJobTable,
  RegistryImportMappingTable,
  RegistryImportQuarantineTable,
  RegistryImportRecordTable,
} from '../registry-import/registry-import.table.ts';

/**
 * Kysely table types, kept in step with migrations/ (schema-drift.test.ts
 * compares them with information_schema and fails on any difference).
 * Row types stay inside repositories; services map them to domain types.
 */
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
  cooperation_contract: CooperationContractTable;
  cooperation_purchase: CooperationPurchaseTable;
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
  project_milestone: ProjectMilestoneTable;
  support_measure: SupportMeasureTable;
  support_award: SupportAwardTable;
  support_award_project: SupportAwardProjectTable;
  cluster_rule_set: ClusterRuleSetTable;
  territory_flag: TerritoryFlagTable;
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
  intake_document: IntakeDocumentTable;
  intake_decision: IntakeDecisionTable;
  registry_import_mapping: RegistryImportMappingTable;
  registry_import_job: RegistryImportJobTable;
  registry_import_quarantine: RegistryImportQuarantineTable;
  registry_import_record: RegistryImportRecordTable;
  search_word: SearchWordTable;
  supplier_candidate: SupplierCandidateTable;
}
