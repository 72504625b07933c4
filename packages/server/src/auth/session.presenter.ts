import type { listSessions } from './session.repository.ts';

/** Session rows → the session list of the API; the token hash never leaves, only whether it is this one. */
export function sessionInfo(
  rows: Awaited<ReturnType<typeof listSessions>>,
  currentHash: string | null,
) {
  return rows.map((s) => ({
    id: s.id,
    createdAt: new Date(s.created_at).toISOString(),
    lastSeenAt: new Date(s.last_seen_at).toISOString(),
    ip: s.ip,
    userAgent: s.user_agent,
    current: s.token_hash === currentHash,
  }));
}
