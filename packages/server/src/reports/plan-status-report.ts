import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import type { Report, ReportLang, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import { FLAG_REASONS } from '@promatlas/core/programmes/flags.ts';
import {
  MEASURE_FLAGS,
  MEASURE_STATUS_UNKNOWN,
  MEASURE_STATUSES,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { planPage, planSources, type PlanSource } from '../registry/action-plans/index.ts';
import { dateIn, isoDayIn, numberIn, wordsOf } from './report-lang.ts';

/**
 * The plan status report: a plan's measures grouped by theme (the plan's own
 * themes first, as on the plan page), each with its owner, deadline, status,
 * indicator (target and actual) and flags with their reasons, computed for
 * the day the report is made; the documents the plan, its measures and their
 * progress reports rest on are listed at the end and cited in each row.
 */

/** «Число резидентов, ед.: цель 10 (на 31.12.2025), факт 7 (на 01.06.2025)». */
function indicatorText(lang: ReportLang, i: MeasureDto['indicator']): string | null {
  if (!i) return null;
  const w = wordsOf(lang);
  const at = (value: number | null, on: string | null, label: string) =>
    value === null
      ? null
      : `${label} ${numberIn(lang, value)}${on ? ` (${w('на', 'as of')} ${isoDayIn(lang, on)})` : ''}`;
  const values = [
    at(i.target, i.targetOn, w('цель', 'target')),
    at(i.actual, i.actualOn, w('факт', 'actual')),
  ].filter(Boolean);
  return `${i.name}${i.unit ? `, ${i.unit}` : ''}${values.length ? `: ${values.join(', ')}` : ''}`;
}

/** The measure's flags reasons come worded in Russian; English is the same reason's other word. */
const REASONS_EN = new Map(Object.values(FLAG_REASONS).map((r) => [r.ru, r.en]));

function flagText(lang: ReportLang, m: MeasureDto): string | null {
  if (!m.flags.length) return null;
  const flags = m.flags.map((f) => MEASURE_FLAGS.label(f, lang)).join(', ');
  const reasons = m.flagReasons.map((r) => (lang === 'en' ? (REASONS_EN.get(r) ?? r) : r));
  return reasons.length ? `${flags}: ${reasons.join('; ')}` : flags;
}

/** Numbers the documents in the order the report first cites them: [1], [2]… */
class PlanCitations {
  private readonly numbers = new Map<number, number>();
  readonly list: Report['sources'] = [];

  constructor(private readonly lang: ReportLang) {}

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
          published: dateIn(this.lang, s.published),
        });
      }
      if (!marks.includes(`[${n}]`)) marks.push(`[${n}]`);
    }
    return marks.length ? marks.join(' ') : null;
  }
}

const themeColumns = (lang: ReportLang): ReportSection['columns'] => {
  const w = wordsOf(lang);
  return [
    { title: w('№', 'No.'), type: 'integer' },
    { title: w('Мероприятие', 'Measure'), type: 'text' },
    { title: w('Ответственный', 'Owner'), type: 'text' },
    { title: w('Срок', 'Deadline'), type: 'text' },
    { title: w('Статус', 'Status'), type: 'text' },
    { title: w('Показатель: цель / факт', 'Indicator: target / actual'), type: 'text' },
    { title: w('Флаг и причина', 'Flag and reason'), type: 'text' },
    { title: w('Источник', 'Source'), type: 'text' },
  ];
};

export async function planStatusReport(
  db: Db,
  planId: number,
  today: string,
  lang: ReportLang = 'ru',
): Promise<Report> {
  const w = wordsOf(lang);
  const date = (d: Parameters<typeof dateIn>[1]) => dateIn(lang, d);
  const page = await planPage(db, planId, {}, today);
  const sources = await planSources(db, planId);
  const citations = new PlanCitations(lang);
  const planCited = citations.cite(sources.filter((s) => s.measureId === null));
  const byMeasure = new Map<number, PlanSource[]>();
  for (const s of sources)
    if (s.measureId !== null)
      byMeasure.set(s.measureId, [...(byMeasure.get(s.measureId) ?? []), s]);
  const { plan, counts } = page;
  const statusCounts = [
    ...MEASURE_STATUSES.values.map(
      (s) => [MEASURE_STATUSES.label(s, lang), counts.byStatus[s] ?? 0] as const,
    ),
    [w('Нет данных', 'No data'), counts.byStatus['none'] ?? 0] as const,
  ].filter(([, n]) => n > 0);
  let number = 0;
  const themeSections: ReportSection[] = page.themes.map((group, k) => ({
    id: `theme-${k + 1}`,
    title: group.theme ?? w('Без темы', 'No theme'),
    kind: 'table',
    columns: themeColumns(lang),
    rows: group.measures.map((m) => [
      ++number,
      m.title,
      [m.owner?.title, ...m.coExecutors.map((c) => c.title)].filter(Boolean).join('; ') || null,
      date(m.deadline),
      m.status ? MEASURE_STATUSES.label(m.status, lang) : MEASURE_STATUS_UNKNOWN[lang],
      indicatorText(lang, m.indicator),
      flagText(lang, m),
      citations.cite(byMeasure.get(m.id) ?? []),
    ]),
    note: null,
  }));
  return {
    kind: 'plan-status',
    title: `${w('Статус плана', 'Plan status')}: ${plan.title}`,
    subtitle: [date(plan.period), plan.parties.map((p) => p.title).join(', ')]
      .filter(Boolean)
      .join(' · '),
    generatedAt: new Date().toISOString(),
    sections: [
      {
        id: 'summary',
        title: w('Сводка', 'Summary'),
        kind: 'facts',
        columns: [
          { title: w('Сведение', 'Item'), type: 'text' },
          { title: w('Значение', 'Value'), type: 'text' },
        ],
        rows: [
          [w('Период плана', 'Plan period'), date(plan.period)],
          [w('Стороны', 'Parties'), plan.parties.map((p) => p.title).join('; ') || null],
          [w('Утверждён', 'Approved at'), plan.event?.title ?? null],
          [w('Статус на дату', 'Status as of'), isoDayIn(lang, today)],
          [w('Мероприятий', 'Measures'), String(counts.total)],
          ...statusCounts.map(([label, n]): [string, string] => [label, String(n)]),
          [w('Просрочено', 'Overdue'), String(counts.overdue)],
          [w('Под угрозой срыва', 'At risk'), String(counts.atRisk)],
          [w('Источник плана', 'Plan source'), planCited],
        ].filter((row): row is [string, string] => row[1] !== null && row[1] !== ''),
        note: w(
          `Просрочено — срок прошёл, а мероприятие не выполнено и не отменено. Под угрозой срыва — до срока не больше ` +
            `${page.rules.atRiskWithinDays} дн. и выполнение отстаёт от прошедшего времени, или нет отчёта ` +
            `${page.rules.staleReportDays} дн. и больше.`,
          `Overdue — the deadline has passed and the measure is neither done nor cancelled. At risk — at most ` +
            `${page.rules.atRiskWithinDays} days to the deadline and progress behind the elapsed time, or no report for ` +
            `${page.rules.staleReportDays} days or more.`,
        ),
      },
      ...themeSections,
    ],
    sources: citations.list,
    sourcesNote: w(
      'Мероприятия, сроки и статусы — из плана в реестре PromAtlas на дату формирования; флаги посчитаны на эту дату по правилам выше; источники — документы плана, мероприятий и отчётов о ходе выполнения.',
      'Measures, deadlines and statuses come from the plan in the PromAtlas registry as of the date generated; flags are computed for that date by the rules above; the sources are the documents of the plan, its measures and their progress reports.',
    ),
  };
}
