import { useEffect, useState } from 'react';
import { apiGet, apiSend, ApiError } from '../../shared/api/client.ts';
import {
  REASONS,
  message,
  type Job,
  type QuarantinePage,
  type QuarantineRow,
} from './registry-import-kit.ts';

export function QuarantineView({ job, onJob }: { job: Job; onJob: (id: number) => void }) {
  const [page, setPage] = useState<QuarantinePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    apiGet<QuarantinePage>(`/api/registry-imports/${job.id}/quarantine?pageSize=100`).then(
      setPage,
      (e: unknown) => setError(message(e)),
    );
  }, [job.id, generation]);
  const retry = async () => {
    try {
      onJob(
        (
          await apiSend<Job>('POST', `/api/registry-imports/${job.id}/retry`, {
            dryRun: job.dryRun,
          })
        ).id,
      );
    } catch (e) {
      setError(message(e));
    }
  };
  if (!page) return error ? <p className="error">{error}</p> : null;
  return (
    <section>
      <h3>Отложенные строки ({page.total})</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="quarantine">
        <thead>
          <tr>
            <th>Строка</th>
            <th>Причина</th>
            <th>Исправление</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((row) => (
            <QuarantineRowView
              key={row.id}
              jobId={job.id}
              row={row}
              onSaved={() => setGeneration((g) => g + 1)}
            />
          ))}
        </tbody>
      </table>
      {page.total > 0 && (
        <button type="button" className="primary" onClick={() => void retry()} data-testid="retry">
          Повторить отложенные строки
        </button>
      )}
    </section>
  );
}

function QuarantineRowView({
  jobId,
  row,
  onSaved,
}: {
  jobId: number;
  row: QuarantineRow;
  onSaved: () => void;
}) {
  const fields = [
    ...new Set(row.problems.map((p) => p.field).filter((f): f is string => f !== null)),
  ];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f, row.values[f] ?? ''])),
  );
  const [overwrite, setOverwrite] = useState(row.overwrite);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      await apiSend('PATCH', `/api/registry-imports/${jobId}/quarantine/${row.id}`, {
        ...(row.reasonCode === 'conflict' ? { overwrite } : { values }),
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : message(e));
    }
  };
  return (
    <tr data-testid="quarantine-row" data-line={row.line} data-reason={row.reasonCode}>
      <td>{row.line}</td>
      <td>
        {REASONS[row.reasonCode]}:{' '}
        {row.problems.map((p) => `${p.column ? `«${p.column}»: ` : ''}${p.message}`).join('; ') ||
          'исправлено, ждёт повтора'}
      </td>
      <td>
        {row.reasonCode === 'conflict' ? (
          <label>
            <input
              type="checkbox"
              checked={overwrite}
              onChange={(e) => setOverwrite(e.target.checked)}
            />{' '}
            перезаписать значениями файла
          </label>
        ) : (
          fields.map((f) => (
            <label key={f}>
              {f}{' '}
              <input
                aria-label={`Строка ${row.line}, ${f}`}
                data-testid={`fix-${f}`}
                value={values[f] ?? ''}
                onChange={(e) => setValues({ ...values, [f]: e.target.value })}
              />
            </label>
          ))
        )}{' '}
        {row.status === 'open' && (
          <button type="button" onClick={() => void save()} data-testid="fix-save">
            Сохранить
          </button>
        )}
        {error && <span className="error"> {error}</span>}
      </td>
    </tr>
  );
}
