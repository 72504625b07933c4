/**
 * How every table of the schema is classified for the visibility views
 * (published-views.ts builds the views from these lists and the catalogue):
 * private tables are never mirrored, relations are visible when everything
 * they name is, records decide by their own flags. A new table is added to
 * one of the three sets.
 */

/** A foreign key as the catalogue gives it (or as UNDECLARED_KEYS declares it). */
export interface ForeignKey {
  table_name: string;
  column_name: string;
  target: string;
  target_column: string;
  not_null: boolean;
}

/** Schemas of the views, by reader. */
export const VIEW_SCHEMAS = ['published', 'internal'] as const;
export type ViewSchema = (typeof VIEW_SCHEMAS)[number];

/** Accounts, sessions and the audit trail: never mirrored (the history has its own reader rule). */
export const PRIVATE_TABLES = new Set([
  'app_user',
  'user_session',
  'audit_entry',
  'login_throttle',
  'known_device',
  'security_event',
  // Documents under review and the decisions on their proposals: staff working material.
  'intake_document',
  'intake_decision',
  // Registry import bookkeeping: the editors' own jobs, mappings and set-aside rows.
  'registry_import_mapping',
  'registry_import_job',
  'registry_import_quarantine',
  'registry_import_record',
  // Typo search's word list (search/search-words.ts): words of published records only,
  // read as candidates whose matches are then found through the views.
  'search_word',
]);

/** Rows that only link or describe other records: hidden when any record they name is hidden. */
export const RELATION_TABLES = new Set([
  'organisation_okved',
  'position',
  'site_resident',
  'cluster_member',
  'cooperation_contract',
  'cooperation_purchase',
  'event_participant',
  'agreement_party',
  'action_plan_party',
  'project_participant',
  'support_award_project',
  'statement',
  'rating_result',
  'rating_edition',
  'rating_edition_result',
  'rating_indicator_value',
  'event_decision',
  'agreement_direction',
  'programme_measure',
  'measure_co_executor',
  'measure_report',
  'project_milestone',
]);

/** Records and reference data: their own flags (published, deleted_at) decide. */
export const RECORD_TABLES = new Set([
  'federal_district',
  'region',
  'okved',
  'okpd2',
  'oktmo',
  'source_document',
  'organisation',
  'person',
  'site',
  'cluster',
  'event',
  'agreement',
  'action_plan',
  'project',
  'support_measure',
  'support_award',
  'rating',
  'rating_methodology',
  'statistical_dataset',
  'dataset_value',
  'dataset_quarantine_row',
  'cluster_category',
  'cluster_category_okved',
  'programme_flag_rule',
  'cluster_rule_set',
  'territory_flag',
  // The supplier search's copy of organisations' activities and points, with the
  // organisation's own published/deleted_at copied in by triggers: decided like it.
  'supplier_candidate',
]);

/** Record types a statement may name (the editing API's subject types, the demo's, the programmes). */
const STATEMENT_TYPES = [
  'region',
  'organisation',
  'person',
  'site',
  'cluster',
  'event',
  'agreement',
  'action_plan',
  'project',
  'support_measure',
];
/** Objects a rating ranks. */
export const RATED_TYPES = ['region', 'site', 'cluster'];

/**
 * Polymorphic references: (type column, id column, the types they may name).
 * A type not listed names nothing visible, so such a row stays hidden until
 * the type is added here.
 */
export const POLYMORPHIC: Record<string, Array<[string, string, string[]]>> = {
  statement: [
    ['subject_type', 'subject_id', STATEMENT_TYPES],
    ['object_type', 'object_id', STATEMENT_TYPES],
  ],
  rating_result: [['object_type', 'object_id', RATED_TYPES]],
  rating_edition_result: [['object_type', 'object_id', RATED_TYPES]],
  rating_indicator_value: [['object_type', 'object_id', RATED_TYPES]],
};

/**
 * Required references of a relation to a relation, checked by joining the
 * target's view instead of by an EXISTS sub-plan. For a NOT NULL column
 * naming a primary key the two say the same (the row is visible when the one
 * row it names is), but the planner turns `EXISTS` into one hash of every
 * visible target of the database — a progress report's measure check scanned
 * all measures to read one plan's reports — while the join lets a read of
 * one measure's reports probe that measure by its primary key.
 */
export const JOINED_KEYS = new Set(['measure_report.measure_id', 'measure_co_executor.measure_id']);

/** Reference columns the schema declares no foreign key for (kept loose on purpose): treated as one. */
export const UNDECLARED_KEYS: ForeignKey[] = [
  {
    table_name: 'event_participant',
    column_name: 'position_id',
    target: 'position',
    target_column: 'id',
    not_null: false,
  },
];
