import type { Generated } from 'kysely';
import type { Timestamp } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
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
