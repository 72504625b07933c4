import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import { MEASURE_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import type { ExportTable } from '../../clusters/analytics/index.ts';

/** Plans, agreements and task lists as the tables people keep in Excel. */

const HEADERS = [
  '№',
  'Тема / направление',
  'Мероприятие',
  'Ответственный',
  'Соисполнители',
  'Начало',
  'Срок',
  'Срок (дата)',
  'Статус',
  'Флаги',
  'Показатель',
  'Ед. изм.',
  'Целевое значение',
  'на дату',
  'Фактическое значение',
  'на дату',
  'Выполнение, %',
  'Последний отчёт',
];

function row(m: MeasureDto, n: number, group: string | null): (string | number | null)[] {
  return [
    n,
    group ?? m.theme ?? m.direction?.title ?? '',
    m.title,
    m.owner?.title ?? '',
    m.coExecutors.map((c) => c.title).join('; '),
    m.start ? formatPartialDate(m.start) : '',
    m.deadline ? formatPartialDate(m.deadline) : '',
    m.deadline?.to ?? '',
    m.statusLabel,
    m.flags.map((f) => MEASURE_FLAGS.label(f)).join('; '),
    m.indicator?.name ?? '',
    m.indicator?.unit ?? '',
    m.indicator?.target ?? null,
    m.indicator?.targetOn ?? '',
    m.indicator?.actual ?? null,
    m.indicator?.actualOn ?? '',
    m.progress,
    m.lastReportOn ?? '',
  ];
}

export function measuresTable(
  title: string,
  caption: string[],
  groups: Array<{ name: string | null; measures: MeasureDto[] }>,
): ExportTable {
  let n = 0;
  return {
    title,
    caption,
    headers: HEADERS,
    rows: groups.flatMap((g) => g.measures.map((m) => row(m, ++n, g.name))),
  };
}
