import type { ColumnType, Generated } from 'kysely';
import type {
  DatasetMeasure,
  IndustryClassification,
  QuarantineReason,
  RegionLevel,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Timestamp } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface StatisticalDatasetTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  measure: DatasetMeasure;
  unit: string;
  region_level: Generated<RegionLevel>;
  industry_classification: Generated<IndustryClassification>;
  source_id: number | null;
  source_text: string | null;
  source_url: string | null;
  provenance: string | null;
  illustrative: Generated<boolean>;
  created_at: Generated<Timestamp>;
  import_pending: Generated<boolean>;
}
export interface DatasetValueTable {
  dataset_id: number;
  region_code: string;
  industry_code: string;
  year: number;
  value: number;
  source_line: number | null;
}
export interface DatasetQuarantineRowTable {
  id: Generated<number>;
  dataset_id: number;
  file_sha256: string;
  line: number;
  raw: ColumnType<unknown, string, string>;
  reason_code: QuarantineReason;
  reason: string;
  created_at: Generated<Timestamp>;
}
