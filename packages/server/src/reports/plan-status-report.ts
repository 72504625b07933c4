import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import type { Report, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import { formatPartialDate, type PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { planPage, planSources, type PlanSource } from '../registry/action-plans/index.ts';

/**
 * The plan status report: a plan's measures grouped by theme (the plan's own
 * themes first, as on the plan page), each with its owner, deadline, status,
 * indicator (target and actual) and flags with their reasons, computed for
 * the day the report is made; the documents the plan, its measures and their
 * progress reports rest on are listed at the end and cited in each row.
 */

const date = (d: PartialDate | null | undefined): string | null =>
  d ? formatPartialDate(d) : null;

/** «Число резидентов, ед.: цель 10 (на 31.12.2025), факт 7 (на 01.06.2025)». */
function indicatorText(i: MeasureDto['indicator']): string | null {
  if (!i) return null;
  const at = (value: number | null, on: string | null, label: string) =>
    value === null
      ? null
      : `${label} ${value.toLocaleString('ru-RU', { maximumFractionDigits: 4 })}${
          on ? ` (на ${formatPartialDate({ from: on, to: on, precision: 'day' })})` : ''
        }`;
  const values = [at(i.target, i.targetOn, 'цель'), at(i.actual, i.actualOn, 'факт')].filter(
    Boolean,
  );
  return `${i.name}${i.unit ? `, ${i.unit}` : ''}${values.length ? `: ${values.join(', ')}` : ''}`;
}

function flagText(m: MeasureDto): string | null {
  if (!m.flags.length) return null;
  const flags = m.flags.map((f) => MEASURE_FLAGS.label(f)).join(', ');
  return m.flagReasons.length ? `${flags}: ${m.flagReasons.join('; ')}` : flags;
}

/** Numbers the documents in the order the report first cites them: [1], [2]… */
class PlanCitations {
  private readonly numbers = new Map<number, number>();
  readonly list: Report['sources'] = [];

  cite(sources: PlanSource[]): string | null {
    const marks: string[] = [];
    for (const s of sources) {
      let n = this.numbers.get(s.id);
      if (n === undefined) {
        n = this.list.length + 1;
        this.numbers.set(s.id, n);
        this.list.push({
          number: n,
          id: s.id,
          title: s.title,
          published: s.published ? formatPartialDate(s.published) : null,
        });
      }
      if (!marks.includes(`[${n}]`)) marks.push(`[${n}]`);
    }
    return marks.length ? marks.join(' ') : null;
  }
}

const THEME_COLUMNS: ReportSection['columns'] = [
  { title: '№', type: 'integer' },
  { title: 'Мероприятие', type: 'text' },
  { title: 'Ответственный', type: 'text' },
  { title: 'Срок', type: 'text' },
  { title: 'Статус', type: 'text' },
  { title: 'Показатель: цель / факт', type: 'text' },
  { title: 'Флаг и причина', type: 'text' },
  { title: 'Источник', type: 'text' },
];

export async function planStatusReport(db: Db, planId: number, today: string): Promise<Report> {
  const page = await planPage(db, planId, {}, today);
  const sources = await planSources(db, planId);
  const citations = new PlanCitations();
  const planCited = citations.cite(sources.filter((s) => s.measureId === null));
  const byMeasure = new Map<number, PlanSource[]>();
  for (const s of sources)
    if (s.measureId !== null)
      byMeasure.set(s.measureId, [...(byMeasure.get(s.measureId) ?? []), s]);
  const { plan, counts } = page;
  const statusCounts = [
    ...MEASURE_STATUSES.values.map(
      (s) => [MEASURE_STATUSES.label(s), counts.byStatus[s] ?? 0] as const,
    ),
    ['Нет данных', counts.byStatus['none'] ?? 0] as const,
  ].filter(([, n]) => n > 0);
  let number = 0;
  const themeSections: ReportSection[] = page.themes.map((group, k) => ({
    id: `theme-${k + 1}`,
    title: group.theme ?? 'Без темы',
    kind: 'table',
    columns: THEME_COLUMNS,
    rows: group.measures.map((m) => [
      ++number,
      m.title,
      [m.owner?.title, ...m.coExecutors.map((c) => c.title)].filter(Boolean).join('; ') || null,
      date(m.deadline),
      m.statusLabel,
      indicatorText(m.indicator),
      flagText(m),
      citations.cite(byMeasure.get(m.id) ?? []),
    ]),
    note: null,
  }));
  return {
    kind: 'plan-status',
    title: `Статус плана: ${plan.title}`,
    subtitle: [date(plan.period), plan.parties.map((p) => p.title).join(', ')]
      .filter(Boolean)
      .join(' · '),
    generatedAt: new Date().toISOString(),
    sections: [
      {
        id: 'summary',
        title: 'Сводка',
        kind: 'facts',
        columns: [
          { title: 'Сведение', type: 'text' },
          { title: 'Значение', type: 'text' },
        ],
        rows: [
          ['Период плана', date(plan.period)],
          ['Стороны', plan.parties.map((p) => p.title).join('; ') || null],
          ['Утверждён', plan.event?.title ?? null],
          ['Статус на дату', formatPartialDate({ from: today, to: today, precision: 'day' })],
          ['Мероприятий', String(counts.total)],
          ...statusCounts.map(([label, n]): [string, string] => [label, String(n)]),
          ['Просрочено', String(counts.overdue)],
          ['Под угрозой срыва', String(counts.atRisk)],
          ['Источник плана', planCited],
        ].filter((row): row is [string, string] => row[1] !== null && row[1] !== ''),
        note:
          `Просрочено — срок прошёл, а мероприятие не выполнено и не отменено. Под угрозой срыва — до срока не больше ` +
          `${page.rules.atRiskWithinDays} дн. и выполнение отстаёт от прошедшего времени, или нет отчёта ` +
          `${page.rules.staleReportDays} дн. и больше.`,
      },
      ...themeSections,
    ],
    sources: citations.list,
    sourcesNote:
      'Мероприятия, сроки и статусы — из плана в реестре PromAtlas на дату формирования; флаги посчитаны на эту дату по правилам выше; источники — документы плана, мероприятий и отчётов о ходе выполнения.',
  };
}
