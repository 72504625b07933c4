import type { ColumnType, Generated } from 'kysely';
import type {
  RegistryImportReason,
  RegistryImportStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Timestamp } from '../db/columns.ts';

/** Registry import bookkeeping: saved mappings, jobs, set-aside rows, the versions imports left. */
export interface RegistryImportMappingTable {
  id: Generated<number>;
  entity: string;
  header_signature: string;
  headers: ColumnType<string[], string, string>;
  columns: ColumnType<Record<string, string>, string, string>;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}
export interface RegistryImportJobTable {
  id: Generated<number>;
  entity: string;
  status: RegistryImportStatus;
  dry_run: boolean;
  file_name: string;
  file_bytes: ColumnType<string | number | null, number | null, number | null>;
  file_sha256: string | null;
  user_id: number | null;
  source_id: number | null;
  retry_of: number | null;
  columns: ColumnType<Record<string, string>, string, string>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  rows_total: number | null;
  rows_done: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  refused: Generated<number>;
  conflicts: Generated<number>;
  problems: ColumnType<unknown, string | null, string | null>;
  changes: ColumnType<unknown, string | null, string | null>;
  cancel_requested: Generated<boolean>;
  started_at: Generated<Timestamp>;
  finished_at: Timestamp | null;
}
export interface RegistryImportQuarantineTable {
  id: Generated<number>;
  job_id: number;
  line: number;
  raw: ColumnType<Record<string, string>, string, string>;
  values: ColumnType<Record<string, string>, string, string>;
  problems: ColumnType<unknown, string, string>;
  reason_code: RegistryImportReason;
  record_id: number | null;
  overwrite: Generated<boolean>;
  status: Generated<'open' | 'retried'>;
  retried_by: number | null;
}
export interface RegistryImportRecordTable {
  entity_type: string;
  record_id: number;
  version: number;
  job_id: number;
}
