import type { Generated } from 'kysely';
import type { AuditAction } from '@promatlas/core/domain/vocabulary.ts';
import type { Timestamp } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
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
