import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import { INDUSTRY_TYPES, type IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import { loadExcelJs } from '../../imports/index.ts';
import type {
  ClusterCandidates,
  ClusterMap,
  ClusterPortfolio,
} from '@promatlas/core/api/cluster-analytics.schema.ts';

/** A table to export: Russian headers, cells as numbers or text. */
export interface ExportTable {
  title: string;
  /** Lines above the table in XLSX (dataset, year, notes); CSV keeps only the table. */
  caption: string[];
  headers: string[];
  rows: (string | number | null)[][];
}

const yesNo = (flag: boolean) => (flag ? 'да' : 'нет');
const typeLabel = (type: IndustryType | null) => INDUSTRY_TYPES.label(type);

function caption(
  d: { dataset: { name: string; illustrative: boolean; unit: string } },
  what: string,
  notes: { message: string }[],
): string[] {
  return [
    `${what}. Набор данных: «${d.dataset.name}» (${d.dataset.unit})${d.dataset.illustrative ? ' — иллюстративные данные, не реальная статистика' : ''}`,
    ...notes.map((n) => `Примечание: ${n.message}`),
  ];
}

export function clusterMapTable(map: ClusterMap): ExportTable {
  return {
    title: 'Карта кластеров',
    caption: caption(
      map,
      `Коэффициенты локализации: ${map.industry.code} «${map.industry.name}», ${map.year} год`,
      map.notes,
    ),
    headers: [
      'Код региона',
      'Регион',
      'Значение',
      'Доля в регионе',
      'Коэффициент локализации',
      'Размер выше 25-го процентиля',
      'Сильный кластер',
      'Звёзды',
      'Звезда размера',
      'Звезда специализации',
      'Звезда фокуса',
    ],
    rows: map.items.map((item) => [
      item.region.code,
      item.region.name,
      item.value,
      item.share,
      item.locationQuotient,
      yesNo(item.significant),
      yesNo(item.strong),
      item.stars,
      yesNo(item.starSize),
      yesNo(item.starSpecialisation),
      yesNo(item.starFocus),
    ]),
  };
}

export function clusterPortfolioTable(p: ClusterPortfolio): ExportTable {
  return {
    title: 'Портфель кластеров',
    caption: caption(
      p,
      `Портфель кластеров региона «${p.region.name}», ${p.year} год${p.baseYear ? `, рост к ${p.baseYear} году` : ''}; сила кластеров ${p.clusterStrength.strength.toFixed(4)}`,
      p.notes,
    ),
    headers: [
      'Код отрасли',
      'Отрасль',
      'Тип',
      'Значение',
      'Доля в регионе',
      'Коэффициент локализации',
      'Значение базового года',
      'Рост',
      'Сильный кластер',
      'Звёзды',
    ],
    rows: p.items.map((item) => [
      item.industry.code,
      item.industry.name,
      typeLabel(item.industry.type),
      item.value,
      item.share,
      item.locationQuotient,
      item.baseValue,
      item.growth,
      yesNo(item.strong),
      item.stars,
    ]),
  };
}

export function clusterCandidatesTable(c: ClusterCandidates): ExportTable {
  return {
    title: 'Кандидаты в кластеры',
    caption: caption(
      c,
      `Кандидаты в кластеры региона «${c.region.name}», ${c.year} год, порог связанности ${c.minRelatedness}`,
      c.notes,
    ),
    headers: [
      'Код отрасли',
      'Отрасль',
      'Тип',
      'Оценка (Σ φ)',
      'Коэффициент локализации',
      'Значение',
      'Связанные сильные отрасли (φ)',
    ],
    rows: c.items.map((item) => [
      item.industry.code,
      item.industry.name,
      typeLabel(item.industry.type),
      item.score,
      item.locationQuotient,
      item.value,
      item.relatedStrongIndustries
        .map((s) => `${s.industry.code} «${s.industry.name}» (${s.relatedness.toFixed(3)})`)
        .join('; '),
    ]),
  };
}

/** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel shows Cyrillic; numbers with a decimal point. */
export function toCsv(table: ExportTable): string {
  const field = (cell: string | number | null) => {
    const text =
      cell === null
        ? ''
        : typeof cell === 'number'
          ? String(Number(cell.toPrecision(12)))
          : spreadsheetCell(cell);
    return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    '\uFEFF' +
    [table.headers, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') +
    '\r\n'
  );
}

/** One worksheet: caption lines, a bold header row, then the rows with numbers as numbers. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'PromAtlas';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  for (const line of table.caption) sheet.addRow([spreadsheetCell(line)]);
  if (table.caption.length > 0) sheet.addRow([]);
  const header = sheet.addRow(table.headers.map(spreadsheetCell));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(spreadsheetCell));
  table.headers.forEach(
    (h, k) => (sheet.getColumn(k + 1).width = Math.min(60, Math.max(12, h.length + 2))),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
