import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import { loadExcelJs } from '../../imports/index.ts';
import type { RatingEditionResponse } from '@promatlas/core/api/ratings.schema.ts';
import type { Db } from '../../db/connection.ts';
import { getEdition } from './edition.service.ts';

/** Russian column headers of an exported edition; one «Балл: <группа>» column per indicator group follows «Балл». */
const HEADERS = ['Группа сравнения', 'Место', 'Объект', 'Тип объекта', 'Идентификатор', 'Балл'];
const TAIL = ['Снят с рейтинга', 'Нет данных по показателям'];

function table(e: RatingEditionResponse): (string | number | null)[][] {
  const header = [...HEADERS, ...e.groups.map((g) => `Балл: ${g.name}`), ...TAIL];
  const rows = e.peerGroups.flatMap((t) =>
    t.rows.map((r) => [
      t.name,
      r.place,
      r.object.title,
      r.object.type,
      r.object.id,
      r.score,
      ...e.groups.map((g) => r.groupScores.find((s) => s.code === g.code)?.score ?? null),
      r.disqualified ? 'да' : 'нет',
      r.missingIndicators.join(', '),
    ]),
  );
  return [header, ...rows];
}

/** Edition facts printed with every export, so a file never loses what it is (and whether its data are illustrative). */
function about(e: RatingEditionResponse): [string, string][] {
  return [
    ['Издание', e.label],
    ['Вид', e.kindLabel],
    ['Год', String(e.year)],
    ['Рейтинг', e.rating?.title ?? '—'],
    [
      'Методика',
      e.methodology
        ? `${e.methodology.title}, версия ${e.methodology.version} (${e.methodology.isDefault ? 'методика PromAtlas' : 'методика пользователя'})`
        : '—',
    ],
    ['Набор данных', e.dataset ?? '—'],
    [
      'Данные',
      e.illustrative
        ? 'Иллюстративные данные — не реальные значения'
        : e.kind === 'published'
          ? 'места, опубликованные издателем'
          : 'импортированные значения показателей',
    ],
    ['Правило равных баллов', e.tieRule],
    [
      'Источник',
      e.source ? `${e.source.title}${e.source.quote ? `: «${e.source.quote}»` : ''}` : '—',
    ],
  ];
}

/**
 * CSV for Excel in Russian locale: UTF-8 with a byte-order mark, semicolons
 * between fields and a decimal comma (what Excel expects when the list
 * separator is «;»). The file opens with the edition facts (label, kind,
 * methodology, whether the data are illustrative) and an empty line, then the
 * table; the machine-readable forms are the JSON API and XLSX.
 */
export async function exportEditionCsv(
  db: Db,
  id: number,
): Promise<{ fileName: string; body: string }> {
  const e = await getEdition(db, id);
  const field = (x: string | number | null) => {
    const text =
      x === null ? '' : typeof x === 'number' ? String(x).replace('.', ',') : spreadsheetCell(x);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    ...about(e).map((r) => r.map(field).join(';')),
    '',
    ...table(e).map((r) => r.map(field).join(';')),
  ];
  return { fileName: `rating-edition-${id}.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/** XLSX: sheet «Рейтинг» (numbers as numbers, scores to 4 decimals shown) and sheet «Об издании». */
export async function exportEditionXlsx(
  db: Db,
  id: number,
): Promise<{ fileName: string; body: Buffer }> {
  const e = await getEdition(db, id);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'PromAtlas';
  const sheet = workbook.addWorksheet('Рейтинг');
  const rows = table(e);
  sheet.addRows(rows.map((r) => r.map(spreadsheetCell)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  rows[0]!.forEach((header, k) => {
    const column = sheet.getColumn(k + 1);
    column.width = Math.min(60, Math.max(12, String(header).length + 2));
    if (String(header).startsWith('Балл')) column.numFmt = '0.0000';
  });
  const info = workbook.addWorksheet('Об издании');
  info.addRows(about(e).map((r) => r.map(spreadsheetCell)));
  info.getColumn(1).width = 24;
  info.getColumn(1).font = { bold: true };
  info.getColumn(2).width = 100;
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `rating-edition-${id}.xlsx`, body };
}
