import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Registry columns that hold a controlled value get the CHECK constraint the
// analytics, rating and account tables already had, so the database holds only
// what the API can return (its response schemas are enums of the same
// vocabularies, core domain/vocabulary.ts). The value lists are written out
// rather than imported: a migration must mean the same thing forever, and
// vocabulary-constraints.test.ts fails when core and the database differ, which
// is when a new migration replaces a constraint.
const CONTROLLED: Array<[table: string, column: string, values: string[]]> = [
  [
    'organisation',
    'kind',
    [
      'enterprise',
      'university',
      'college',
      'research_institute',
      'government_body',
      'association',
      'consultancy',
      'development_institution',
      'management_company',
      'foreign_company',
      'media',
      'other',
    ],
  ],
  ['site', 'kind', ['sez', 'technopark', 'industrial_park', 'tor']],
  [
    'site',
    'sez_type',
    ['industrial_production', 'technology_innovation', 'tourist_recreational', 'port'],
  ],
  [
    'cluster',
    'kind',
    ['industrial', 'innovation_territorial', 'education_production', 'education'],
  ],
  ['cluster', 'status', ['forming', 'operating']],
  [
    'cluster_member',
    'role',
    [
      'participant',
      'anchor',
      'component_supplier',
      'infrastructure',
      'education',
      'research',
      'finance',
      'specialised_organisation',
      'resident',
    ],
  ],
  ['event', 'kind', ['strategic_session', 'setup_session', 'forum', 'meeting']],
  ['event', 'status', ['held', 'planned']],
  [
    'event_participant',
    'role',
    ['organiser', 'supporter', 'partner', 'opener', 'speaker', 'participant'],
  ],
  ['agreement_party', 'role', ['party', 'signatory', 'executor']],
  ['action_plan_party', 'role', ['party', 'signatory', 'executor']],
  ['project', 'kind', ['investment', 'joint_cluster', 'infrastructure', 'social']],
  ['project', 'status', ['planned', 'in_progress', 'completed', 'supported']],
  ['project_participant', 'role', ['investor', 'object', 'participant']],
  ['source_document', 'kind', ['press_release', 'news', 'reference']],
  [
    'dataset_quarantine_row',
    'reason_code',
    [
      'unknown_region',
      'region_includes_parts',
      'duplicate_region_spelling',
      'unknown_industry',
      'ambiguous_industry',
      'total_row',
      'other_ownership_form',
      'unrecognised_row',
      'invalid_value',
      'invalid_year',
      'duplicate_key',
    ],
  ],
];

const DATE_PRECISIONS = ['day', 'month', 'season', 'quarter', 'year', 'range'];
const PRECISION_COLUMNS: Array<[table: string, column: string]> = [
  ['source_document', 'published_precision'],
  ...[
    'position',
    'site_resident',
    'cluster_member',
    'event',
    'agreement',
    'action_plan',
    'project',
    'support_measure',
    'support_award',
    'statement',
  ].map((table): [string, string] => [table, 'valid_precision']),
];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    ...CONTROLLED.map(
      ([table, column, values]) =>
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} IN (${list(values)}))`,
    ),
    ...PRECISION_COLUMNS.map(
      ([table, column]) =>
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_check CHECK (${column} IN (${list(DATE_PRECISIONS)}))`,
    ),
  ]);
}
