import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';

/**
 * The Kysely table types in database.ts must match the migrated schema. The
 * expected column lists are written from the type (a compile-time check makes
 * each list name exactly the keys of its table type), and compared with
 * information_schema after migrating.
 */
type Columns<T> = { [K in keyof T]-?: true };
const columns = <T,>(c: Columns<T>) => Object.keys(c).sort();

const EXPECTED: { [T in keyof Database]: string[] } = {
  federal_district: columns<Database['federal_district']>({ code: true, name: true, full_name: true }),
  region: columns<Database['region']>({ code: true, name: true, short_name: true, kind: true, okato: true, oktmo: true, iso_code: true, federal_district_code: true, aliases: true, search_vector: true, search_text: true }),
  okved: columns<Database['okved']>({ code: true, section: true, parent_code: true, level: true, name: true }),
  source_document: columns<Database['source_document']>({ id: true, slug: true, kind: true, title: true, publisher: true, published_from: true, published_to: true, published_precision: true, url: true, text: true, created_at: true, search_vector: true, search_text: true }),
  organisation: columns<Database['organisation']>({ id: true, kind: true, name: true, full_name: true, short_name: true, legal_form: true, inn: true, ogrn: true, kpp: true, region_code: true, town: true, country: true, parent_id: true, latitude: true, longitude: true, description: true, aliases: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  organisation_okved: columns<Database['organisation_okved']>({ organisation_id: true, okved_code: true, is_main: true }),
  person: columns<Database['person']>({ id: true, last_name: true, first_name: true, patronymic: true, aliases: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  position: columns<Database['position']>({ id: true, person_id: true, organisation_id: true, region_code: true, title: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  site: columns<Database['site']>({ id: true, kind: true, sez_type: true, name: true, full_name: true, aliases: true, region_code: true, town: true, management_organisation_id: true, specialisation: true, latitude: true, longitude: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  site_resident: columns<Database['site_resident']>({ id: true, site_id: true, organisation_id: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  cluster: columns<Database['cluster']>({ id: true, kind: true, status: true, name: true, full_name: true, aliases: true, region_code: true, specialisation: true, specialised_organisation_id: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  cluster_member: columns<Database['cluster_member']>({ id: true, cluster_id: true, organisation_id: true, role: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  event: columns<Database['event']>({ id: true, kind: true, status: true, title: true, region_code: true, place: true, valid_from: true, valid_to: true, valid_precision: true, participant_categories: true, topics: true, outcomes: true, goals: true, planned_participants: true, planned_participants_qualifier: true, follows_event_id: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  event_participant: columns<Database['event_participant']>({ id: true, event_id: true, organisation_id: true, person_id: true, position_id: true, role: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  agreement: columns<Database['agreement']>({ id: true, title: true, place: true, event_id: true, valid_from: true, valid_to: true, valid_precision: true, directions: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  agreement_party: columns<Database['agreement_party']>({ id: true, agreement_id: true, organisation_id: true, region_code: true, signatory_person_id: true, signatory_position_id: true, role: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  action_plan: columns<Database['action_plan']>({ id: true, title: true, approved_at_event_id: true, valid_from: true, valid_to: true, valid_precision: true, themes: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  action_plan_party: columns<Database['action_plan_party']>({ id: true, action_plan_id: true, organisation_id: true, region_code: true, role: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  project: columns<Database['project']>({ id: true, kind: true, status: true, title: true, description: true, region_code: true, cluster_id: true, site_id: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true, search_vector: true, search_text: true }),
  project_participant: columns<Database['project_participant']>({ id: true, project_id: true, organisation_id: true, role: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  support_measure: columns<Database['support_measure']>({ id: true, code: true, name: true, regulation: true, max_share: true, cap_amount: true, cap_currency: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  support_award: columns<Database['support_award']>({ id: true, provider_organisation_id: true, support_measure_id: true, amount: true, amount_qualifier: true, currency: true, programme: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  support_award_project: columns<Database['support_award_project']>({ support_award_id: true, project_id: true }),
  rating: columns<Database['rating']>({ id: true, code: true, name: true, publisher_organisation_id: true, object_type: true, methodology_code: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  rating_result: columns<Database['rating_result']>({ id: true, rating_id: true, edition_label: true, edition_number: true, year: true, peer_group: true, object_type: true, object_id: true, place: true, score: true, kind: true, edition_id: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  rating_methodology: columns<Database['rating_methodology']>({ id: true, code: true, version: true, title: true, object_type: true, body: true, is_default: true, created_at: true }),
  rating_edition: columns<Database['rating_edition']>({ id: true, rating_id: true, methodology_id: true, kind: true, year: true, label: true, edition_number: true, status: true, dataset: true, inputs: true, computed_at: true, created_at: true, source_id: true, source_quote: true }),
  rating_indicator_value: columns<Database['rating_indicator_value']>({ id: true, dataset: true, object_type: true, object_id: true, indicator: true, year: true, value: true, source_id: true, source_text: true, provenance: true, created_at: true, updated_at: true }),
  rating_edition_result: columns<Database['rating_edition_result']>({ edition_id: true, object_type: true, object_id: true, peer_group: true, score: true, place: true, disqualified: true, group_scores: true, missing_indicators: true }),
  statement: columns<Database['statement']>({ id: true, subject_type: true, subject_id: true, property: true, value_number: true, value_text: true, unit: true, qualifier: true, object_type: true, object_id: true, valid_from: true, valid_to: true, valid_precision: true, version: true, published: true, deleted_at: true, created_at: true, updated_at: true, source_id: true, source_quote: true }),
  app_user: columns<Database['app_user']>({ id: true, email: true, display_name: true, password_hash: true, role: true, regions: true, disabled: true, created_at: true }),
  user_session: columns<Database['user_session']>({ token_hash: true, user_id: true, csrf_token: true, created_at: true, expires_at: true }),
  audit_entry: columns<Database['audit_entry']>({ id: true, at: true, user_id: true, action: true, entity_type: true, entity_id: true, before: true, after: true, source_id: true }),
  statistical_dataset: columns<Database['statistical_dataset']>({ id: true, name: true, description: true, measure: true, unit: true, region_level: true, industry_classification: true, source_id: true, source_text: true, source_url: true, provenance: true, illustrative: true, created_at: true }),
  dataset_value: columns<Database['dataset_value']>({ dataset_id: true, region_code: true, industry_code: true, year: true, value: true, source_line: true }),
  dataset_quarantine_row: columns<Database['dataset_quarantine_row']>({ id: true, dataset_id: true, file_sha256: true, line: true, raw: true, reason_code: true, reason: true, created_at: true }),
  cluster_category: columns<Database['cluster_category']>({ code: true, name: true, type: true, description: true }),
  cluster_category_okved: columns<Database['cluster_category_okved']>({ okved_code: true, category_code: true }),
};

describe.each(databaseKinds())('schema types on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
  });
  afterAll(async () => database?.dispose());

  it('database.ts declares exactly the tables and columns the migrations create', async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'`.execute(database.db);
    const actual: Record<string, string[]> = {};
    for (const r of rows.rows) (actual[r.table_name] ??= []).push(r.column_name);
    for (const t of Object.keys(actual)) actual[t]!.sort();
    expect(actual).toEqual(EXPECTED);
  });
});
