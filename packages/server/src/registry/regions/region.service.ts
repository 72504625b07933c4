import type { Region, RegionListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { regionCountsOf, regionListItem, regionProfile } from './region.presenter.ts';
import {
  countRecordsByRegion,
  findRegions,
  getRegionLinks,
  getRegionRow,
  type RegionFilter,
} from './region.repository.ts';

/** Live record counts per region (soft-deleted records excluded), as a lookup by region code. */
export async function regionCounts(
  db: Db,
  codes?: string[],
): Promise<(code: string) => RegionListItem['counts']> {
  const none = { organisations: 0, sites: 0, clusters: 0 };
  // `IN ()` is not SQL: an empty page (no match, or past the end) has nothing to count.
  if (codes && codes.length === 0) return () => none;
  return regionCountsOf(await countRecordsByRegion(db, codes));
}

export async function listRegions(
  db: Db,
  p: RegionFilter & { sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findRegions(
    db,
    { federalDistrict: p.federalDistrict, q: p.q },
    parseSort(p.sort),
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  const counts = await regionCounts(
    db,
    rows.map((r) => r.code),
  );
  return {
    items: rows.map((r) => regionListItem(r, counts(r.code))),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

export async function getRegion(db: Db, code: string): Promise<Region> {
  const row = await getRegionRow(db, code);
  if (!row) throw new NotFoundError('Регион', 'Region', code);
  const counts = await regionCounts(db, [code]);
  const links = await getRegionLinks(db, code);
  const facts = await loadFacts(db, 'region', code);
  return regionProfile(row, counts(code), links, facts);
}
