import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** At most this many known words stand in for one typed word… */
const CORRECTIONS_PER_WORD = 3;
/** …each nearly as close as the closest («станкозавод» 0.64 for «станкозавд», not «станкоарм» 0.4). */
const CLOSE_TO_BEST = 0.1;

/**
 * The closest words of typo search's word list (db migration
 * 20261201T1600-national-reads: words of published records' titles and
 * aliases) to each typed word, by trigram similarity (`%`, PostgreSQL's
 * pg_trgm.similarity_threshold), best first. The list is the database's own
 * bookkeeping, not a record: it is read from `public` (no view mirrors it),
 * and only as candidates — the records are then found through the views.
 */
export async function findCorrections(db: Db, words: string[]): Promise<string[][]> {
  const rows = await sql<{ i: number; word: string; sim: number }>`
    SELECT q.i::int AS i, c.word, c.sim::float8 AS sim
    FROM unnest(${words}::text[]) WITH ORDINALITY AS q(word, i)
    CROSS JOIN LATERAL (
      SELECT s.word, similarity(s.word, q.word) AS sim FROM public.search_word s
      WHERE s.word % q.word
      ORDER BY sim DESC, s.word
      LIMIT ${CORRECTIONS_PER_WORD}) c
    ORDER BY q.i, c.sim DESC, c.word`.execute(db);
  const out: string[][] = words.map(() => []);
  const best: number[] = [];
  for (const r of rows.rows) {
    best[r.i - 1] ??= r.sim;
    if (r.sim >= best[r.i - 1]! - CLOSE_TO_BEST) out[r.i - 1]!.push(r.word);
  }
  return out;
}
