import type { FastifyRequest } from 'fastify';
import { SECURITY_ACTIONS as SECURITY_ACTION_VOCABULARY } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { insertSecurityEvent } from './security-event.repository.ts';

/**
 * Security events, kept beside the audit trail of record changes (which has
 * a before and an after per mutation): who signed in or failed to, when a
 * sign-in was delayed or refused by the limits, password, role and second
 * factor changes, sessions revoked, accounts unlocked. Never a password or a
 * code. The actions and their labels are a core vocabulary.
 */
export const SECURITY_ACTIONS = SECURITY_ACTION_VOCABULARY.values;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

/** The client a security event is about: its address and the user-agent header. */
export type SecurityEventClient = Pick<FastifyRequest, 'ip' | 'headers'>;

export async function recordSecurityEvent(
  db: Db,
  request: SecurityEventClient | null,
  event: {
    action: SecurityAction;
    actorId?: number | null | undefined;
    subjectId?: number | null | undefined;
    email?: string | null | undefined;
    details?: Record<string, unknown> | undefined;
  },
): Promise<void> {
  await insertSecurityEvent(db, {
    action: event.action,
    actor_id: event.actorId ?? null,
    subject_id: event.subjectId ?? null,
    email: event.email ?? null,
    ip: request?.ip ?? null,
    user_agent: request ? userAgent(request) : null,
    details: event.details ? JSON.stringify(event.details) : null,
  });
}

export function userAgent(request: Pick<FastifyRequest, 'headers'>): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 400) : null;
}
