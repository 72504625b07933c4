import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/columns.ts';

/** A document under review: private until its first accepted proposal makes it a source. */
export interface IntakeDocumentTable {
  id: Generated<number>;
  title: string;
  publisher: string | null;
  published_on: string | null;
  url: string | null;
  file_name: string | null;
  format: 'text' | 'txt' | 'docx' | 'html' | 'pdf';
  text: string;
  text_sha256: string;
  source_id: number | null;
  created_by: number | null;
  created_at: Generated<Timestamp>;
}
/** A reviewer's decision on one proposal of a document, by the proposal's key. */
export interface IntakeDecisionTable {
  id: Generated<number>;
  document_id: number;
  proposal_key: string;
  kind: 'organisation' | 'person' | 'place' | 'event' | 'agreement' | 'fact';
  status: 'accepted' | 'rejected';
  record_type: string | null;
  record_id: string | null;
  /** What the reviewer changed before accepting (JSON text on write). */
  edited: ColumnType<unknown, string | null, string | null>;
  decided_by: number | null;
  decided_at: Generated<Timestamp>;
}
