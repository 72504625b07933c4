import type { Db } from '../db/connection.ts';
import { plainNameKey } from './field-kit.ts';
import { personNameKey, type PersonCandidate } from './person-fields.ts';
import { peopleNamed, positionsOf } from './record-import.repository.ts';
import type { EntityWriter } from './import-types.ts';
import { isRefusal, organisationOf, period, problem, wanted } from './record-plan.ts';
import { writerOf } from './record-writer.ts';

/** People: matched by name and the organisation they hold a position at; the position by organisation and title. */
export const personWriter = (): EntityWriter =>
  writerOf<PersonCandidate>({
    table: 'person',
    async plan(ctx, c) {
      const org = c.organisation
        ? await organisationOf(
            ctx,
            c.organisation,
            { inn: 'organisationInn', name: 'organisation' },
            undefined,
          )
        : undefined;
      if (isRefusal(org)) return org;
      const nameKey = personNameKey(c);
      const key = `person:${nameKey}|${org?.id ?? ''}|${(c.title ?? '').toLowerCase()}`;
      const mainKey = `person:${nameKey}|${org?.id ?? ''}`;
      let match = ctx.planned.get(mainKey);
      if (!match) {
        const named = (await peopleNamed(ctx.db, c.lastName)).filter(
          (p) =>
            personNameKey({
              lastName: p['last_name'] as string,
              firstName: p['first_name'] as string | null,
              patronymic: p['patronymic'] as string | null,
            }) === nameKey,
        );
        const positions = await positionsOf(
          ctx.db,
          named.map((p) => p.id),
        );
        const at = org
          ? named.filter((p) =>
              positions.some((q) => q['person_id'] === p.id && q['organisation_id'] === org.id),
            )
          : named;
        const free = named.filter((p) => !positions.some((q) => q['person_id'] === p.id));
        const candidates = at.length > 0 ? at : org ? free : [];
        if (candidates.length > 1)
          return {
            reasonCode: 'ambiguous_match',
            problems: [
              problem(
                ctx.columns,
                'lastName',
                'ambiguous_match',
                `в реестре несколько персон с таким ФИО (№${candidates.map((p) => p.id).join(', №')}): укажите организацию`,
                `several people have this name (${candidates.map((p) => p.id).join(', ')}): give the organisation`,
              ),
            ],
          };
        match = candidates[0];
      }
      const regionOfPosition = org?.region_code ?? c.regionCode ?? null;
      return {
        key,
        mainKey,
        name: [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(' '),
        regions: [regionOfPosition],
        main: wanted(
          'person',
          match,
          { last_name: c.lastName, first_name: c.firstName, patronymic: c.patronymic },
          { last_name: 'lastName', first_name: 'firstName', patronymic: 'patronymic' },
        ),
        ...(c.title
          ? {
              link: async (personId: number | null, db: Db) => {
                const existing =
                  personId === null || personId < 0 ? [] : await positionsOf(db, [personId]);
                // A row without an organisation (a list of people as exported) matches
                // the person's position of that title wherever it is held.
                const same = existing.find(
                  (p) =>
                    (org === undefined || p['organisation_id'] === org.id) &&
                    plainNameKey(p['title'] as string) === plainNameKey(c.title!),
                );
                return wanted(
                  'position',
                  same,
                  {
                    ...period(c.since, c.until),
                    ...(c.regionCode ? { region_code: c.regionCode } : {}),
                  },
                  { valid_from: 'since', valid_to: 'until', region_code: 'region' },
                  (parentId) => ({
                    person_id: parentId,
                    organisation_id: org?.id ?? null,
                    region_code: c.regionCode ?? org?.region_code ?? null,
                    title: c.title,
                  }),
                );
              },
            }
          : {}),
      };
    },
  });
