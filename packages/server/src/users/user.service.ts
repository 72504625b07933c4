import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import { hashPassword } from '../auth/index.ts';
import { assertPasswordAcceptable } from '../auth/index.ts';
import { deleteUserSessions } from '../auth/index.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { writeAudit } from '../audit/index.ts';
import {
  countUsers,
  findUserByEmail,
  findUserNames,
  insertUser,
  knownRegionCodes,
  listUserRows,
  lockActiveAdministrators,
  lockUser,
  toUser,
  updateUserRow,
} from './user.repository.ts';

export interface NewUser {
  email: string;
  displayName: string;
  role: User['role'];
  regions: string[];
  password: string;
  mustChangePassword?: boolean | undefined;
}

/** Who makes an account change, for the security events (null from the command line). */
export interface ChangeContext {
  actorId: number | null;
  request: FastifyRequest | null;
}

async function checkRegions(db: Db, regions: string[]): Promise<void> {
  if (!regions.length) return;
  const known = await knownRegionCodes(db, regions);
  const unknown = regions.filter((r) => !known.some((k) => k.code === r));
  if (unknown.length) {
    throw new ValidationError(
      `Неизвестные коды регионов: ${unknown.join(', ')}`,
      `Unknown region codes: ${unknown.join(', ')}`,
    );
  }
}

export async function createUser(db: Db, input: NewUser, context?: ChangeContext): Promise<User> {
  if (await findUserByEmail(db, input.email)) {
    throw new ConflictError(
      `Пользователь ${input.email} уже существует`,
      `User ${input.email} already exists`,
      { code: 'duplicate' },
    );
  }
  await checkRegions(db, input.regions);
  await assertPasswordAcceptable(input.password, input);
  // The account, its journal entry (without the password hash: USER_COLUMNS) and its
  // security event are written together.
  const row = await db.transaction().execute(async (trx) => {
    const row = await insertUser(trx, {
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      role: input.role,
      regions: input.role === 'regional_editor' ? [...new Set(input.regions)] : [],
      must_change_password: input.mustChangePassword ?? false,
    });
    await writeAudit(trx, {
      userId: context?.actorId ?? null,
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      before: null,
      after: row,
    });
    await recordSecurityEvent(trx, context?.request ?? null, {
      action: 'account_created',
      actorId: context?.actorId ?? null,
      subjectId: row.id,
      email: row.email,
      details: { role: row.role, regions: row.regions },
    });
    return row;
  });
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
    mustChangePassword?: boolean | undefined;
    disableTotp?: true | undefined;
  },
  context?: ChangeContext,
): Promise<User> {
  // An empty patch has nothing to change (and an UPDATE without columns is not SQL).
  if (Object.values(patch).every((v) => v === undefined))
    throw new ValidationError(
      'Нет изменений: укажите хотя бы одно поле',
      'Nothing to change: give at least one field',
    );
  if (patch.regions) await checkRegions(db, patch.regions);
  let passwordHash: string | undefined;
  if (patch.password !== undefined) {
    const target = await findUserNames(db, id);
    await assertPasswordAcceptable(patch.password, {
      email: target?.email,
      displayName: target?.display_name,
    });
    passwordHash = await hashPassword(patch.password);
  }
  const { before, row } = await db.transaction().execute(async (trx) => {
    // Every active administrator's row is locked, in one order, before the
    // check: two administrators disabling each other at once cannot both pass.
    const admins = await lockActiveAdministrators(trx);
    const before = await lockUser(trx, id);
    if (!before)
      throw new NotFoundError({ ru: `Пользователь ${id} не найден`, en: `User ${id} not found` });
    const activeAdministrator = before.role === 'administrator' && !before.disabled;
    const losesAdministrator =
      patch.disabled === true || (patch.role !== undefined && patch.role !== 'administrator');
    if (activeAdministrator && losesAdministrator && admins.every((a) => a.id === id)) {
      throw new ConflictError(
        'Это последний действующий администратор: сначала назначьте другого администратора',
        'This is the last active administrator; make another administrator first',
        {
          code: 'last_administrator',
          details: { field: patch.disabled === true ? 'disabled' : 'role' },
        },
      );
    }
    const row = await updateUserRow(trx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.regions !== undefined ? { regions: patch.regions } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(passwordHash !== undefined
        ? { password_hash: passwordHash, password_changed_at: new Date() }
        : {}),
      ...(patch.mustChangePassword !== undefined
        ? { must_change_password: patch.mustChangePassword }
        : {}),
      ...(patch.disableTotp
        ? { totp_enabled: false, totp_secret: null, totp_last_step: null }
        : {}),
    });
    // Every account change is journalled with its before and after (no password hash or
    // second-factor secret: USER_COLUMNS); a new password shows only as password_reset.
    await writeAudit(trx, {
      userId: context?.actorId ?? null,
      action: 'update',
      entityType: 'user',
      entityId: id,
      before,
      after: passwordHash !== undefined ? { ...row, password_reset: true } : row,
    });
    return { before, row };
  });
  // A disabled account or a changed password ends every open session.
  if (patch.disabled || patch.password !== undefined) await deleteUserSessions(db, id);
  const event = (
    action: Parameters<typeof recordSecurityEvent>[2]['action'],
    details?: Record<string, unknown>,
  ) =>
    recordSecurityEvent(db, context?.request ?? null, {
      action,
      actorId: context?.actorId ?? null,
      subjectId: id,
      email: row.email,
      details,
    });
  if (before.role !== row.role || String(before.regions) !== String(row.regions))
    await event('role_changed', {
      before: { role: before.role, regions: before.regions },
      after: { role: row.role, regions: row.regions },
    });
  if (!before.disabled && row.disabled) await event('account_disabled');
  if (before.disabled && !row.disabled) await event('account_enabled');
  if (passwordHash !== undefined) await event('password_reset');
  if (before.totp_enabled && !row.totp_enabled)
    await event('totp_disabled', { byAdministrator: true });
  return toUser(row);
}

/**
 * First run: with no account at all, creates the administrator
 * admin@promatlas.local with a random password and returns it once, so the
 * person who started the server can sign in. The password must be changed at
 * the first sign-in (every other API call answers 403 until then).
 */
export async function ensureFirstAdministrator(
  db: Db,
  password?: string,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const pw = password ?? randomBytes(18).toString('base64url');
  const email = 'admin@promatlas.local';
  await createUser(db, {
    email,
    displayName: 'Администратор',
    role: 'administrator',
    regions: [],
    password: pw,
    mustChangePassword: true,
  });
  return { email, password: pw };
}
