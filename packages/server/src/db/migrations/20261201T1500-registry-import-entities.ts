import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// The registry import reads people, sites, clusters, cooperation contracts and
// statements as well as organisations: its mappings and jobs name any of them.
const ENTITIES = `('organisations', 'people', 'sites', 'clusters', 'contracts', 'statements')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE registry_import_mapping DROP CONSTRAINT registry_import_mapping_entity_check`,
    `ALTER TABLE registry_import_mapping ADD CONSTRAINT registry_import_mapping_entity_check CHECK (entity IN ${ENTITIES})`,
    `ALTER TABLE registry_import_job DROP CONSTRAINT registry_import_job_entity_check`,
    `ALTER TABLE registry_import_job ADD CONSTRAINT registry_import_job_entity_check CHECK (entity IN ${ENTITIES})`,
  ]);
}
