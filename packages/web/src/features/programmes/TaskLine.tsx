import { useState } from 'react';
import { getTaskRoute, updateTaskRoute } from '@promatlas/core/api/contract/programme-work.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { useLang } from './i18n.tsx';

/** A task's owner, deadline, status and flags in one line, in the interface language. */
export function TaskSummary({ task }: { task: MeasureDto }) {
  const { t, label } = useLang();
  return (
    <span className="task-summary">
      <span data-testid="task-owner">
        {task.owner?.title ?? t('ответственный не указан', 'no owner')}
      </span>
      {' · '}
      <span data-testid="task-deadline">
        {formatDate(task.deadline) ?? t('срок не указан', 'no deadline')}
      </span>
      {' · '}
      <span data-testid="task-status" data-status={task.status ?? 'none'}>
        {task.status ? label(MEASURE_STATUSES, task.status) : t('нет данных', 'no data')}
      </span>
      {task.flags.length ? (
        <span className="task-flags">
          {' · '}
          {task.flags.map((f) => label(MEASURE_FLAGS, f)).join(', ')}
        </span>
      ) : null}
    </span>
  );
}

/** «Отметить выполненной»: the task's status set to done, with its version (409 when it changed). */
export function MarkDone({
  task,
  onDone,
  canEdit,
}: {
  task: MeasureDto;
  onDone: () => void;
  canEdit: boolean;
}) {
  const { t, localise } = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canEdit || task.status === 'done' || task.status === 'cancelled') return null;
  const done = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(updateTaskRoute, {
        params: { id: task.id },
        body: { version: task.version, status: 'done' },
      });
      onDone();
    } catch (e) {
      setError((localise(e) as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {' '}
      <button
        type="button"
        className="button small"
        disabled={busy}
        data-testid="task-done"
        onClick={() => void done()}
      >
        {t('Отметить выполненной', 'Mark as done')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}

/** A task made of a decision, read by its id: summary and «done». */
export function TaskLine({ id, canEdit }: { id: number; canEdit: boolean }) {
  const task = useRoute(getTaskRoute, { params: { id } });
  if (!task.data) return <li className="muted">…</li>;
  return (
    <li data-testid="decision-task" data-task={id}>
      <TaskSummary task={task.data} />
      <MarkDone task={task.data} canEdit={canEdit} onDone={task.reload} />
    </li>
  );
}
