import { randomBytes } from 'node:crypto';
import type { User } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../db/connection.ts';
import { HttpError } from '../http/errors.ts';
import { hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/session.repository.ts';
import { countUsers, findUserByEmail, listUserRows, toUser } from './user.repository.ts';

export interface NewUser {
  email: string;
  displayName: string;
  role: User['role'];
  regions: string[];
  password: string;
}

async function checkRegions(db: Db, regions: string[]): Promise<void> {
  if (!regions.length) return;
  const known = await db.selectFrom('region').select('code').where('code', 'in', regions).execute();
  const unknown = regions.filter((r) => !known.some((k) => k.code === r));
  if (unknown.length) {
    throw new HttpError(
      400,
      'validation',
      `Неизвестные коды регионов: ${unknown.join(', ')}`,
      `Unknown region codes: ${unknown.join(', ')}`,
    );
  }
}

export async function createUser(db: Db, input: NewUser): Promise<User> {
  if (await findUserByEmail(db, input.email)) {
    throw new HttpError(
      409,
      'duplicate',
      `Пользователь ${input.email} уже существует`,
      `User ${input.email} already exists`,
    );
  }
  await checkRegions(db, input.regions);
  const row = await db
    .insertInto('app_user')
    .values({
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      role: input.role,
      regions: input.role === 'regional_editor' ? [...new Set(input.regions)] : [],
    })
    .returning(['id', 'email', 'display_name', 'role', 'regions', 'disabled'])
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await listUserRows(db)).map(toUser);
}

export async function updateUser(
  db: Db,
  id: number,
  patch: {
    displayName?: string | undefined;
    role?: User['role'] | undefined;
    regions?: string[] | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
  },
): Promise<User> {
  // An empty patch has nothing to change (and an UPDATE without columns is not SQL).
  if (Object.values(patch).every((v) => v === undefined))
    throw new HttpError(
      400,
      'validation',
      'Нет изменений: укажите хотя бы одно поле',
      'Nothing to change: give at least one field',
    );
  if (patch.regions) await checkRegions(db, patch.regions);
  const row = await db
    .updateTable('app_user')
    .set({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.regions !== undefined ? { regions: patch.regions } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.password !== undefined
        ? { password_hash: await hashPassword(patch.password) }
        : {}),
    })
    .where('id', '=', id)
    .returning(['id', 'email', 'display_name', 'role', 'regions', 'disabled'])
    .executeTakeFirst();
  if (!row)
    throw new HttpError(404, 'not_found', `Пользователь ${id} не найден`, `User ${id} not found`);
  // A disabled account or a changed password ends every open session.
  if (patch.disabled || patch.password !== undefined) await deleteUserSessions(db, id);
  return toUser(row);
}

/**
 * First run: with no account at all, creates the administrator
 * admin@promatlas.local with a random password and returns it once, so the
 * person who started the server can sign in and create real accounts.
 */
export async function ensureFirstAdministrator(
  db: Db,
  password?: string,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const pw = password ?? randomBytes(12).toString('base64url');
  const email = 'admin@promatlas.local';
  await createUser(db, {
    email,
    displayName: 'Администратор',
    role: 'administrator',
    regions: [],
    password: pw,
  });
  return { email, password: pw };
}
