import type { TerritoryFlagRecord } from '@promatlas/core/api/support.schema.ts';
import type { ApiError } from '../../../shared/api/client.ts';

/**
 * The flag as it is now, from a 409 answer (its `current`), and its version;
 * the flag is null when the answer names only its id and version (it is gone).
 */
export function conflictOf(err: ApiError): {
  current: TerritoryFlagRecord | null;
  currentVersion: number;
} {
  const current = err.body?.['current'] as Partial<TerritoryFlagRecord> | undefined;
  const currentVersion = Number(err.body?.['currentVersion'] ?? current?.version);
  const whole = current && typeof current.flag === 'string' && current.region ? current : null;
  return { current: whole as TerritoryFlagRecord | null, currentVersion };
}
