import type { Generated } from 'kysely';
import type { DatePrecisionValue, SourceKind } from '@promatlas/core/domain/vocabulary.ts';
import type { Timestamp, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface SourceDocumentTable extends SearchColumns {
  id: Generated<number>;
  slug: string | null;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published_from: string | null;
  published_to: string | null;
  published_precision: DatePrecisionValue | null;
  url: string | null;
  text: string;
  created_at: Generated<Timestamp>;
}
