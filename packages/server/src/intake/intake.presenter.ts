import type { z } from 'zod';
import type {
  IntakeDocumentListSchema,
  IntakeDocumentSchema,
  IntakeReview,
} from '@promatlas/core/api/intake.schema.ts';
import type { EntityTypeName } from '@promatlas/core/api/common.schema.ts';
import type { Analysis, RecordRef } from './intake.service.ts';
import type { IntakeDocumentRow } from './intake.repository.ts';

const iso = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).toISOString();

type DocumentFields = Pick<
  IntakeDocumentRow,
  | 'id'
  | 'title'
  | 'publisher'
  | 'published_on'
  | 'url'
  | 'file_name'
  | 'format'
  | 'source_id'
  | 'created_at'
>;

export function documentDto(d: DocumentFields): z.infer<typeof IntakeDocumentSchema> {
  return {
    id: d.id,
    title: d.title,
    publisher: d.publisher,
    published: d.published_on,
    url: d.url,
    fileName: d.file_name,
    format: d.format,
    sourceId: d.source_id,
    createdAt: iso(d.created_at),
  };
}

export function documentListDto(
  rows: Array<DocumentFields & { accepted: number; rejected: number }>,
): z.infer<typeof IntakeDocumentListSchema> {
  return {
    items: rows.map((r) => ({ ...documentDto(r), accepted: r.accepted, rejected: r.rejected })),
  };
}

/** A statement has no page of its own: it is shown as the fact of its subject. */
const REF_TYPE = (type: string): EntityTypeName =>
  (type === 'statement' ? 'source' : type) as EntityTypeName;

export function reviewDto(a: Analysis, reused: boolean, titles: Map<string, string>): IntakeReview {
  const ref = (r: RecordRef | null) =>
    r
      ? {
          type: REF_TYPE(r.type),
          id: r.type === 'statement' ? String(a.doc.source_id ?? r.id) : r.id,
          title: titles.get(`${r.type}:${r.id}`) ?? `${r.type} ${r.id}`,
        }
      : null;
  return {
    document: documentDto(a.doc),
    reused,
    text: a.doc.text,
    mentions: a.mentions,
    notice: a.notice,
    proposals: a.proposals.map((p) => {
      const m = a.matches.get(p.key)!;
      const d = a.decisions.get(p.key);
      return {
        key: p.key,
        kind: p.kind,
        label: p.label,
        quote: p.quote,
        quoteStart: p.quoteStart,
        mentions: p.mentions,
        regionCode: a.regions.get(p.key) ?? null,
        data: p.data as unknown as Record<string, unknown>,
        match: { status: m.status, record: ref(m.record), reason: m.reason, reasonEn: m.reasonEn },
        decision: d
          ? {
              status: d.status,
              record: ref(
                d.record_type && d.record_id ? { type: d.record_type, id: d.record_id } : null,
              ),
              decidedAt: iso(d.decided_at),
            }
          : { status: 'pending', record: null, decidedAt: null },
      };
    }),
  };
}

/** Every record a review names, for their titles. */
export function referencedRecords(a: Analysis): RecordRef[] {
  const refs: RecordRef[] = [];
  for (const m of a.matches.values()) if (m.record) refs.push(m.record);
  for (const d of a.decisions.values())
    if (d.record_type && d.record_id) refs.push({ type: d.record_type, id: d.record_id });
  return refs;
}
