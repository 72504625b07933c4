import { parseOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import type { Db } from '../db/connection.ts';
import { isHeaderRow, readClassifierCsv } from './classifier-csv.ts';
import { ImportError } from './import-okved.ts';

export const OKPD2_LAYOUT =
  'макет классификатора Росстата: столбцы Razdel;Code;Name (раздел — латинская буква A–U, код ОКПД2, наименование; у строки раздела код пуст), разделитель «;» или «,», строка заголовка необязательна, кодировка UTF-8 или Windows-1251';

const HEADER = [
  ['razdel', 'group', 'раздел'],
  ['code', 'kod', 'код'],
  ['name', 'наименование'],
] as const;

export type Okpd2Level =
  'section' | 'class' | 'subclass' | 'group' | 'subgroup' | 'type' | 'category' | 'subcategory';

export interface Okpd2Record {
  code: string;
  section: string;
  parent_code: string | null;
  level: Okpd2Level;
  name: string;
}

/**
 * ОКПД2 (ОК 034-2014) code levels: класс XX, подкласс XX.X, группа XX.XX,
 * подгруппа XX.XX.X, вид XX.XX.XX, категория XX.XX.XX.XX0, подкатегория
 * XX.XX.XX.XXY (Y ≠ 0).
 */
const LEVELS: [RegExp, Okpd2Level][] = [
  [/^\d{2}$/, 'class'],
  [/^\d{2}\.\d$/, 'subclass'],
  [/^\d{2}\.\d{2}$/, 'group'],
  [/^\d{2}\.\d{2}\.\d$/, 'subgroup'],
  [/^\d{2}\.\d{2}\.\d{2}$/, 'type'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{2}0$/, 'category'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{3}$/, 'subcategory'],
];

function levelOf(code: string): Okpd2Level | undefined {
  return LEVELS.find(([pattern]) => pattern.test(code))?.[1];
}

/** The code one level up in the ОКПД2 hierarchy (a subcategory's category, a class's section). */
function structuralParent(code: string, section: string): string | null {
  switch (levelOf(code)) {
    case 'subcategory':
      return `${code.slice(0, -1)}0`;
    case 'category':
      return code.slice(0, 8);
    case 'type':
      return code.slice(0, 7);
    case 'subgroup':
      return code.slice(0, 5);
    case 'group':
      return code.slice(0, 4);
    case 'subclass':
      return code.slice(0, 2);
    case 'class':
      return section;
    default:
      return null;
  }
}

/**
 * Parses ОКПД2 in the layout Rosstat publishes its classifiers in
 * (Razdel;Code;Name — see OKPD2_LAYOUT and docs/DECISIONS.md). Every row is
 * checked and any problem refuses the whole file, naming line and field; a
 * file in another layout is refused naming the expected columns. The parent
 * is the nearest ancestor present in the file, so an extract of some
 * branches imports with a consistent hierarchy.
 */
export function parseOkpd2Csv(text: string | Uint8Array): Okpd2Record[] {
  const rows = readClassifierCsv(text, OKPD2_LAYOUT);
  if (rows[0] && isHeaderRow(rows[0].cells, HEADER)) rows.shift();
  if (rows.length === 0) throw new ImportError([`файл пуст. Ожидается ${OKPD2_LAYOUT}`]);
  const problems: string[] = [];
  const parsed: Omit<Okpd2Record, 'parent_code'>[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const [razdelCell = '', codeCell = '', nameCell = ''] = cells;
    const section = razdelCell.trim();
    const code = codeCell.trim() || section;
    const name = nameCell.trim();
    const level = code === section ? 'section' : levelOf(code);
    if (cells.length < 3 || !/^[A-U]$/.test(section) || !level) {
      // The first row decides whether this is the layout at all.
      if (parsed.length === 0 && problems.length === 0)
        throw new ImportError([
          `строка ${line}: «${cells.slice(0, 4).join(';')}» — не ОКПД2 в макете Росстата. Ожидается ${OKPD2_LAYOUT}`,
        ]);
      if (!/^[A-U]$/.test(section))
        problems.push(
          `строка ${line}: поле Razdel: «${section}» — ожидается латинская буква раздела A–U`,
        );
      else problems.push(`строка ${line}: поле Code: «${code}» не является кодом ОКПД2`);
      continue;
    }
    if (!name) {
      problems.push(`строка ${line}: поле Name: пустое наименование`);
      continue;
    }
    if (level !== 'section') {
      let classSection: string | undefined;
      try {
        classSection = parseOkvedCode(code.slice(0, 2)).section;
      } catch {
        classSection = undefined;
      }
      if (classSection !== section) {
        problems.push(
          `строка ${line}: поле Razdel: класс ${code.slice(0, 2)} относится к разделу ${classSection ?? '(нет такого класса)'}, а не ${section}`,
        );
        continue;
      }
    }
    if (seen.has(code)) {
      problems.push(`строка ${line}: поле Code: код ${code} повторяется`);
      continue;
    }
    seen.add(code);
    parsed.push({ code, section, level, name });
  }
  if (problems.length) throw new ImportError(problems);
  return parsed.map((r) => {
    let parent = structuralParent(r.code, r.section);
    while (parent !== null && !seen.has(parent)) parent = structuralParent(parent, r.section);
    return { ...r, parent_code: parent };
  });
}

/** Imports ОКПД2 in one transaction; re-importing updates names and hierarchy in place. */
export async function importOkpd2File(
  db: Db,
  buffer: Buffer,
): Promise<{ total: number; sections: number; upserted: number }> {
  const records = parseOkpd2Csv(buffer);
  let upserted = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += 500) {
      const result = await trx
        .insertInto('okpd2')
        .values(records.slice(i, i + 500))
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
