import type { User } from '@promatlas/core/api/editing.schema.ts';

/** Who is asking: a signed-in user with a session, or the public reader. */
export interface Viewer {
  user: User | null;
  sessionHash: string | null;
  /** The session's id as listed in GET /api/auth/sessions. */
  sessionId?: number | null;
  csrfToken: string | null;
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
