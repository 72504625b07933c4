import type { Db } from '../db/connection.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import {
  organisationNameKey,
  type OrganisationCandidate,
  type OrganisationField,
} from './organisation-fields.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  findByIdentifiers,
  findByRegions,
  mergeSearchIndexes,
  okvedOf,
  type MatchedOrganisation,
  type OrganisationValues,
} from './organisation-import.repository.ts';
import { okvedText, organisationBatchWrite, type Planned } from './organisation-write.ts';
import type { ChangeSample, RowProblem } from './registry-import.presenter.ts';
import { type BatchContext, type EntityWriter, type Quarantined } from './import-types.ts';

const REGION_NAMES = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s.name]));

/** The columns of an organisation an import may fill, by the field of the file. */
const COLUMN_OF: Partial<Record<OrganisationField, keyof OrganisationValues>> = {
  inn: 'inn',
  ogrn: 'ogrn',
  kpp: 'kpp',
  fullName: 'full_name',
  legalForm: 'legal_form',
  region: 'region_code',
  town: 'town',
  kind: 'kind',
  description: 'description',
  latitude: 'latitude',
  longitude: 'longitude',
};

function candidateValues(
  c: OrganisationCandidate,
): Array<[column: keyof OrganisationValues, field: OrganisationField, value: string | number]> {
  const out: Array<[keyof OrganisationValues, OrganisationField, string | number]> = [];
  const put = (field: OrganisationField, value: string | number | undefined) => {
    if (value !== undefined) out.push([COLUMN_OF[field]!, field, value]);
  };
  put('inn', c.inn);
  put('ogrn', c.ogrn);
  put('kpp', c.kpp);
  put('fullName', c.fullName);
  put('legalForm', c.legalForm);
  put('region', c.regionCode);
  put('town', c.town);
  put('kind', c.kind);
  put('description', c.description);
  put('latitude', c.latitude);
  put('longitude', c.longitude);
  return out;
}

const sameOkved = (
  a: Array<{ code: string; isMain: boolean }>,
  b: Array<{ code: string; isMain: boolean }>,
) => {
  const key = (l: Array<{ code: string; isMain: boolean }>) =>
    l
      .map((o) => `${o.code}${o.isMain ? '*' : ''}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};

function identityKeys(c: OrganisationCandidate): string[] {
  const keys: string[] = [];
  if (c.inn) keys.push(`inn:${c.inn}`);
  if (c.ogrn) keys.push(`ogrn:${c.ogrn}`);
  if (keys.length === 0) keys.push(`name:${organisationNameKey(c.name)}|${c.regionCode ?? ''}`);
  return keys;
}

const regionName = (code: string | null | undefined) =>
  code ? (REGION_NAMES.get(code) ?? code) : 'без региона';

/**
 * Organisations: matched by ИНН or ОГРН, else by normalised name and region
 * (the organisations of the file's regions read once); a batch's new records
 * are inserted with one statement, their ОКВЭД2 codes and audit entries too.
 */
export async function organisationWriter(db: Db): Promise<EntityWriter> {
  // Rows without ИНН or ОГРН match by name and region: the organisations of a region are read
  // once, with the first batch that has such a row of it.
  const byName = new Map<string, MatchedOrganisation[]>();
  const loaded = new Set<string | null>();
  return {
    overlap: true,
    finish: async () => {
      await mergeSearchIndexes(db);
    },
    plan: async (ctx, batch) => {
      const regions = new Set<string | null>();
      for (const r of batch as CheckedRow<OrganisationCandidate>[])
        if (r.candidate && !r.candidate.inn && !r.candidate.ogrn) {
          const region = r.candidate.regionCode ?? null;
          if (!loaded.has(region)) regions.add(region);
        }
      for (const o of await findByRegions(db, [...regions])) {
        const key = `${organisationNameKey(o.name)}|${o.region_code ?? ''}`;
        byName.set(key, [...(byName.get(key) ?? []), o]);
      }
      for (const r of regions) loaded.add(r);
      return planBatch(ctx, batch as CheckedRow<OrganisationCandidate>[], byName);
    },
  };
}

async function planBatch(
  ctx: BatchContext,
  batch: CheckedRow<OrganisationCandidate>[],
  byName: Map<string, MatchedOrganisation[]>,
): Promise<ReturnType<typeof organisationBatchWrite>> {
  const { db, job, actor, seen } = ctx;
  const options = { dryRun: ctx.dryRun, overwrite: ctx.overwrite };
  const quarantine: Quarantined[] = [];
  let unchanged = 0;
  const refuse = (
    row: CheckedRow,
    reasonCode: Quarantined['reasonCode'],
    problems: RowProblem[],
    recordId: number | null = null,
  ) => {
    quarantine.push({
      line: row.line,
      raw: row.raw ?? {},
      values: row.values,
      problems,
      reasonCode,
      recordId,
    });
  };
  const valid: CheckedRow<OrganisationCandidate>[] = [];
  for (const row of batch) {
    if (!row.candidate) {
      refuse(
        row,
        'invalid_value',
        row.issues.map((i) => ({
          column: i.column,
          field: i.field,
          code: i.code,
          message: i.message,
          messageEn: i.messageEn,
        })),
      );
      continue;
    }
    const keys = identityKeys(row.candidate);
    const first = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
    if (first !== undefined) {
      refuse(row, 'duplicate_in_file', [
        {
          column: null,
          field: keys[0]!.startsWith('name:')
            ? 'name'
            : (keys[0]!.split(':')[0] as OrganisationField),
          code: 'duplicate_in_file',
          message: `та же организация уже есть в строке ${first} этого файла`,
          messageEn: `the same organisation is already on line ${first} of this file`,
        },
      ]);
      continue;
    }
    for (const k of keys) seen.set(k, row.line);
    valid.push(row);
  }
  const inns = valid.map((r) => r.candidate!.inn).filter((v): v is string => !!v);
  const ogrns = valid.map((r) => r.candidate!.ogrn).filter((v): v is string => !!v);
  const found = await findByIdentifiers(db, inns, ogrns);
  const byInn = new Map(found.filter((o) => o.inn).map((o) => [o.inn!, o]));
  const byOgrn = new Map(found.filter((o) => o.ogrn).map((o) => [o.ogrn!, o]));
  const okvedBefore = await okvedOf(
    db,
    found.map((o) => o.id),
  );
  const planned: Planned[] = [];
  for (const row of valid) {
    const c = row.candidate!;
    const problem = (
      field: OrganisationField | null,
      code: string,
      message: string,
      messageEn: string,
    ): RowProblem => ({
      column: field
        ? (Object.entries(job.columns).find(([, f]) => f === field)?.[0] ?? null)
        : null,
      field,
      code,
      message,
      messageEn,
    });
    const a = c.inn ? byInn.get(c.inn) : undefined;
    const b = c.ogrn ? byOgrn.get(c.ogrn) : undefined;
    let match: MatchedOrganisation | undefined;
    if (a && b && a.id !== b.id) {
      refuse(row, 'ambiguous_match', [
        problem(
          'ogrn',
          'ambiguous_match',
          `ИНН принадлежит организации №${a.id}, а ОГРН — другой, №${b.id}: проверьте номера`,
          `the INN belongs to organisation ${a.id} and the OGRN to another, ${b.id}: check the numbers`,
        ),
      ]);
      continue;
    }
    match = a ?? b;
    if (!match && !c.inn && !c.ogrn) {
      const named = byName.get(`${organisationNameKey(c.name)}|${c.regionCode ?? ''}`) ?? [];
      if (named.length > 1) {
        refuse(row, 'ambiguous_match', [
          problem(
            'name',
            'ambiguous_match',
            `в регионе несколько организаций с таким наименованием (№${named.map((o) => o.id).join(', №')}): укажите ИНН или ОГРН`,
            `several organisations of the region have this name (${named.map((o) => o.id).join(', ')}): give the INN or OGRN`,
          ),
        ]);
        continue;
      }
      match = named[0];
      if (match && !okvedBefore.has(match.id))
        okvedBefore.set(match.id, (await okvedOf(db, [match.id])).get(match.id) ?? []);
    }
    // A regional editor changes only organisations of the regions granted.
    if (actor.regions !== null) {
      const touched = [
        c.regionCode ?? match?.region_code ?? null,
        match?.region_code ?? c.regionCode ?? null,
      ];
      const foreign = touched.find((r) => r === null || !actor.regions!.includes(r));
      if (foreign !== undefined) {
        refuse(
          row,
          'forbidden_region',
          [
            problem(
              'region',
              'forbidden_region',
              foreign === null
                ? 'организацию без региона (федерального уровня) может импортировать только администратор'
                : `нет прав на организации региона «${regionName(foreign)}»; вам доступны: ${actor.regions.map(regionName).join(', ') || 'нет регионов'}`,
              foreign === null
                ? 'only an administrator may import an organisation without a region'
                : `no rights to organisations of ${regionName(foreign)}`,
            ),
          ],
          match?.id ?? null,
        );
        continue;
      }
    }
    if (!match) {
      planned.push({ action: 'create', line: row.line, candidate: c });
      const key = `${organisationNameKey(c.name)}|${c.regionCode ?? ''}`;
      if (!c.inn && !c.ogrn) seen.set(`name:${key}`, row.line);
      continue;
    }
    const safe = match.imported_version !== null && match.imported_version === match.version;
    const force = options.overwrite?.has(row.line) ?? false;
    const changes: Partial<OrganisationValues> = {};
    const fields: ChangeSample['fields'] = [];
    const conflicts: RowProblem[] = [];
    const consider = (
      column: keyof OrganisationValues,
      field: OrganisationField | null,
      before: unknown,
      after: unknown,
      equal: boolean,
    ) => {
      if (equal) return;
      const empty = before === null || before === undefined || before === '';
      if (safe || empty || force) {
        (changes as Record<string, unknown>)[column] = after;
        fields.push({
          field: field ?? 'name',
          before: before === null || before === undefined ? null : String(before),
          after: String(after),
        });
      } else
        conflicts.push(
          problem(
            field,
            'conflict',
            `в реестре «${String(before)}», в файле «${String(after)}»: запись изменена после импорта (версия ${match!.version}) — не перезаписано`,
            `the registry has "${String(before)}", the file "${String(after)}": the record was changed after it was imported (version ${match!.version}) — not overwritten`,
          ),
        );
    };
    consider(
      'name',
      'name',
      match.name,
      c.name,
      organisationNameKey(match.name) === organisationNameKey(c.name),
    );
    for (const [column, field, value] of candidateValues(c)) {
      const before = (match as unknown as Record<string, unknown>)[column];
      consider(column, field, before, value, before === value);
    }
    const currentOkved = okvedBefore.get(match.id) ?? [];
    let okved: Array<{ code: string; isMain: boolean }> | undefined;
    if (c.okved && c.okved.length > 0 && !sameOkved(currentOkved, c.okved)) {
      if (safe || currentOkved.length === 0 || force) {
        okved = c.okved;
        fields.push({
          field: 'okvedMain',
          before: okvedText(currentOkved) || null,
          after: okvedText(c.okved),
        });
      } else
        conflicts.push(
          problem(
            'okvedMain',
            'conflict',
            `ОКВЭД2 в реестре: ${okvedText(currentOkved)}, в файле: ${okvedText(c.okved)} — запись изменена после импорта, не перезаписано`,
            `ОКВЭД2 in the registry: ${okvedText(currentOkved)}, in the file: ${okvedText(c.okved)} — the record was changed after it was imported, not overwritten`,
          ),
        );
    }
    if (conflicts.length > 0) {
      refuse(row, 'conflict', conflicts, match.id);
      continue;
    }
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    planned.push({
      action: 'update',
      line: row.line,
      candidate: c,
      row: match,
      okvedBefore: currentOkved,
      changes,
      okved,
      fields,
      source: row,
    });
  }
  return organisationBatchWrite(ctx, planned, { unchanged, quarantine }, byName);
}
