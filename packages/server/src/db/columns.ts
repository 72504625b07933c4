import type { ColumnType, Generated } from 'kysely';
import type { DatePrecisionValue } from '@promatlas/core/domain/vocabulary.ts';

/** Columns every registry record shares, and the column types the table files use. */
export type ReadOnly<T> = ColumnType<T, never, never>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RecordColumns {
  version: Generated<number>;
  published: Generated<boolean>;
  deleted_at: Date | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  source_id: number | null;
  source_quote: string | null;
}
export interface PeriodColumns {
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: DatePrecisionValue | null;
}
export interface SearchColumns {
  search_vector: ReadOnly<string>;
  search_text: ReadOnly<string>;
}
