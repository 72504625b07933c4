import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { ACCOUNT_ROLES } from '@promatlas/core/domain/vocabulary.ts';

/**
 * The browser's copy of the server's access rules (server/src/auth/access.ts),
 * used only to hide or disable buttons and say why. The server stays the
 * authority: a refused request still shows its message.
 */
export type Permission = { allowed: true } | { allowed: false; reason: string };

// From core's vocabulary module, which (unlike the API schemas) brings no zod into the first page.
export const ROLE_NAMES: Record<User['role'], string> = ACCOUNT_ROLES.labels;

const ALLOWED: Permission = { allowed: true };

/**
 * May this user change registry records that lie in these regions?
 * `regions` are the record's region codes (null: no region);
 * `anyEditorWhenNoRegion` mirrors the rule for people and sources.
 */
export function registryPermission(
  user: User | null,
  regions: Array<string | null>,
  options: { anyEditorWhenNoRegion?: boolean; regionName?: (code: string) => string } = {},
): Permission {
  if (!user) return { allowed: false, reason: 'Войдите в систему, чтобы вносить изменения' };
  if (user.role === 'administrator') return ALLOWED;
  if (user.role !== 'regional_editor')
    return { allowed: false, reason: 'Роль «Аналитик» не позволяет изменять реестр' };
  const touched = [...new Set(regions.filter((r): r is string => r !== null))];
  if (touched.length === 0) {
    return options.anyEditorWhenNoRegion
      ? ALLOWED
      : { allowed: false, reason: 'Запись без региона может изменить только администратор' };
  }
  const foreign = touched.filter((code) => !user.regions.includes(code));
  if (foreign.length === 0) return ALLOWED;
  const name = options.regionName ?? ((code: string) => code);
  return {
    allowed: false,
    reason: `Нет прав на изменение записей региона: ${foreign.map(name).join(', ')}. Вам доступны: ${user.regions.map(name).join(', ') || 'нет регионов'}`,
  };
}

/** Can this user create anything in the registry at all (some region granted, or administrator)? */
export function canEditRegistry(user: User | null): boolean {
  return (
    user !== null &&
    (user.role === 'administrator' || (user.role === 'regional_editor' && user.regions.length > 0))
  );
}
