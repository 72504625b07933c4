import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  ACCOUNT_ROLES,
  AUDIT_ACTIONS,
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  COOPERATION_CONTRACT_TYPES,
  TERRITORY_FLAGS,
  INTAKE_DECISION_STATUSES,
  INTAKE_FORMATS,
  DATASET_MEASURES,
  DATE_PRECISIONS,
  EVENT_KINDS,
  EVENT_STATUSES,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_TYPES,
  MEASURE_STATUSES,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  PARTY_ROLES,
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  QUARANTINE_REASONS,
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_ROW_STATUSES,
  REGISTRY_IMPORT_ENTITIES,
  REGISTRY_IMPORT_STATUSES,
  RATING_OBJECT_TYPES,
  REGION_LEVELS,
  SEZ_TYPES,
  SITE_KINDS,
  SOURCE_KINDS,
  STATED_CLUSTER_REGISTRY_STATUSES,
} from '@promatlas/core/domain/vocabulary.ts';
import {
  IndicatorValueListSchema,
  RatingEditionSummarySchema,
} from '@promatlas/core/api/ratings.schema.ts';
import { PROPOSAL_KINDS } from '@promatlas/core/intake/proposals.ts';
import { ratingObjectTypeSchema } from '@promatlas/core/ratings/methodology.schema.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';

/**
 * Each column that holds a controlled value, with the values core declares for
 * it. Response schemas are enums of these lists, so a value the database could
 * hold but core does not know would make a read fail; a value core knows but
 * the database refuses would make a write fail. Both show here.
 */
const PRECISIONS = DATE_PRECISIONS.values;
const EXPECTED: Record<string, readonly string[]> = {
  'organisation.kind': ORGANISATION_KINDS.values,
  'site.kind': SITE_KINDS.values,
  'site.sez_type': SEZ_TYPES.values,
  'cluster.kind': CLUSTER_KINDS.values,
  'cluster.status': CLUSTER_STATUSES.values,
  'cluster.registry_status': STATED_CLUSTER_REGISTRY_STATUSES,
  'cluster_member.role': MEMBERSHIP_ROLES.values,
  'cooperation_contract.contract_type': COOPERATION_CONTRACT_TYPES.values,
  'territory_flag.flag': TERRITORY_FLAGS.values,
  'intake_document.format': INTAKE_FORMATS.values,
  'intake_decision.kind': PROPOSAL_KINDS,
  'intake_decision.status': INTAKE_DECISION_STATUSES.values,
  'cooperation_contract.valid_precision': PRECISIONS,
  'event.kind': EVENT_KINDS.values,
  'event.status': EVENT_STATUSES.values,
  'event_participant.role': PARTICIPATION_ROLES.values,
  'agreement_party.role': PARTY_ROLES.values,
  'action_plan_party.role': PARTY_ROLES.values,
  'project.kind': PROJECT_KINDS.values,
  'project.status': PROJECT_STATUSES.values,
  'project_participant.role': PROJECT_PARTICIPANT_ROLES.values,
  'source_document.kind': SOURCE_KINDS.values,
  'source_document.published_precision': PRECISIONS,
  'position.valid_precision': PRECISIONS,
  'site_resident.valid_precision': PRECISIONS,
  'cluster_member.valid_precision': PRECISIONS,
  'event.valid_precision': PRECISIONS,
  'agreement.valid_precision': PRECISIONS,
  'action_plan.valid_precision': PRECISIONS,
  'project.valid_precision': PRECISIONS,
  'support_measure.valid_precision': PRECISIONS,
  'support_award.valid_precision': PRECISIONS,
  'statement.valid_precision': PRECISIONS,
  'programme_measure.status': MEASURE_STATUSES.values,
  'programme_measure.start_precision': PRECISIONS,
  'programme_measure.deadline_precision': PRECISIONS,
  'project_milestone.valid_precision': PRECISIONS,
  'dataset_quarantine_row.reason_code': QUARANTINE_REASONS.values,
  'registry_import_mapping.entity': REGISTRY_IMPORT_ENTITIES.values,
  'registry_import_job.entity': REGISTRY_IMPORT_ENTITIES.values,
  'registry_import_job.status': REGISTRY_IMPORT_STATUSES.values,
  'registry_import_quarantine.reason_code': REGISTRY_IMPORT_REASONS.values,
  'registry_import_quarantine.status': REGISTRY_IMPORT_ROW_STATUSES.values,
  'app_user.role': ACCOUNT_ROLES.values,
  'audit_entry.action': AUDIT_ACTIONS.values,
  'statistical_dataset.measure': DATASET_MEASURES.values,
  'statistical_dataset.region_level': REGION_LEVELS.values,
  'statistical_dataset.industry_classification': INDUSTRY_CLASSIFICATIONS.values,
  'cluster_category.type': INDUSTRY_TYPES.values,
  'rating_indicator_value.object_type': RATING_OBJECT_TYPES.values,
  'rating_indicator_value.provenance':
    IndicatorValueListSchema.shape.items.element.shape.provenance.options,
  'rating_methodology.object_type': ratingObjectTypeSchema.options,
  'rating_edition.kind': RatingEditionSummarySchema.shape.kind.options,
  'rating_edition.status': RatingEditionSummarySchema.shape.status.options,
};

/** Classifier levels loaded from official reference files: never sent as API enums. */
const REFERENCE_CLASSIFIERS = ['okpd2.level', 'oktmo.kind'];

/**
 * The single-column value-list CHECK constraints of the migrated schema, as
 * column → values. PostgreSQL stores `c IN ('a', 'b')` as
 * `CHECK ((c = ANY (ARRAY['a'::text, 'b'::text])))`.
 */
async function valueListConstraints(database: TestDatabase): Promise<Record<string, string[]>> {
  const rows = await sql<{ table_name: string; definition: string }>`
    SELECT t.relname AS table_name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'c' AND n.nspname = 'public'`.execute(database.db);
  const found: Record<string, string[]> = {};
  for (const { table_name, definition } of rows.rows) {
    const list = /^CHECK \(\(\(?(\w+)\)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(
      definition,
    );
    if (!list) continue;
    const values = [...list[2]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    found[`${table_name}.${list[1]}`] = values;
  }
  return found;
}

describe.each(databaseKinds())('vocabularies and database constraints on %s', (kind) => {
  let database: TestDatabase;
  let constraints: Record<string, string[]>;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
    constraints = await valueListConstraints(database);
  });
  afterAll(async () => database?.dispose());

  it('every column with a controlled value has a CHECK constraint listing exactly its core vocabulary', () => {
    for (const [column, values] of Object.entries(EXPECTED)) {
      expect(constraints[column], column).toBeDefined();
      expect([...constraints[column]!].sort(), column).toEqual([...values].sort());
    }
  });

  it('no value-list constraint exists that core does not declare', () => {
    const undeclared = Object.keys(constraints).filter(
      (column) => !(column in EXPECTED) && !REFERENCE_CLASSIFIERS.includes(column),
    );
    expect(undeclared).toEqual([]);
  });

  it('the database refuses a kind outside the vocabulary', async () => {
    await expect(
      sql`INSERT INTO organisation (kind, name) VALUES ('bank', 'Банк')`.execute(database.db),
    ).rejects.toThrow(/organisation_kind_check/);
    await expect(
      sql`INSERT INTO organisation (kind, name) VALUES ('enterprise', 'Завод')`.execute(
        database.db,
      ),
    ).resolves.toBeDefined();
  });
});
