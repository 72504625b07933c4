import type { EntityRef, PartialDateDto, SourceRef } from '@promatlas/core/api/common.schema.ts';
import type { Db } from '../../db/connection.ts';
import { findSourceTitles } from './source-refs.repository.ts';

/** Row → API mappers shared by the registry features. */

export function toPartialDate(
  from: string | null,
  to: string | null,
  precision: string | null,
): PartialDateDto | null {
  if (!from || !to || !precision) return null;
  return { from, to, precision: precision as PartialDateDto['precision'] };
}

export function periodOf(row: {
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
}) {
  return toPartialDate(row.valid_from, row.valid_to, row.valid_precision);
}

export function organisationDisplayName(row: { legal_form: string | null; name: string }): string {
  return row.legal_form ? `${row.legal_form} ${row.name}` : row.name;
}

export function personFullName(row: {
  last_name: string;
  first_name: string | null;
  patronymic: string | null;
}): string {
  return [row.last_name, row.first_name, row.patronymic].filter(Boolean).join(' ');
}

export function ref(type: EntityRef['type'], id: number | string, title: string): EntityRef {
  return { type, id: String(id), title };
}

/**
 * Loads the titles and dates of the source documents that rows cite, in one
 * query, and turns (source_id, source_quote) pairs into SourceRef objects.
 */
export class SourceRefs {
  private constructor(
    private readonly byId: Map<number, { title: string; published: PartialDateDto | null }>,
  ) {}

  static async load(db: Db, ids: Iterable<number | null>): Promise<SourceRefs> {
    const unique = [...new Set([...ids].filter((id): id is number => id !== null))];
    const rows = unique.length ? await findSourceTitles(db, unique) : [];
    return new SourceRefs(
      new Map(
        rows.map((r) => [
          r.id,
          {
            title: r.title,
            published: toPartialDate(r.published_from, r.published_to, r.published_precision),
          },
        ]),
      ),
    );
  }

  of(row: { source_id: number | null; source_quote: string | null }): SourceRef | null {
    if (row.source_id === null) return null;
    const s = this.byId.get(row.source_id);
    if (!s) return null;
    return { id: row.source_id, title: s.title, published: s.published, quote: row.source_quote };
  }
}

/** Collects source ids from any number of row arrays. */
export function sourceIdsOf(
  ...groups: ReadonlyArray<ReadonlyArray<{ source_id: number | null }>>
): number[] {
  return groups.flatMap((g) => g.map((r) => r.source_id)).filter((id): id is number => id !== null);
}

export function regionRef(row: { region_code: string | null; region_name: string | null }) {
  return row.region_code && row.region_name
    ? { code: row.region_code, name: row.region_name }
    : null;
}
