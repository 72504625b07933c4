import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAG_RULES, measureFlags, type MeasureForFlags } from './flags.ts';
import { deadlineOf, parsePartialDeadline } from './partial-deadline.ts';
import { checkStatusTransition } from './status.ts';

const rules = { atRiskWithinDays: 14, staleReportDays: 30 };
const base: MeasureForFlags = {
  status: 'in_progress',
  start: '2025-01-01',
  deadline: '2025-12-31',
  progress: null,
  lastReportOn: null,
};

describe('measure deadlines written as partial dates', () => {
  it('resolves «II квартал 2025» to the quarter, due on its last day', () => {
    const d = parsePartialDeadline('II квартал 2025')!;
    expect(d).toEqual({ from: '2025-04-01', to: '2025-06-30', precision: 'quarter' });
    expect(deadlineOf(d)).toBe('2025-06-30');
  });
  it('resolves «до конца 2025 года» to the year, due on 31 December', () => {
    const d = parsePartialDeadline('до конца 2025 года')!;
    expect(d.precision).toBe('year');
    expect(deadlineOf(d)).toBe('2025-12-31');
  });
  it('reads quarters, months, seasons, years and days in the usual spellings', () => {
    expect(parsePartialDeadline('в IV квартале 2024 г.')?.to).toBe('2024-12-31');
    expect(parsePartialDeadline('3-й квартал 2025')?.from).toBe('2025-07-01');
    expect(parsePartialDeadline('первый квартал 2026')?.to).toBe('2026-03-31');
    expect(parsePartialDeadline('весной 2024')).toEqual({
      from: '2024-03-01',
      to: '2024-05-31',
      precision: 'season',
    });
    expect(parsePartialDeadline('февраль 2024')?.to).toBe('2024-02-29');
    expect(parsePartialDeadline('в марте 2025 года')?.to).toBe('2025-03-31');
    expect(parsePartialDeadline('2025 год')?.to).toBe('2025-12-31');
    expect(parsePartialDeadline('до 31.12.2025')).toEqual({
      from: '2025-12-31',
      to: '2025-12-31',
      precision: 'day',
    });
  });
  it('refuses what is not a date: V квартал, 30 февраля, free text', () => {
    expect(parsePartialDeadline('V квартал 2025')).toBeUndefined();
    expect(parsePartialDeadline('30.02.2025')).toBeUndefined();
    expect(parsePartialDeadline('по мере необходимости')).toBeUndefined();
  });
});

describe('measure status changes', () => {
  it('refuses cancelled → done and says to reopen first', () => {
    const problem = checkStatusTransition('cancelled', 'done');
    expect(problem?.message).toMatch(/возобновите/);
    expect(problem?.messageEn).toMatch(/reopened/);
  });
  it('allows reopening a cancelled measure, and then finishing it', () => {
    expect(checkStatusTransition('cancelled', 'in_progress')).toBeUndefined();
    expect(checkStatusTransition('in_progress', 'done')).toBeUndefined();
  });
  it('lets a measure without a status («нет данных») take any status but not lose it again', () => {
    expect(checkStatusTransition(null, 'done')).toBeUndefined();
    expect(checkStatusTransition('planned', null)?.message).toMatch(/нет данных/);
  });
  it('treats setting the same status as no change', () => {
    expect(checkStatusTransition('cancelled', 'cancelled')).toBeUndefined();
  });
  it('refuses done → cancelled (a finished measure is reopened, not cancelled)', () => {
    expect(checkStatusTransition('done', 'cancelled')).toBeDefined();
  });
});

describe('overdue and at-risk rules', () => {
  it('keeps the documented defaults: N = 14 days, M = 30 days', () => {
    expect(DEFAULT_FLAG_RULES).toEqual({ atRiskWithinDays: 14, staleReportDays: 30 });
  });
  it('is not overdue on the day of the deadline, and is the day after', () => {
    const m = { ...base, progress: 100, lastReportOn: '2025-12-30' };
    expect(measureFlags(m, rules, '2025-12-31').flags).toEqual([]);
    expect(measureFlags(m, rules, '2026-01-01').flags).toEqual(['overdue']);
  });
  it('never flags a done or cancelled measure, however late', () => {
    expect(measureFlags({ ...base, status: 'done' }, rules, '2027-01-01').flags).toEqual([]);
    expect(measureFlags({ ...base, status: 'cancelled' }, rules, '2027-01-01').flags).toEqual([]);
  });
  it('flags a measure behind schedule at exactly N days before the deadline, not at N + 1', () => {
    // 2025-12-17 is 14 days before 2025-12-31; 350 of 364 days elapsed ≈ 96 %, progress 50 %.
    const m = { ...base, progress: 50, lastReportOn: '2025-12-10' };
    expect(measureFlags(m, rules, '2025-12-17')).toMatchObject({
      flags: ['at_risk'],
      reasons: ['behind_schedule'],
      daysLeft: 14,
    });
    expect(measureFlags(m, rules, '2025-12-16').flags).toEqual([]);
  });
  it('does not flag a near deadline when progress keeps up with elapsed time', () => {
    const m = { ...base, progress: 97, lastReportOn: '2025-12-10' };
    expect(measureFlags(m, rules, '2025-12-17').flags).toEqual([]);
  });
  it('flags a measure exactly M days after its last report, not M − 1', () => {
    const m = { ...base, progress: 10, lastReportOn: '2025-03-01' };
    expect(measureFlags(m, rules, '2025-03-31')).toMatchObject({
      flags: ['at_risk'],
      reasons: ['no_recent_report'],
    });
    expect(measureFlags(m, rules, '2025-03-30').flags).toEqual([]);
  });
  it('counts from the start when nothing was reported, and not before the start', () => {
    const m = { ...base, start: '2025-06-01' };
    expect(measureFlags(m, rules, '2025-07-01').reasons).toEqual(['no_recent_report']);
    expect(measureFlags(m, rules, '2025-05-01').flags).toEqual([]);
  });
  it('leaves a measure without dates, status or reports unflagged («нет данных»)', () => {
    const m: MeasureForFlags = {
      status: null,
      start: null,
      deadline: null,
      progress: null,
      lastReportOn: null,
    };
    expect(measureFlags(m, rules, '2026-12-01')).toEqual({
      flags: [],
      reasons: [],
      daysLeft: null,
    });
  });
  it('follows edited rules: with N = 0 only the day of the deadline is near', () => {
    const m = { ...base, progress: 0, lastReportOn: '2025-12-30' };
    const edited = { atRiskWithinDays: 0, staleReportDays: 30 };
    expect(measureFlags(m, edited, '2025-12-30').flags).toEqual([]);
    expect(measureFlags(m, edited, '2025-12-31').flags).toEqual(['at_risk']);
  });
});
