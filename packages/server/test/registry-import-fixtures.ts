import type { ImportActor } from '../src/registry-import/registry-import.service.ts';

/** An administrator with every region, as the import's service sees the one who started it. */
export const importActor: ImportActor = {
  userId: null,
  regions: null,
  name: 'тест',
  administrator: true,
  viewer: { user: null, sessionHash: null, csrfToken: null },
};

/** A legal entity's ИНН from its first nine digits (the check digit computed). */
export function inn10(nine: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = w.reduce((s, k, i) => s + k * Number(nine[i]), 0);
  return `${nine}${(sum % 11) % 10}`;
}
