/**
 * Column groups shared by registry tables.
 *
 * RECORD: optimistic-concurrency version, publication flag for the public
 * reader, soft delete (nothing is physically removed by the UI or API), and
 * provenance — the source document and the sentence the record came from.
 * PERIOD: the partial date a relation or fact is true as of (see core
 * dates/partial-date.ts): an inclusive range plus the stated precision.
 */
export const RECORD = `
  version integer NOT NULL DEFAULT 1,
  published boolean NOT NULL DEFAULT true,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  source_id integer REFERENCES source_document(id),
  source_quote text`;

export const PERIOD = `
  valid_from date,
  valid_to date,
  valid_precision text`;

/** Full-text vector over a title (A), aliases (A) and further text (B/C), plus lowercase text for trigram typo matching. */
export function searchColumns(title: string, aliases: string, more: string): string {
  return `
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', ${title}), 'A') ||
    setweight(to_tsvector('russian', ${aliases}), 'A') ||
    setweight(to_tsvector('russian', ${more}), 'C')) STORED,
  search_text text GENERATED ALWAYS AS (lower(${title} || ' ' || ${aliases})) STORED`;
}

/** GIN indexes for full-text and trigram search on a table with searchColumns. */
export function searchIndexes(table: string): string[] {
  return [
    `CREATE INDEX ${table}_search_vector_idx ON ${table} USING gin (search_vector)`,
    `CREATE INDEX ${table}_search_text_idx ON ${table} USING gin (search_text gin_trgm_ops)`,
  ];
}
