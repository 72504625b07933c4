import type { Generated } from 'kysely';
import type { AccountRole } from '@promatlas/core/domain/vocabulary.ts';
import type { Timestamp } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
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
