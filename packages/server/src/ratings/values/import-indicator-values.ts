import type {
  ImportIndicatorValuesResult,
  ImportProblem,
} from '@promatlas/core/api/ratings.schema.ts';
import type { Db } from '../../db/connection.ts';
import { importedFile, writeAudit, type AuditActor } from '../../audit/index.ts';
import type { StoredObjectType } from '../rating-objects.ts';
import {
  readIndicatorTable,
  type IndicatorColumn,
  type IndicatorTable,
} from './read-indicator-table.ts';
import {
  findExistingSourceIds,
  findIndicatorValueRows,
  findKnownIndicatorCodes,
  findObjectNames,
  insertIndicatorValueRows,
  updateIndicatorValueRow,
  type NewIndicatorValue,
} from './indicator-value.repository.ts';
import { parseIndicatorNumber } from '../parse-indicator-number.ts';

export interface ImportIndicatorValuesInput {
  content: Buffer;
  /** The file's name, for the journal. */
  fileName?: string | undefined;
  /** Year for rows without one. */
  year?: number | undefined;
  /** Dataset the values belong to; default 'main'. */
  dataset?: string | undefined;
  /** What the object column names; default 'site'. */
  objectType?: StoredObjectType | undefined;
  provenance?: 'import' | 'illustrative' | 'manual';
  /** How the file is read; the HTTP route reads it in the import worker. */
  readTable?: (content: Buffer) => Promise<IndicatorTable>;
}

/** The file has problems; nothing was written. Every bad row is listed. */
export class IndicatorImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(
      problems
        .map(
          (p) =>
            `${p.line === null ? '' : `строка ${p.line}, `}поле «${p.field}»${p.value ? ` («${p.value}»)` : ''}: ${p.message}`,
        )
        .join('\n'),
    );
    this.name = 'IndicatorImportError';
  }
}

const METHODOLOGY_TYPES: Record<StoredObjectType, string[]> = {
  site: ['sez', 'industrial_park', 'technopark'],
  cluster: ['cluster'],
  region: ['region'],
};

/**
 * Imports indicator values from CSV or XLSX: columns object, indicator, value,
 * year, source (Russian headers объект, показатель, значение, год, источник
 * also accepted).
 *
 * - object: the record's id, or its name, full name or an alias, matched
 *   case-insensitively with «ё» = «е» and any quote marks alike (for regions:
 *   the code or a name);
 * - indicator: a code of a stored methodology for this kind of object;
 * - value: a number, decimal comma and digit-group spaces allowed; empty is a
 *   known gap (stored as null, handled by the missing-value rule);
 * - year: the column, else the `year` option;
 * - source: digits are the id of a source document, anything else is kept as
 *   written.
 *
 * All or nothing: any bad row and nothing is written; the error lists every
 * problem with its line, field and reason in Russian. Re-importing the same
 * file changes nothing (values are keyed by dataset, object, indicator, year).
 */
export async function importIndicatorValues(
  db: Db,
  input: ImportIndicatorValuesInput,
  actor?: AuditActor,
): Promise<ImportIndicatorValuesResult> {
  const dataset = input.dataset ?? 'main';
  const objectType = input.objectType ?? 'site';
  const table = await (input.readTable ?? readIndicatorTable)(input.content).catch(
    (error: Error) => {
      throw new IndicatorImportError([
        {
          line: null,
          field: 'файл',
          value: null,
          message: `файл не читается как CSV или XLSX: ${error.message}`,
        },
      ]);
    },
  );
  const problems: ImportProblem[] = [...table.problems];
  if (problems.length > 0) throw new IndicatorImportError(problems);
  if (table.rows.length === 0)
    throw new IndicatorImportError([
      { line: null, field: 'файл', value: null, message: 'в файле нет строк со значениями' },
    ]);

  const names = await findObjectNames(db, objectType);
  const byId = new Set(names.map((n) => n.id));
  const byName = new Map<string, Set<string>>();
  for (const n of names)
    for (const name of n.names) {
      const key = nameKey(name);
      if (!byName.has(key)) byName.set(key, new Set());
      byName.get(key)!.add(n.id);
    }
  const indicators = await findKnownIndicatorCodes(db, METHODOLOGY_TYPES[objectType]);
  const cell = (cells: string[], column: IndicatorColumn) => {
    const k = table.columns.get(column);
    return k === undefined ? '' : (cells[k] ?? '').trim();
  };
  const problem = (line: number, field: string, value: string | null, message: string) =>
    problems.push({ line, field, value, message });

  interface Parsed extends NewIndicatorValue {
    line: number;
  }
  const parsed: Parsed[] = [];
  const sourceIds = new Set<number>();
  for (const { line, cells } of table.rows) {
    let ok = true;
    const objectText = cell(cells, 'object');
    let objectId: string | null = null;
    if (objectText === '') {
      problem(line, 'object', null, 'не указан объект');
      ok = false;
    } else if (
      (objectType !== 'region' && /^\d+$/.test(objectText)) ||
      (objectType === 'region' && byId.has(objectText))
    ) {
      if (byId.has(objectText)) objectId = objectText;
      else {
        problem(
          line,
          'object',
          objectText,
          `${OBJECT_WORDS[objectType]} с идентификатором ${objectText} нет в реестре`,
        );
        ok = false;
      }
    } else {
      const matches = [...(byName.get(nameKey(objectText)) ?? [])];
      if (matches.length === 1) objectId = matches[0]!;
      else {
        problem(
          line,
          'object',
          objectText,
          matches.length === 0
            ? `${OBJECT_WORDS[objectType]} «${objectText}» не найден(а) в реестре ни по названию, ни по другим названиям`
            : `название «${objectText}» подходит к нескольким записям (идентификаторы ${matches.join(', ')}); укажите идентификатор`,
        );
        ok = false;
      }
    }

    const indicator = cell(cells, 'indicator');
    if (indicator === '') {
      problem(line, 'indicator', null, 'не указан показатель');
      ok = false;
    } else if (!indicators.has(indicator)) {
      problem(
        line,
        'indicator',
        indicator,
        `показатель «${indicator}» не описан ни в одной методике рейтинга для этих объектов`,
      );
      ok = false;
    }

    const valueText = cell(cells, 'value');
    const value = parseIndicatorNumber(valueText);
    if (value === undefined) {
      problem(line, 'value', valueText, `значение «${valueText}» не число`);
      ok = false;
    }

    const yearText = cell(cells, 'year');
    let year: number | null = input.year ?? null;
    if (yearText !== '') {
      const y = Number(yearText);
      if (!Number.isInteger(y) || y < 1900 || y > 2100) {
        problem(
          line,
          'year',
          yearText,
          `год «${yearText}» не год (ожидается целое число от 1900 до 2100)`,
        );
        ok = false;
      } else year = y;
    } else if (year === null) {
      problem(
        line,
        'year',
        null,
        'не указан год: заполните столбец year или задайте год для всего файла',
      );
      ok = false;
    }

    const sourceText = cell(cells, 'source');
    let sourceId: number | null = null;
    if (/^\d+$/.test(sourceText)) {
      sourceId = Number(sourceText);
      sourceIds.add(sourceId);
    }
    if (ok && objectId !== null && year !== null && value !== undefined)
      parsed.push({
        line,
        dataset,
        object_type: objectType,
        object_id: objectId,
        indicator,
        year,
        value,
        source_id: sourceId,
        source_text: sourceId === null && sourceText !== '' ? sourceText : null,
        provenance: input.provenance ?? 'import',
      });
  }

  const existingSources = await findExistingSourceIds(db, [...sourceIds]);
  const seen = new Map<string, number>();
  for (const row of parsed) {
    if (row.source_id !== null && !existingSources.has(row.source_id))
      problem(
        row.line,
        'source',
        String(row.source_id),
        `источника с идентификатором ${row.source_id} нет; укажите источник текстом или номер существующего документа`,
      );
    const key = `${row.object_id}\u0000${row.indicator}\u0000${row.year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problem(
        row.line,
        'indicator',
        row.indicator,
        `значение показателя «${row.indicator}» этого объекта за ${row.year} год уже указано в строке ${earlier}`,
      );
    else seen.set(key, row.line);
  }
  if (problems.length > 0)
    throw new IndicatorImportError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));

  const years = [...new Set(parsed.map((r) => r.year))].sort((a, b) => a - b);
  return db.transaction().execute(async (trx) => {
    const existing = await findIndicatorValueRows(trx, { dataset, objectType, years });
    const byKey = new Map(
      existing.map((r) => [`${r.object_id}\u0000${r.indicator}\u0000${r.year}`, r]),
    );
    const fresh: NewIndicatorValue[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const { line: _line, ...row } of parsed) {
      const old = byKey.get(`${row.object_id}\u0000${row.indicator}\u0000${row.year}`);
      if (!old) fresh.push(row);
      else if (
        old.value === row.value &&
        old.source_id === row.source_id &&
        old.source_text === row.source_text &&
        old.provenance === row.provenance
      )
        unchanged++;
      else {
        await updateIndicatorValueRow(trx, old.id, {
          value: row.value,
          source_id: row.source_id,
          source_text: row.source_text,
          provenance: row.provenance,
        });
        updated++;
      }
    }
    await insertIndicatorValueRows(trx, fresh);
    const result = {
      dataset,
      rows: parsed.length,
      inserted: fresh.length,
      updated,
      unchanged,
      years,
    };
    // One entry per import, keyed by the dataset: the file and the counts, not the values.
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'update',
        entityType: 'indicator_values',
        entityId: dataset,
        before: null,
        after: {
          ...result,
          objectType,
          file: importedFile({ fileName: input.fileName, bytes: input.content }),
        },
      });
    return result;
  });
}

const OBJECT_WORDS: Record<StoredObjectType, string> = {
  site: 'Площадка',
  cluster: 'Кластер',
  region: 'Регион',
};

/** Case, «ё», quote marks and runs of spaces do not distinguish names. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„']/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
