import { useSyncExternalStore } from 'react';
import type { meRoute } from '@promatlas/core/api/contract/accounts.ts';
import type { RouteResponse } from '@promatlas/core/api/contract/kit.ts';
import type { User } from '@promatlas/core/api/accounts.schema.ts';

/** GET /api/auth/me, checked against the contract without loading its schemas (the session is on the first page). */
const ME: Pick<typeof meRoute, 'method' | 'path'> = { method: 'GET', path: '/api/auth/me' };

/**
 * Who is signed in, and the CSRF token every state-changing request must
 * carry. One small store for the whole app (read with useSession); the
 * session itself is the server's HttpOnly cookie, which scripts never see.
 */
export interface SessionState {
  /** false until /api/auth/me has answered once. */
  ready: boolean;
  user: User | null;
  csrfToken: string | null;
  /** An administrator who must enrol a second factor before anything else (server setting). */
  totpRequired?: boolean;
}

let state: SessionState = { ready: false, user: null, csrfToken: null };
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

export function setSession(viewer: {
  user: User | null;
  csrfToken: string | null;
  totpRequired?: boolean | undefined;
}): void {
  publish({
    ready: true,
    user: viewer.user,
    csrfToken: viewer.csrfToken,
    // A sign-in answer does not repeat the requirement: keep what /api/auth/me said.
    totpRequired: viewer.totpRequired ?? (viewer.user ? state.totpRequired : false),
  });
}

let loading: Promise<SessionState> | null = null;

/** Asks the server who we are (GET /api/auth/me); concurrent callers share one request. */
export function refreshSession(): Promise<SessionState> {
  // A plain fetch: the API client sends the session's CSRF token, so it imports this module.
  loading ??= fetch(ME.path, { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(String(response.status));
      setSession((await response.json()) as RouteResponse<typeof meRoute>);
      return state;
    })
    .catch(() => {
      // Server unreachable: treat as a public reader; pages show their own errors.
      publish({ ready: true, user: null, csrfToken: null });
      return state;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!state.ready && !loading) void refreshSession();
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
