import type { User } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../db/connection.ts';

export function toUser(row: {
  id: number;
  email: string;
  display_name: string;
  role: string;
  regions: string[];
  disabled: boolean;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as User['role'],
    regions: row.regions,
    disabled: row.disabled,
  };
}

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function listUserRows(db: Db) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'display_name', 'role', 'regions', 'disabled'])
    .orderBy('id')
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
