import type { User } from '@promatlas/core/api/accounts.schema.ts';

/** Who is asking: a signed-in user with a session, or the public reader. */
export interface Viewer {
  user: User | null;
  sessionHash: string | null;
  /** The session's id as listed in GET /api/auth/sessions. */
  sessionId?: number | null;
  csrfToken: string | null;
  /**
   * Present when this request may read from the replica (db/replica.ts): a
   * read-only request, and the replica must have replayed `after` (the WAL
   * position of this browser's last write, 0 for none). `servedFrom` records
   * where readDb sent the reads.
   */
  replicaReads?: { after: bigint; servedFrom?: 'replica' | 'primary' };
}

export const PUBLIC_VIEWER: Viewer = {
  user: null,
  sessionHash: null,
  sessionId: null,
  csrfToken: null,
};

/** Public readers see only published records; every signed-in role reads everything. */
export function includesUnpublished(viewer: Viewer): boolean {
  return viewer.user !== null;
}
