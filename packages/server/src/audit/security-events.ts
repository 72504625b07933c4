import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';

/**
 * Security events, kept beside the audit trail of record changes (which has
 * a before and an after per mutation): who signed in or failed to, when a
 * sign-in was delayed or refused by the limits, password, role and second
 * factor changes, sessions revoked, accounts unlocked. Never a password or a
 * code.
 */
export const SECURITY_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_out',
  'password_changed',
  'password_reset',
  'role_changed',
  'account_disabled',
  'account_enabled',
  'account_created',
  'totp_enabled',
  'totp_disabled',
  'session_revoked',
  'account_unlocked',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export async function recordSecurityEvent(
  db: Db,
  request: FastifyRequest | null,
  event: {
    action: SecurityAction;
    actorId?: number | null | undefined;
    subjectId?: number | null | undefined;
    email?: string | null | undefined;
    details?: Record<string, unknown> | undefined;
  },
): Promise<void> {
  await db
    .insertInto('security_event')
    .values({
      action: event.action,
      actor_id: event.actorId ?? null,
      subject_id: event.subjectId ?? null,
      email: event.email ?? null,
      ip: request?.ip ?? null,
      user_agent: request ? userAgent(request) : null,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}

export function userAgent(request: FastifyRequest): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 400) : null;
}
