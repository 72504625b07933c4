import type { Db } from '../db/connection.ts';
import { isHeaderRow, readClassifierCsv } from './classifier-csv.ts';
import { ImportError } from './import-okved.ts';

/** The columns of Rosstat's open data set 7708234640-oktmo, in order. */
export const OKTMO_COLUMNS = [
  'Kod1',
  'Kod2',
  'Kod3',
  'Kod4',
  'KCH',
  'Razdel',
  'Name',
  'Centrum',
  'NomDescr',
  'NomAkt',
  'Status',
  'DateUtv',
  'DateVved',
] as const;

export const OKTMO_LAYOUT = `макет набора открытых данных Росстата «ОКТМО» (7708234640-oktmo): 13 столбцов ${OKTMO_COLUMNS.join(';')} (коды из 2, 3, 3 и 3 цифр, контрольное число, раздел 1 или 2, наименование…), разделитель «;», строка заголовка необязательна, кодировка UTF-8 или Windows-1251`;

export type OktmoKind = 'subject' | 'group' | 'municipality' | 'settlement' | 'locality';

export interface OktmoRecord {
  code: string;
  name: string;
  region_code: string;
  parent_code: string | null;
  level: number;
  kind: OktmoKind;
  centre: string | null;
}

/**
 * The control number of an ОКТМО code (the method of the ЕСКК classifiers):
 * digits weighted 1, 2, … 10, 1, … modulo 11; a remainder of 10 is redone
 * with weights starting at 3; 10 again gives 0.
 */
export function oktmoControlNumber(digits: string): number {
  const remainder = (start: number) =>
    [...digits].reduce((sum, d, k) => sum + Number(d) * (((start - 1 + k) % 10) + 1), 0) % 11;
  const first = remainder(1);
  if (first < 10) return first;
  const second = remainder(3);
  return second < 10 ? second : 0;
}

/** A federal subject as the region table gives it: its code and its ОКТМО code (8 digits). */
export interface OktmoRegion {
  code: string;
  oktmo: string | null;
}

/**
 * Maps an ОКТМО code to its federal subject: the subject whose own ОКТМО code,
 * without trailing zeros (at least the two subject digits), is the longest
 * prefix. This sends 71 8xx … to Ханты-Мансийский АО (71800000) and 71 7xx …
 * to Тюменская область (71000000).
 */
export function regionOfOktmo(code: string, regions: readonly OktmoRegion[]): string | undefined {
  let best: { code: string; length: number } | undefined;
  for (const r of regions) {
    if (!r.oktmo) continue;
    const stripped = r.oktmo.replace(/0+$/, '').padEnd(2, '0');
    if (code.startsWith(stripped) && (!best || stripped.length > best.length))
      best = { code: r.code, length: stripped.length };
  }
  return best?.code;
}

const CODE_WIDTHS = [2, 3, 3, 3] as const;

/**
 * Parses ОКТМО in the layout of Rosstat's open data (OKTMO_LAYOUT, see
 * docs/DECISIONS.md). Section 1 rows are municipalities (8-digit codes
 * Kod1+Kod2+Kod3), section 2 rows with a Kod4 are localities (11 digits); the
 * section-2 headings («Населенные пункты, входящие в состав …», Kod4 000)
 * repeat their municipality and are skipped. Kind and level follow the code:
 * Kod2 000 — the subject's heading; a part ending in 00 — a group heading
 * («Муниципальные районы …», «Сельские поселения …»); Kod3 000 — a
 * municipal district or okrug, urban okrug or intra-city territory; else a
 * settlement or intra-city district. Every row is checked (widths, control
 * number, section) and any problem refuses the whole file; rows of a
 * territory that is no federal subject are counted and left out.
 */
export function parseOktmoCsv(
  text: string | Uint8Array,
  regions: readonly OktmoRegion[],
): {
  records: OktmoRecord[];
  headingsSkipped: number;
  /** Rows whose Kod1 is no federal subject in the region table, by Kod1. */
  outsideSubjects: Map<string, number>;
} {
  const rows = readClassifierCsv(text, OKTMO_LAYOUT);
  if (
    rows[0] &&
    isHeaderRow(
      rows[0].cells,
      OKTMO_COLUMNS.map((c) => [c.toLowerCase()]),
    )
  )
    rows.shift();
  if (rows.length === 0) throw new ImportError([`файл пуст. Ожидается ${OKTMO_LAYOUT}`]);
  const problems: string[] = [];
  const parsed: Omit<OktmoRecord, 'parent_code'>[] = [];
  const seen = new Set<string>();
  let headingsSkipped = 0;
  const outsideSubjects = new Map<string, number>();
  for (const { line, cells } of rows) {
    const parts = cells.slice(0, 4).map((c) => c.trim());
    const [kch = '', razdel = ''] = cells.slice(4, 6).map((c) => c.trim());
    const widthsOk = CODE_WIDTHS.every((w, k) => new RegExp(`^\\d{${w}}$`).test(parts[k] ?? ''));
    if (cells.length < 7 || !widthsOk || !/^\d$/.test(kch) || !/^[12]$/.test(razdel)) {
      if (parsed.length === 0 && problems.length === 0 && headingsSkipped === 0)
        throw new ImportError([
          `строка ${line}: «${cells.slice(0, 7).join(';')}» — не ОКТМО в макете Росстата. Ожидается ${OKTMO_LAYOUT}`,
        ]);
      problems.push(
        `строка ${line}: ожидаются столбцы ${OKTMO_COLUMNS.slice(0, 7).join(';')}…: Kod1–Kod4 из 2, 3, 3, 3 цифр, KCH — цифра, Razdel — 1 или 2`,
      );
      continue;
    }
    const [kod1, kod2, kod3, kod4] = parts as [string, string, string, string];
    const full = `${kod1}${kod2}${kod3}${kod4}`;
    const expected = oktmoControlNumber(kod4 === '000' ? full.slice(0, 8) : full);
    if (Number(kch) !== expected) {
      problems.push(
        `строка ${line}: поле KCH: контрольное число кода ${full} — ${expected}, а в файле ${kch}`,
      );
      continue;
    }
    const name = (cells[6] ?? '').trim();
    if (!name) {
      problems.push(`строка ${line}: поле Name: пустое наименование`);
      continue;
    }
    if (razdel === '2' && kod4 === '000') {
      headingsSkipped++;
      continue;
    }
    const code = kod4 === '000' ? full.slice(0, 8) : full;
    const regionCode = regionOfOktmo(code, regions);
    if (!regionCode) {
      // ОКТМО also codes territories that are not federal subjects (55 — г. Байконур):
      // set aside and counted, not a reason to refuse the country's file.
      outsideSubjects.set(kod1, (outsideSubjects.get(kod1) ?? 0) + 1);
      continue;
    }
    let level: number;
    let kind: OktmoKind;
    if (kod4 !== '000') [level, kind] = [3, 'locality'];
    else if (kod2 === '000') [level, kind] = [0, 'subject'];
    else if (kod3 === '000') [level, kind] = [1, kod2.endsWith('00') ? 'group' : 'municipality'];
    else [level, kind] = [2, kod3.endsWith('00') ? 'group' : 'settlement'];
    if (seen.has(code)) {
      problems.push(`строка ${line}: код ${code} повторяется`);
      continue;
    }
    seen.add(code);
    parsed.push({
      code,
      name,
      region_code: regionCode,
      level,
      kind,
      centre: (cells[7] ?? '').trim() || null,
    });
  }
  if (problems.length) throw new ImportError(problems);
  const records = parsed.map((r) => {
    const parent = ancestors(r.code).find((c) => seen.has(c)) ?? null;
    return { ...r, parent_code: parent };
  });
  return { records, headingsSkipped, outsideSubjects };
}

/** Codes above one in the hierarchy, nearest first: settlement, group, municipality, group, subject. */
function ancestors(code: string): string[] {
  const kod1 = code.slice(0, 2);
  const kod2 = code.slice(2, 5);
  const kod3 = code.slice(5, 8);
  const out: string[] = [];
  if (code.length === 11) out.push(code.slice(0, 8));
  if (kod3 !== '000') out.push(`${kod1}${kod2}${kod3[0]}00`, `${kod1}${kod2}000`);
  if (kod2 !== '000') out.push(`${kod1}${kod2[0]}00000`, `${kod1}000000`);
  return out.filter((c) => c !== code);
}

/** Imports ОКТМО in one transaction; re-importing updates rows in place. */
export async function importOktmoFile(
  db: Db,
  buffer: Buffer,
): Promise<{
  total: number;
  municipalities: number;
  localities: number;
  upserted: number;
  outsideSubjects: Record<string, number>;
}> {
  const regions = await db.selectFrom('region').select(['code', 'oktmo']).execute();
  const { records, outsideSubjects } = parseOktmoCsv(buffer, regions);
  let upserted = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += 500) {
      const result = await trx
        .insertInto('oktmo')
        .values(records.slice(i, i + 500))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            region_code: eb.ref('excluded.region_code'),
            parent_code: eb.ref('excluded.parent_code'),
            level: eb.ref('excluded.level'),
            kind: eb.ref('excluded.kind'),
            centre: eb.ref('excluded.centre'),
          })),
        )
        .executeTakeFirst();
      upserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return {
    total: records.length,
    municipalities: records.filter((r) => r.kind === 'municipality' || r.kind === 'settlement')
      .length,
    localities: records.filter((r) => r.kind === 'locality').length,
    upserted,
    outsideSubjects: Object.fromEntries(outsideSubjects),
  };
}
