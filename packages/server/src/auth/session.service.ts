import type { Db } from '../db/connection.ts';
import { recordSecurityEvent, type SecurityEventClient } from '../audit/index.ts';
import { NotFoundError } from '../shared/domain-errors.ts';
import { deleteOtherSessions, deleteSessionById } from './session.repository.ts';

/** Ends one of the signed-in user's own sessions. */
export async function revokeOwnSession(
  db: Db,
  client: SecurityEventClient,
  userId: number,
  sessionId: number,
): Promise<void> {
  if (!(await deleteSessionById(db, userId, sessionId)))
    throw new NotFoundError({
      ru: `Сессия ${sessionId} не найдена`,
      en: `Session ${sessionId} not found`,
    });
  await recordSecurityEvent(db, client, {
    action: 'session_revoked',
    actorId: userId,
    subjectId: userId,
    details: { sessionId },
  });
}

/** Ends all the signed-in user's sessions but the current one; how many ended. */
export async function revokeOtherOwnSessions(
  db: Db,
  client: SecurityEventClient,
  userId: number,
  currentHash: string | null,
): Promise<number> {
  const ended = await deleteOtherSessions(db, userId, currentHash ?? '');
  await recordSecurityEvent(db, client, {
    action: 'session_revoked',
    actorId: userId,
    subjectId: userId,
    details: { allOthers: true, ended },
  });
  return ended;
}
