import type { User } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../db/connection.ts';

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
