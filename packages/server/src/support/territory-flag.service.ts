import type {
  TerritoryFlagCreate,
  TerritoryFlagRecord,
  TerritoryFlagUpdate,
} from '@promatlas/core/api/support.schema.ts';
import type { TerritoryFlag } from '@promatlas/core/compliance/index.ts';
import { TERRITORY_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { cell, cellIssue, mapRows, readTable, TabularReadError } from '../imports/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-errors.ts';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  type MutationContext,
} from '../shared/records/versioned-record.repository.ts';
import {
  findFlagsInForce,
  findLoadedFlagKinds,
  findOrganisationTowns,
  findRegionCodes,
  findSameFlag,
  findTerritoryFlagRows,
  type TerritoryFlagRow,
} from './territory-flag.repository.ts';

const NOT_FOUND = ['Отметка территории', 'Territory flag'] as const;

/**
 * What PromAtlas ships of each list, and why. Only what the product brief and
 * the seed documents state can be shipped; they name the three kinds of
 * territory (ПП РФ № 779) but list none of them, so every list starts empty
 * and is loaded from a file whose source the loader names.
 */
export const SHIPPED_TERRITORY_LISTS: ReadonlyArray<{
  flag: TerritoryFlag;
  note: string;
  noteEn: string;
}> = (['individual_programme', 'geostrategic', 'monotown'] as const).map((flag) => ({
  flag,
  note: `Перечень «${TERRITORY_FLAGS.labels[flag]}» не поставляется: в документах, на которых основан PromAtlas, он не приведён. Загрузите действующий перечень из файла CSV/XLSX и укажите его источник.`,
  noteEn: `The list "${TERRITORY_FLAGS.labelsEn[flag]}" is not shipped: the documents PromAtlas is built on do not give it. Load the current list from a CSV/XLSX file and name its source.`,
}));

function present(row: TerritoryFlagRow): TerritoryFlagRecord {
  return {
    id: row.id,
    flag: row.flag,
    region: { code: row.region_code, name: row.region_name },
    municipality: row.municipality,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    listSource: row.list_source,
    published: row.published,
    version: row.version,
  };
}

/**
 * A flag as the list shows it, for the answer to a refused stale write (read
 * after that write's transaction ended); only its id and version when it is
 * gone meanwhile.
 */
export async function currentTerritoryFlag(
  db: Db,
  id: number,
  currentVersion: number,
): Promise<TerritoryFlagRecord | { id: number; version: number }> {
  const [row] = await findTerritoryFlagRows(db, { ids: [id] });
  return row ? present(row) : { id, version: currentVersion };
}

export async function listTerritoryFlags(
  db: Db,
  filter: { flag?: TerritoryFlag | undefined; regionCode?: string | undefined },
) {
  return {
    items: (await findTerritoryFlagRows(db, filter)).map(present),
    sources: [...SHIPPED_TERRITORY_LISTS],
  };
}

interface FlagValues {
  flag: TerritoryFlag;
  region_code: string;
  municipality: string | null;
  valid_from: string | null;
  valid_to: string | null;
  list_source: string;
}

async function checkFlag(db: Db, values: FlagValues, exceptId: number | null, prefix = '') {
  const problems = [];
  if (!(await findRegionCodes(db, [values.region_code])).has(values.region_code))
    problems.push({
      field: `${prefix}regionCode`,
      message: `Неизвестный код региона ${values.region_code}`,
      messageEn: `Unknown region ${values.region_code}`,
    });
  if (values.valid_from && values.valid_to && values.valid_to < values.valid_from)
    problems.push({
      field: `${prefix}validTo`,
      message: 'Окончание действия раньше начала',
      messageEn: 'The end of the period is before its start',
    });
  if (problems.length) throw ValidationError.ofFields(problems);
  const same = await findSameFlag(db, values, exceptId);
  if (same)
    throw new ConflictError(
      'Такая отметка территории уже есть',
      'This territory flag exists already',
      { code: 'duplicate', details: { existing: { id: same.id } } },
    );
}

export async function createTerritoryFlag(
  db: Db,
  ctx: MutationContext,
  input: TerritoryFlagCreate,
): Promise<{ id: number; version: number }> {
  const values: FlagValues = {
    flag: input.flag,
    region_code: input.regionCode,
    municipality: input.municipality ?? null,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    list_source: input.listSource,
  };
  return db.transaction().execute(async (trx) => {
    await checkFlag(trx, values, null);
    const row = await createRecord(trx, ctx, 'territory_flag', {
      ...values,
      ...(input.published === undefined ? {} : { published: input.published }),
    });
    return { id: row.id, version: row.version };
  });
}

export async function updateTerritoryFlag(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: TerritoryFlagUpdate,
): Promise<{ id: number; version: number }> {
  return db.transaction().execute(async (trx) => {
    const [current] = await findTerritoryFlagRows(trx, { ids: [id] });
    if (!current) throw new NotFoundError(...NOT_FOUND, id);
    const values: FlagValues = {
      flag: input.flag ?? current.flag,
      region_code: input.regionCode ?? current.region_code,
      municipality: input.municipality === undefined ? current.municipality : input.municipality,
      valid_from: input.validFrom === undefined ? current.valid_from : input.validFrom,
      valid_to: input.validTo === undefined ? current.valid_to : input.validTo,
      list_source: input.listSource ?? current.list_source,
    };
    await checkFlag(trx, values, id);
    const row = await updateRecord(trx, ctx, 'territory_flag', id, input.version, {
      ...values,
      ...(input.published === undefined ? {} : { published: input.published }),
    });
    return { id: row.id, version: row.version };
  });
}

export async function deleteTerritoryFlag(
  db: Db,
  ctx: MutationContext,
  id: number,
  version: number,
): Promise<{ id: number; version: number }> {
  return db.transaction().execute(async (trx) => {
    const row = await deleteRecord(trx, ctx, 'territory_flag', id, version);
    return { id: row.id, version: row.version };
  });
}

/** A flag cell: the code or the Russian or English label of the kind. */
const flagCell = z.string().transform((text, ctx): TerritoryFlag => {
  const wanted = text.trim().toLowerCase();
  const found = TERRITORY_FLAGS.values.find(
    (v) =>
      v === wanted ||
      TERRITORY_FLAGS.labels[v].toLowerCase() === wanted ||
      TERRITORY_FLAGS.labelsEn[v].toLowerCase() === wanted,
  );
  if (found) return found;
  cellIssue(
    ctx,
    'unknown_flag',
    `«${text}»: вид территории — individual_programme, geostrategic или monotown`,
    `"${text}": the kind is individual_programme, geostrategic or monotown`,
  );
  return z.NEVER;
});
const dateCell = z.string().transform((text, ctx): string | null => {
  if (text === '') return null;
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso))) return iso;
  cellIssue(
    ctx,
    'bad_date',
    `«${text}»: дата вида 01.01.2023`,
    `"${text}": a date like 2023-01-01`,
  );
  return z.NEVER;
});
const FILE_COLUMNS = {
  flag: { names: ['flag', 'вид', 'вид территории'] as [string, ...string[]], schema: flagCell },
  regionCode: {
    names: ['region_code', 'код региона', 'регион'] as [string, ...string[]],
    schema: z.string().transform((text, ctx): string => {
      if (/^\d{2}$/.test(text)) return text;
      cellIssue(
        ctx,
        'bad_region',
        `«${text}»: код региона — две цифры`,
        `"${text}": a two-digit region code`,
      );
      return z.NEVER;
    }),
  },
  municipality: {
    names: ['municipality', 'муниципальное образование', 'моногород'] as [string, ...string[]],
    schema: cell.text({ optional: true }),
    optional: true,
  },
  validFrom: {
    names: ['valid_from', 'действует с'] as [string, ...string[]],
    schema: dateCell,
    optional: true,
  },
  validTo: {
    names: ['valid_to', 'действует по'] as [string, ...string[]],
    schema: dateCell,
    optional: true,
  },
};

/**
 * Loads a list of flagged territories from a CSV or XLSX file through the
 * tabular layer: columns «вид», «код региона», optional «муниципальное
 * образование», «действует с», «действует по». All or nothing: any bad row
 * refuses the file, naming every line, column and reason, and nothing is
 * written; rows already recorded are counted as unchanged (re-import is
 * idempotent).
 */
export async function importTerritoryFlags(
  db: Db,
  ctx: MutationContext,
  file: { bytes: Uint8Array; listSource: string },
): Promise<{ created: number; unchanged: number }> {
  let table;
  try {
    table = await readTable({ bytes: file.bytes }, { trim: true });
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    throw ValidationError.ofFields(
      error.problems.map((p) => ({
        field: 'contentBase64',
        message: p.message,
        messageEn: p.messageEn,
      })),
    );
  }
  const mapped = mapRows(table, FILE_COLUMNS);
  const problems = [
    ...mapped.headerProblems.map((p) => ({
      field: `file.${p.column ?? 'header'}`,
      message: p.message,
      messageEn: p.messageEn,
    })),
    ...mapped.errors.map((e) => ({
      field: `file[${e.line}].${e.column}`,
      message: `строка ${e.line}: ${e.message}`,
      messageEn: `line ${e.line}: ${e.messageEn}`,
    })),
  ];
  const known = await findRegionCodes(db, [...new Set(mapped.rows.map((r) => r.value.regionCode))]);
  for (const { line, value } of mapped.rows) {
    if (!known.has(value.regionCode))
      problems.push({
        field: `file[${line}].region_code`,
        message: `строка ${line}: неизвестный код региона ${value.regionCode}`,
        messageEn: `line ${line}: unknown region ${value.regionCode}`,
      });
    if (value.validFrom && value.validTo && value.validTo < value.validFrom)
      problems.push({
        field: `file[${line}].valid_to`,
        message: `строка ${line}: окончание действия раньше начала`,
        messageEn: `line ${line}: the end is before the start`,
      });
  }
  if (problems.length) throw ValidationError.ofFields(problems);
  if (mapped.rows.length === 0)
    throw ValidationError.ofFields([
      { field: 'contentBase64', message: 'В файле нет строк', messageEn: 'The file has no rows' },
    ]);
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let unchanged = 0;
    for (const { value } of mapped.rows) {
      const values: FlagValues = {
        flag: value.flag,
        region_code: value.regionCode,
        municipality: value.municipality,
        valid_from: value.validFrom,
        valid_to: value.validTo,
        list_source: file.listSource,
      };
      if (await findSameFlag(trx, values, null)) {
        unchanged++;
        continue;
      }
      await createRecord(trx, ctx, 'territory_flag', values);
      created++;
    }
    return { created, unchanged };
  });
}

const townKey = (town: string) =>
  town
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^(г\.|город)\s*/, '')
    .trim();

/**
 * The flagged territories each participant operates in, as of a date, for
 * the kinds the rule set counts. A region-wide flag covers every participant
 * registered in that region; a single-industry town covers those whose town
 * matches it. A participant with no flag is known to be outside them only
 * when its region is known, every counted list has been loaded, and — when
 * single-industry towns count — its town is known; otherwise its territory
 * stays unknown (absent), and the check says so rather than guess.
 */
export async function territoriesOfParticipants(
  db: Db,
  participants: ReadonlyArray<{ organisationId: number; region: string | null }>,
  asOf: string,
  counted: readonly TerritoryFlag[],
): Promise<Map<number, TerritoryFlag[] | undefined>> {
  const regions = [...new Set(participants.flatMap((p) => (p.region ? [p.region] : [])))];
  const [flags, loaded, towns] = await Promise.all([
    findFlagsInForce(db, regions, asOf),
    findLoadedFlagKinds(db),
    findOrganisationTowns(
      db,
      participants.map((p) => p.organisationId),
    ),
  ]);
  const townOf = new Map(towns.map((t) => [t.id, t.town ? townKey(t.town) : null]));
  const allLoaded = counted.every((k) => loaded.includes(k));
  const result = new Map<number, TerritoryFlag[] | undefined>();
  for (const p of participants) {
    const town = townOf.get(p.organisationId) ?? null;
    const found = new Set<TerritoryFlag>();
    for (const f of flags) {
      if (f.region_code !== p.region || !counted.includes(f.flag)) continue;
      if (f.municipality === null || (town !== null && townKey(f.municipality) === town))
        found.add(f.flag);
    }
    const knownOutside =
      p.region !== null && allLoaded && (!counted.includes('monotown') || town !== null);
    result.set(p.organisationId, found.size ? [...found] : knownOutside ? [] : undefined);
  }
  return result;
}
