import { parseOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import type { Db } from '../db/connection.ts';
import { readCsvTable, TabularReadError, type Table } from '../imports/index.ts';

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`Файл не импортирован: ${problems.length} ошибок.\n${problems.slice(0, 20).join('\n')}`);
  }
}

interface OkvedRecord {
  code: string;
  section: string;
  parent_code: string | null;
  level: string;
  name: string;
}

/**
 * Parses the ОКВЭД2 layout Rosstat publishes (columns group,code,name; a
 * section row has the letter in `group` and an empty code). Every row is
 * checked; any problem refuses the whole file, naming line and field.
 */
export function parseOkvedCsv(source: string | Uint8Array): OkvedRecord[] {
  let table: Table;
  try {
    table = readCsvTable(typeof source === 'string' ? { text: source } : { bytes: source }, {
      trim: true,
    });
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    throw new ImportError(
      error.problems.map((p) => `${p.line === null ? '' : `строка ${p.line}: `}${p.message}`),
    );
  }
  const headers = (table.headers ?? []).map((h) => h.toLowerCase());
  const rows = table.rows.map(({ line, cells }) => ({
    line,
    row: Object.fromEntries(headers.map((h, k) => [h, cells[k] ?? ''])) as Record<string, string>,
  }));
  const problems: string[] = [];
  const records: OkvedRecord[] = [];
  const seen = new Set<string>();
  rows.forEach(({ line, row }) => {
    const group = (row['group'] ?? '').trim();
    const code = (row['code'] ?? '').trim() || group;
    const name = (row['name'] ?? '').trim();
    if (!code) return void problems.push(`строка ${line}: поле code: пустой код`);
    if (!name) return void problems.push(`строка ${line}: поле name: пустое наименование`);
    let parsed;
    try {
      parsed = parseOkvedCode(code);
    } catch {
      return void problems.push(`строка ${line}: поле code: «${code}» не является кодом ОКВЭД2`);
    }
    if (group && parsed.section !== group) {
      return void problems.push(
        `строка ${line}: поле group: код ${code} относится к разделу ${parsed.section}, а не ${group}`,
      );
    }
    if (seen.has(code))
      return void problems.push(`строка ${line}: поле code: код ${code} повторяется`);
    seen.add(code);
    records.push({
      code,
      section: parsed.section,
      parent_code: parsed.parent,
      level: parsed.level,
      name,
    });
  });
  for (const r of records) {
    if (r.parent_code && !seen.has(r.parent_code) && r.level !== 'division') {
      problems.push(`код ${r.code}: нет родительского кода ${r.parent_code}`);
    }
  }
  if (problems.length) throw new ImportError(problems);
  return records;
}

/** Imports the full classifier in one transaction (re-import is idempotent). */
export async function importOkvedFile(
  db: Db,
  buffer: Buffer,
): Promise<{ total: number; sections: number; upserted: number }> {
  const records = parseOkvedCsv(buffer);
  let upserted = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += 500) {
      const chunk = records.slice(i, i + 500);
      const result = await trx
        .insertInto('okved')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            section: eb.ref('excluded.section'),
            parent_code: eb.ref('excluded.parent_code'),
            level: eb.ref('excluded.level'),
          })),
        )
        .executeTakeFirst();
      upserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return {
    total: records.length,
    sections: records.filter((r) => r.level === 'section').length,
    upserted,
  };
}
