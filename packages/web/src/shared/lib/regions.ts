import { useEffect, useState } from 'react';
import type { RegionListItem } from '@promatlas/core/api/registry.schema.ts';
import { listRegionsRoute } from '@promatlas/core/api/contract/registry.ts';
import { api } from '../api/api.ts';

/** All regions, sorted by name, fetched once per page load and shared by every caller. */
let cache: Promise<RegionListItem[]> | null = null;

export function loadRegions(): Promise<RegionListItem[]> {
  cache ??= api(listRegionsRoute, { query: { pageSize: 200 } }).then(
    (page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    (error: unknown) => {
      cache = null;
      throw error;
    },
  );
  return cache;
}

/** Regions once loaded (empty until then); `enabled = false` loads nothing. */
export function useRegions(enabled = true): RegionListItem[] {
  const [regions, setRegions] = useState<RegionListItem[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadRegions().then(
      (items) => live && setRegions(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return regions;
}

/** code → name, falling back to the code while the list loads. */
export function regionNamer(regions: RegionListItem[]): (code: string) => string {
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return (code) => names.get(code) ?? code;
}
