import type { Db } from '../db/connection.ts';
import { plainNameKey, type OrganisationRef } from './field-kit.ts';
import type { SiteCandidate } from './site-fields.ts';
import type { ClusterCandidate } from './cluster-fields.ts';
import { membersOf, namedInRegion, residentsOf } from './record-import.repository.ts';
import type { EntityWriter } from './import-types.ts';
import { isRefusal, organisationOf, period, problem, wanted, type Values } from './record-plan.ts';
import { writerOf } from './record-writer.ts';

/** Sites and clusters: matched by name and region; the resident or member by organisation (and role). */
function placeWriter<C extends SiteCandidate | ClusterCandidate>(
  table: 'site' | 'cluster',
  columnsOf: (c: C) => { values: Values; fieldOf: Record<string, string>; create: Values },
  memberOf: (
    c: C,
  ) => { ref: OrganisationRef; fields: { inn: string; name: string }; role?: string } | undefined,
) {
  return writerOf<C>({
    table,
    async plan(ctx, c) {
      const member = memberOf(c);
      const org = member
        ? await organisationOf(ctx, member.ref, member.fields, undefined)
        : undefined;
      if (isRefusal(org)) return org;
      const mainKey = `${table}:${plainNameKey(c.name)}|${c.regionCode ?? ''}`;
      let match = ctx.planned.get(mainKey);
      if (!match) {
        const found = (await namedInRegion(ctx.db, table, c.name, c.regionCode ?? null)).filter(
          (s) => plainNameKey(s['name'] as string) === plainNameKey(c.name),
        );
        if (found.length > 1)
          return {
            reasonCode: 'ambiguous_match',
            problems: [
              problem(
                ctx.columns,
                'name',
                'ambiguous_match',
                `в регионе несколько записей с таким наименованием (№${found.map((s) => s.id).join(', №')})`,
                `several records of the region have this name (${found.map((s) => s.id).join(', ')})`,
              ),
            ],
          };
        match = found[0];
      }
      const own = columnsOf(c);
      const region = c.regionCode ?? (match?.['region_code'] as string | null | undefined) ?? null;
      return {
        key: `${mainKey}|${org?.id ?? ''}|${member?.role ?? ''}`,
        mainKey,
        name: org ? `${c.name} — ${org.name}` : c.name,
        regions: [region, ...(match ? [(match['region_code'] as string | null) ?? null] : [])],
        main: wanted(table, match, own.values, own.fieldOf, () => own.create),
        ...(org
          ? {
              link: async (parentId: number | null, db: Db) => {
                const linkTable = table === 'site' ? 'site_resident' : 'cluster_member';
                const existing =
                  parentId === null || parentId < 0
                    ? []
                    : table === 'site'
                      ? await residentsOf(db, parentId)
                      : await membersOf(db, parentId);
                const role = member?.role ?? 'participant';
                const same = existing.find(
                  (l) =>
                    l['organisation_id'] === org.id && (table === 'site' || l['role'] === role),
                );
                const since = (c as SiteCandidate).since;
                const until = (c as SiteCandidate).until;
                const parent = table === 'site' ? 'site_id' : 'cluster_id';
                return wanted(
                  linkTable,
                  same,
                  period(since, until),
                  table === 'site'
                    ? { valid_from: 'residentSince', valid_to: 'residentUntil' }
                    : { valid_from: 'memberSince', valid_to: 'memberUntil' },
                  (parentId) => ({
                    [parent]: parentId,
                    organisation_id: org.id,
                    ...(table === 'cluster' ? { role } : {}),
                  }),
                );
              },
            }
          : {}),
      };
    },
  });
}

export const siteWriter = (): EntityWriter =>
  placeWriter<SiteCandidate>(
    'site',
    (c) => ({
      values: {
        full_name: c.fullName,
        sez_type: c.sezType,
        town: c.town,
        specialisation: c.specialisation,
        latitude: c.latitude,
        longitude: c.longitude,
        ...(c.kind ? { kind: c.kind } : {}),
      },
      fieldOf: {
        full_name: 'fullName',
        sez_type: 'sezType',
        town: 'town',
        specialisation: 'specialisation',
        latitude: 'latitude',
        longitude: 'longitude',
        kind: 'kind',
      },
      create: {
        name: c.name,
        kind: c.kind ?? 'industrial_park',
        region_code: c.regionCode ?? null,
      },
    }),
    (c) =>
      c.resident
        ? { ref: c.resident, fields: { inn: 'residentInn', name: 'resident' } }
        : undefined,
  );

export const clusterWriter = (): EntityWriter =>
  placeWriter<ClusterCandidate>(
    'cluster',
    (c) => ({
      values: {
        full_name: c.fullName,
        status: c.status,
        specialisation: c.specialisation,
        decision_number: c.decisionNumber,
        decision_date: c.decisionDate,
        ...(c.kind ? { kind: c.kind } : {}),
      },
      fieldOf: {
        full_name: 'fullName',
        status: 'status',
        specialisation: 'specialisation',
        decision_number: 'decisionNumber',
        decision_date: 'decisionDate',
        kind: 'kind',
      },
      create: { name: c.name, kind: c.kind ?? 'industrial', region_code: c.regionCode ?? null },
    }),
    (c) =>
      c.member
        ? {
            ref: c.member,
            fields: { inn: 'memberInn', name: 'member' },
            role: c.role ?? 'participant',
          }
        : undefined,
  );
