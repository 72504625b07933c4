import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { apiGet, apiSend } from '../../shared/api/client.ts';
import { RECORD_PAGE, STATUS, message, type Job } from './registry-import-kit.ts';
import { QuarantineView } from './QuarantineView.tsx';

export function JobView({
  id,
  onNew,
  onJob,
}: {
  id: number;
  onNew: () => void;
  onJob: (id: number) => void;
}) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await apiGet<Job>(`/api/registry-imports/${id}`);
        if (stopped) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running')
          timer = setTimeout(() => void poll(), 1000);
      } catch (e) {
        if (!stopped) setError(message(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, generation]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  // Another job's state stays until this one's first answer: never shown under this job's address.
  if (!job || job.id !== id) return <p role="status">Загрузка…</p>;
  const active = job.status === 'queued' || job.status === 'running';
  const c = job.counts;
  return (
    <section>
      <h2 data-testid="job-status" data-status={job.status} data-dry-run={String(job.dryRun)}>
        {job.dryRun ? 'Пробный прогон' : 'Импорт'} «{job.fileName}» — {STATUS[job.status]}
      </h2>
      <progress max={1} value={job.progress} aria-label="Ход импорта" data-testid="job-progress" />{' '}
      <span role="status">
        {job.rowsDone} из {job.rowsTotal ?? '…'} строк
      </span>
      {active && (
        <button
          type="button"
          onClick={() =>
            void apiSend('POST', `/api/registry-imports/${id}/cancel`).then(
              () => setGeneration((g) => g + 1),
              (e: unknown) => setError(message(e)),
            )
          }
        >
          Отменить
        </button>
      )}
      <ul className="counts">
        <li>
          {job.dryRun ? 'Будет создано' : 'Создано'}:{' '}
          <span data-testid="count-created">{c.created}</span>
        </li>
        <li>
          {job.dryRun ? 'Будет изменено' : 'Изменено'}:{' '}
          <span data-testid="count-updated">{c.updated}</span>
        </li>
        <li>
          Без изменений: <span data-testid="count-unchanged">{c.unchanged}</span>
        </li>
        <li>
          Отложено: <span data-testid="count-refused">{c.refused}</span>
        </li>
        <li>
          Конфликтов: <span data-testid="count-conflicts">{c.conflicts}</span>
        </li>
      </ul>
      {job.problems.length > 0 && (
        <ul className="error" role="alert">
          {job.problems.map((p, i) => (
            <li key={i}>
              {p.line !== null ? `строка ${p.line}, ` : ''}
              {p.column ? `столбец «${p.column}»: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {job.sourceId !== null && (
        <p>
          Источник: <Link to={`/sources/${job.sourceId}`}>файл реестра</Link>
        </p>
      )}
      {job.changes.length > 0 && (
        <details>
          <summary>Изменения (первые {job.changes.length})</summary>
          <ul>
            {job.changes.map((ch) => (
              <li key={`${ch.line}-${ch.action}`}>
                строка {ch.line}: {ch.action === 'create' ? 'новая' : 'изменена'} «
                {ch.recordId && RECORD_PAGE[job.entity] ? (
                  <Link to={`${RECORD_PAGE[job.entity]}/${ch.recordId}`}>{ch.name}</Link>
                ) : (
                  ch.name
                )}
                »
                {ch.fields.length > 0 &&
                  ` — ${ch.fields.map((f) => `${f.field}: ${f.before ?? '—'} → ${f.after}`).join('; ')}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!active && c.refused + c.conflicts > 0 && <QuarantineView job={job} onJob={onJob} />}
      <p>
        <button type="button" onClick={onNew} data-testid="new-file">
          Загрузить другой файл
        </button>
      </p>
    </section>
  );
}
