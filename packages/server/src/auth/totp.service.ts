import type { Db } from '../db/connection.ts';
import { recordSecurityEvent, type SecurityEventClient } from '../audit/index.ts';
import { ConflictError, ValidationError } from '../shared/domain-errors.ts';
import { findUserById } from '../users/index.ts';
import { disableTotp, enableTotp, setTotpSecret } from './account.repository.ts';
import type { LoginThrottle } from './login-limiter.ts';
import { confirmOwnPassword, type Account, type Confirmed } from './password-change.service.ts';
import { checkTotp, newTotpSecret, totpEnrolment } from './totp.ts';

/** Starts enrolling a second factor: a new secret, its otpauth URI and QR code. */
export async function startTotpEnrolment(
  db: Db,
  user: { id: number; email: string; totpEnabled: boolean },
) {
  if (user.totpEnabled)
    throw new ConflictError(
      'Второй фактор уже подключён: сначала отключите его',
      'TOTP is already enabled',
      { code: 'totp_enabled' },
    );
  const secret = newTotpSecret();
  await setTotpSecret(db, user.id, secret);
  return totpEnrolment(secret, user.email);
}

/** Confirms the enrolment with a code from the app: from now on sign-in asks for a code. */
export async function confirmTotpEnrolment(
  db: Db,
  client: SecurityEventClient,
  userId: number,
  code: string,
): Promise<Account> {
  const row = await findUserById(db, userId);
  if (!row?.totp_secret || row.totp_enabled)
    throw new ConflictError(
      'Сначала начните подключение второго фактора',
      'Start the TOTP enrolment first',
      { code: 'totp_not_enrolling' },
    );
  const step = checkTotp(row.totp_secret, row.email, code);
  if (step === null)
    throw new ValidationError('Неверный код из приложения', 'Wrong authenticator code', {
      code: 'totp_invalid',
      fields: [{ field: 'code', message: 'Неверный код из приложения', messageEn: 'Wrong code' }],
    });
  const updated = await enableTotp(db, row.id, step);
  await recordSecurityEvent(db, client, {
    action: 'totp_enabled',
    actorId: row.id,
    subjectId: row.id,
    email: row.email,
  });
  return updated;
}

/** Switches the signed-in user's second factor off, once their password is confirmed. */
export async function switchOffTotp(
  db: Db,
  throttle: LoginThrottle,
  client: SecurityEventClient,
  userId: number,
  password: string,
): Promise<Confirmed<Account>> {
  const confirmed = await confirmOwnPassword(db, throttle, userId, {
    password,
    field: 'password',
    messageRu: 'Неверный пароль',
    messageEn: 'Wrong password',
  });
  if (!confirmed.row) return { kind: 'throttled', wait: confirmed.wait };
  const row = confirmed.row;
  const updated = await disableTotp(db, row.id);
  if (row.totp_enabled)
    await recordSecurityEvent(db, client, {
      action: 'totp_disabled',
      actorId: row.id,
      subjectId: row.id,
      email: row.email,
    });
  return { kind: 'done', value: updated };
}
