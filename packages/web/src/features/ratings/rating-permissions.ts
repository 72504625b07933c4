import type { User } from '@promatlas/core/api/accounts.schema.ts';

/**
 * Saving methodology versions, computing editions and importing values are for
 * analysts and administrators (the server's 'analytics' access); the server
 * stays the authority and its refusal is shown as is.
 */
export function canAnalyse(user: User | null): boolean {
  return user !== null && (user.role === 'analyst' || user.role === 'administrator');
}
