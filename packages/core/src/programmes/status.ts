import { MEASURE_STATUSES, type MeasureStatus } from '../domain/vocabulary.ts';

/**
 * Which status changes a measure allows. A cancelled measure is reopened
 * (back to planned or in progress) before it can be done, so nothing is
 * reported as done that was called off; a done measure is reopened to
 * in progress. A measure without a status («нет данных») may take any.
 * Setting the status it already has is no change and always allowed.
 */
export const STATUS_TRANSITIONS: Readonly<Record<MeasureStatus, readonly MeasureStatus[]>> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['planned', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['planned', 'in_progress'],
};

export interface StatusTransitionProblem {
  message: string;
  messageEn: string;
}

export function checkStatusTransition(
  from: MeasureStatus | null,
  to: MeasureStatus | null,
): StatusTransitionProblem | undefined {
  if (from === to || from === null) return undefined;
  if (to === null)
    return {
      message: 'Статус нельзя сбросить на «нет данных»: укажите один из статусов',
      messageEn: 'A status cannot be reset to «no data»',
    };
  if (STATUS_TRANSITIONS[from].includes(to)) return undefined;
  if (from === 'cancelled' && to === 'done')
    return {
      message:
        'Отменённое мероприятие нельзя отметить выполненным: сначала возобновите его (статус «Запланировано» или «Выполняется»)',
      messageEn: 'A cancelled measure must be reopened (planned or in progress) before it is done',
    };
  return {
    message: `Переход статуса «${MEASURE_STATUSES.label(from)}» → «${MEASURE_STATUSES.label(to)}» не допускается`,
    messageEn: `Status change «${MEASURE_STATUSES.label(from, 'en')}» → «${MEASURE_STATUSES.label(to, 'en')}» is not allowed`,
  };
}
