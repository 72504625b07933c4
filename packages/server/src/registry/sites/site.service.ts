import type { Site } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { loadFacts } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { SourceRefs, sourceIdsOf } from '../shared/mappers.ts';
import { siteListItem, siteProfile } from './site.presenter.ts';
import { findSites, getSiteLinks, getSiteRow, type SiteFilter } from './site.repository.ts';

export async function listSites(
  db: Db,
  p: { filter: SiteFilter; sort: string; page: number; pageSize: number },
) {
  const { rows, total } = await findSites(
    db,
    p.filter,
    parseSort(p.sort).direction,
    p.pageSize,
    offsetOf(p.page, p.pageSize),
  );
  return { items: rows.map(siteListItem), total, page: p.page, pageSize: p.pageSize };
}

export async function getSite(db: Db, id: number): Promise<Site> {
  const row = await getSiteRow(db, id);
  if (!row) throw new NotFoundError('Площадка', 'Site', id);
  const links = await getSiteLinks(db, id, row.management_organisation_id);
  const facts = await loadFacts(db, 'site', id);
  const sources = await SourceRefs.load(db, [
    row.source_id,
    ...sourceIdsOf(links.residents, links.ratings),
  ]);
  return siteProfile(row, links, facts, sources);
}
