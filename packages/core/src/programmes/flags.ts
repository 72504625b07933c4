import { z } from 'zod';
import type { MeasureFlag, MeasureStatus } from '../domain/vocabulary.ts';

/**
 * When a measure is flagged — computed, never typed in. The rules are data
 * (an administrator edits the two numbers; the server keeps them in
 * programme_flag_rule), and read as follows, `today` being the reader's day:
 *
 * - Overdue: the deadline (the last day of its partial date) is before today
 *   and the measure is neither done nor cancelled. On the day of the deadline
 *   itself the measure is not yet overdue.
 * - At risk (only when not overdue, done or cancelled), for either reason:
 *   1. behind schedule: the deadline is at most `atRiskWithinDays` days away
 *      (0 = today, exactly N days counts) and the reported progress is below
 *      the expected share of elapsed time, (today − start) / (deadline − start).
 *      Without a start the expected share is taken as complete (100 %); a
 *      measure with no progress reported counts as 0 %.
 *   2. no recent report: `staleReportDays` days or more have passed since the
 *      last progress report — or, with no report yet, since the start — and
 *      the start is not in the future. A measure with neither report nor start
 *      has nothing to count from and is not flagged by this reason.
 * A measure without a deadline is never overdue nor behind schedule.
 */
export interface FlagRules {
  /** N: a deadline this many days away or closer counts as near. */
  atRiskWithinDays: number;
  /** M: this many days without a report make a measure at risk. */
  staleReportDays: number;
}

export const DEFAULT_FLAG_RULES: Readonly<FlagRules> = {
  atRiskWithinDays: 14,
  staleReportDays: 30,
};

export const FlagRulesSchema = z.object({
  atRiskWithinDays: z
    .int('Число дней — целое')
    .min(0, 'Не меньше 0 дней')
    .max(366, 'Не больше 366 дней')
    .describe('N: срок через столько дней или ближе считается близким'),
  staleReportDays: z
    .int('Число дней — целое')
    .min(1, 'Не меньше 1 дня')
    .max(3660, 'Не больше 3660 дней')
    .describe('M: столько дней без отчёта — мероприятие под угрозой'),
});

export interface MeasureForFlags {
  status: MeasureStatus | null;
  /** First day of the start's partial date (YYYY-MM-DD). */
  start: string | null;
  /** Last day of the deadline's partial date (YYYY-MM-DD). */
  deadline: string | null;
  /** Latest reported progress, 0–100; null when none was reported. */
  progress: number | null;
  /** Day of the latest progress report. */
  lastReportOn: string | null;
}

export type FlagReason = 'deadline_passed' | 'behind_schedule' | 'no_recent_report';

export const FLAG_REASONS: Readonly<Record<FlagReason, { ru: string; en: string }>> = {
  deadline_passed: { ru: 'срок прошёл, мероприятие не выполнено', en: 'deadline passed, not done' },
  behind_schedule: {
    ru: 'срок близко, а выполнение отстаёт от прошедшего времени',
    en: 'deadline near and progress behind elapsed time',
  },
  no_recent_report: { ru: 'давно нет отчёта о ходе выполнения', en: 'no recent progress report' },
};

export interface MeasureFlags {
  flags: MeasureFlag[];
  reasons: FlagReason[];
  /** Days until the deadline (negative once passed); null without a deadline. */
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;
/** Whole days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function measureFlags(m: MeasureForFlags, rules: FlagRules, today: string): MeasureFlags {
  const daysLeft = m.deadline ? daysBetween(today, m.deadline) : null;
  if (m.status === 'done' || m.status === 'cancelled') return { flags: [], reasons: [], daysLeft };
  if (daysLeft !== null && daysLeft < 0)
    return { flags: ['overdue'], reasons: ['deadline_passed'], daysLeft };
  const reasons: FlagReason[] = [];
  if (m.deadline && daysLeft !== null && daysLeft <= rules.atRiskWithinDays) {
    const expected =
      m.start && daysBetween(m.start, m.deadline) > 0
        ? Math.min(1, Math.max(0, daysBetween(m.start, today) / daysBetween(m.start, m.deadline)))
        : 1;
    if ((m.progress ?? 0) / 100 < expected) reasons.push('behind_schedule');
  }
  const since = m.lastReportOn ?? m.start;
  if (since && (!m.start || m.start <= today) && daysBetween(since, today) >= rules.staleReportDays)
    reasons.push('no_recent_report');
  return { flags: reasons.length ? ['at_risk'] : [], reasons, daysLeft };
}
