import type { RegionValueRow } from './map.repository.ts';

export function regionValue(r: RegionValueRow) {
  return { code: r.code, name: r.name, value: r.value };
}
