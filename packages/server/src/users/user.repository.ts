import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AppUserTable } from './user.table.ts';

export const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'regions',
  'disabled',
  'must_change_password',
  'totp_enabled',
] as const;

export function toUser(row: {
  id: number;
  email: string;
  display_name: string;
  role: string;
  regions: string[];
  disabled: boolean;
  must_change_password: boolean;
  totp_enabled: boolean;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as User['role'],
    regions: row.regions,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
  };
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUserRows(db: Db) {
  return db.selectFrom('app_user').select(USER_COLUMNS).orderBy('id').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Journalled columns only (USER_COLUMNS: no password hash or second-factor secret). */
export async function insertUser(db: Db, values: Insertable<AppUserTable>) {
  return db.insertInto('app_user').values(values).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateUserRow(db: Db, id: number, changes: Updateable<AppUserTable>) {
  return db
    .updateTable('app_user')
    .set(changes)
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The e-mail and name a new password must not resemble. */
export async function findUserNames(db: Db, id: number) {
  return db
    .selectFrom('app_user')
    .select(['email', 'display_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Every active administrator's row locked, in one order: two administrators
 * disabling each other at once cannot both pass the last-administrator check.
 */
export async function lockActiveAdministrators(trx: Db) {
  return trx
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'administrator')
    .where('disabled', '=', false)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function lockUser(trx: Db, id: number) {
  return trx
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function knownRegionCodes(db: Db, codes: string[]) {
  return db.selectFrom('region').select('code').where('code', 'in', codes).execute();
}

/** Whether an administrator still has to change the first-run password. */
export async function hasPendingFirstAdministrator(db: Db): Promise<boolean> {
  const pending = await db
    .selectFrom('app_user')
    .select('id')
    .where('must_change_password', '=', true)
    .where('role', '=', 'administrator')
    .executeTakeFirst();
  return pending !== undefined;
}
