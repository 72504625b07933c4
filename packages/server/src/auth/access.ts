import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { Viewer } from './viewer.ts';

/**
 * Access rules, declared on every state-changing route (route option
 * `config.access`); the server refuses such a route without one, and the
 * authorisation-matrix test exercises each rule for every role.
 *
 * - public: anyone, signed in or not (sign-in, sign-out).
 * - signed_in: any signed-in user, for their own account (password, second
 *   factor, own sessions).
 * - administrator: administrators only (accounts, restoring deleted records).
 * - analytics: analysts and administrators (datasets, rating computations).
 * - registry: administrators, and regional editors whose granted regions
 *   include every region the change touches. `regions` resolves them from the
 *   request (the record's current region and the new one). A change touching
 *   no region at all is for administrators only, unless `anyEditor` is set
 *   (e.g. a new person, who has no region until a position is recorded).
 */
export type AccessRule =
  | { scope: 'public' }
  | { scope: 'signed_in' }
  | { scope: 'administrator' }
  | { scope: 'analytics' }
  | { scope: 'registry'; regions: RegionResolver; anyEditorWhenNoRegion?: boolean };

/** null: the record does not exist (the handler answers 404). */
export type RegionResolver = (
  request: FastifyRequest,
  db: Db,
) => Promise<Array<string | null> | null>;

export type AccessDecision =
  { allowed: true } | { allowed: false; status: 401 | 403; messageRu: string; messageEn: string };

const DENY_ROLE = (ru: string, en: string): AccessDecision => ({
  allowed: false,
  status: 403,
  messageRu: ru,
  messageEn: en,
});

export function decide(
  viewer: Viewer,
  rule: AccessRule,
  regions: Array<string | null> | null,
  regionNames: (codes: string[]) => string,
): AccessDecision {
  if (rule.scope === 'public') return { allowed: true };
  const user = viewer.user;
  if (!user)
    return {
      allowed: false,
      status: 401,
      messageRu: 'Войдите в систему, чтобы вносить изменения',
      messageEn: 'Sign in to make changes',
    };
  if (user.role === 'administrator' || rule.scope === 'signed_in') return { allowed: true };
  switch (rule.scope) {
    case 'administrator':
      return DENY_ROLE(
        'Это действие доступно только администратору',
        'Only an administrator may do this',
      );
    case 'analytics':
      return user.role === 'analyst'
        ? { allowed: true }
        : DENY_ROLE(
            'Это действие доступно аналитику или администратору',
            'Only an analyst or an administrator may do this',
          );
    case 'registry': {
      if (user.role !== 'regional_editor') {
        return DENY_ROLE(
          'Роль «Аналитик» не позволяет изменять реестр',
          'The analyst role cannot change the registry',
        );
      }
      if (regions === null) return { allowed: true };
      if (regions.includes(null)) {
        return DENY_ROLE(
          'Записи без региона (федерального уровня, например АКИТ РФ, и записи, у которых убирают регион) изменяет только администратор',
          'Only an administrator may change records without a region (national ones such as АКИТ РФ) or empty a record’s region',
        );
      }
      const touched = [...new Set(regions.filter((r): r is string => r !== null))];
      if (touched.length === 0) {
        return rule.anyEditorWhenNoRegion
          ? { allowed: true }
          : DENY_ROLE(
              'Запись без региона может изменить только администратор',
              'Only an administrator may change a record without a region',
            );
      }
      const foreign = touched.filter((r) => !user.regions.includes(r));
      if (foreign.length) {
        const names = regionNames(foreign);
        return DENY_ROLE(
          `Нет прав на изменение записей региона: ${names}. Вам доступны: ${regionNames(user.regions) || 'нет регионов'}`,
          `No rights to change records of: ${names}`,
        );
      }
      return { allowed: true };
    }
  }
}
