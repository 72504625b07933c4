import type { Db } from '../db/connection.ts';
import { recordSecurityEvent, type SecurityEventClient } from '../audit/index.ts';
import { UnauthenticatedError, ValidationError } from '../shared/domain-errors.ts';
import { findUserById } from '../users/index.ts';
import { setPassword } from './account.repository.ts';
import { accountKey, type LoginThrottle } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { deleteOtherSessions } from './session.repository.ts';

export type Account = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** A use case that confirms the password: done, or a limit holds (retry after `wait` seconds). */
export type Confirmed<T> = { kind: 'done'; value: T } | { kind: 'throttled'; wait: number };

/**
 * The signed-in user's account once their password is confirmed. The password
 * is guessed no faster here than at sign-in: the attempt is reserved on the
 * account's limit first (`wait` > 0: retry later) and the limit is cleared
 * when it succeeds; a wrong password is a field error.
 */
export async function confirmOwnPassword(
  db: Db,
  throttle: LoginThrottle,
  userId: number,
  given: { password: string; field: string; messageRu: string; messageEn: string },
): Promise<{ row: Account; wait: 0 } | { row: null; wait: number }> {
  const row = await findUserById(db, userId);
  if (!row) throw new UnauthenticatedError();
  const wait = await throttle.reserveAccount(db, accountKey(row.email));
  if (wait > 0) return { row: null, wait };
  if (!(await verifyPassword(row.password_hash, given.password)))
    throw new ValidationError(given.messageRu, given.messageEn, {
      code: 'wrong_password',
      fields: [{ field: given.field, message: given.messageRu, messageEn: given.messageEn }],
    });
  await throttle.cleared(db, accountKey(row.email));
  return { row, wait: 0 };
}

/** Changes the signed-in user's password; their other sessions end. */
export async function changeOwnPassword(
  db: Db,
  throttle: LoginThrottle,
  client: SecurityEventClient,
  who: { userId: number; sessionHash: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<Confirmed<Account>> {
  const confirmed = await confirmOwnPassword(db, throttle, who.userId, {
    password: input.currentPassword,
    field: 'currentPassword',
    messageRu: 'Неверный текущий пароль',
    messageEn: 'Wrong current password',
  });
  if (!confirmed.row) return { kind: 'throttled', wait: confirmed.wait };
  const row = confirmed.row;
  const { newPassword } = input;
  if (newPassword === input.currentPassword)
    throw new ValidationError(
      'Новый пароль совпадает с текущим',
      'The new password equals the current one',
      {
        fields: [
          {
            field: 'newPassword',
            message: 'Новый пароль совпадает с текущим',
            messageEn: 'Same as the current password',
          },
        ],
      },
    );
  await assertPasswordAcceptable(
    newPassword,
    { email: row.email, displayName: row.display_name },
    'newPassword',
  );
  const updated = await setPassword(db, row.id, await hashPassword(newPassword));
  const ended = await deleteOtherSessions(db, row.id, who.sessionHash ?? '');
  await recordSecurityEvent(db, client, {
    action: 'password_changed',
    actorId: row.id,
    subjectId: row.id,
    email: row.email,
    details: { otherSessionsEnded: ended, wasFirstRun: row.must_change_password },
  });
  return { kind: 'done', value: updated };
}
