import type { Db } from '../db/connection.ts';

/**
 * The credential columns of app_user that signing in and the account's own
 * security settings change (password, second factor); the account itself is
 * the users feature's. Also the region names the access decisions quote.
 */

export async function setPassword(db: Db, userId: number, passwordHash: string) {
  return db
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: new Date(),
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A secret being enrolled: stored, not yet asked at sign-in. */
export async function setTotpSecret(db: Db, userId: number, secret: string): Promise<void> {
  await db.updateTable('app_user').set({ totp_secret: secret }).where('id', '=', userId).execute();
}

export async function enableTotp(db: Db, userId: number, step: number) {
  return db
    .updateTable('app_user')
    .set({ totp_enabled: true, totp_last_step: step })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function disableTotp(db: Db, userId: number) {
  return db
    .updateTable('app_user')
    .set({ totp_enabled: false, totp_secret: null, totp_last_step: null })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records the step of an accepted code; false when another request used it first. */
export async function useTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function listRegionNames(db: Db): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('region').select(['code', 'name']).execute();
}
