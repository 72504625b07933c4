import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type {
  QuarantineListSchema,
  QuarantineRowSchema,
  RegistryImportJobSchema,
  RegistryPreviewSchema,
} from '@promatlas/core/api/registry-import.schema.ts';
import {
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_STATUSES,
} from '@promatlas/core/domain/vocabulary.ts';
import { apiGet, apiSend, ApiError } from '../../shared/api/client.ts';

type Preview = z.infer<typeof RegistryPreviewSchema>;
type Job = z.infer<typeof RegistryImportJobSchema>;
type QuarantinePage = z.infer<typeof QuarantineListSchema>;
type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

const STATUS = REGISTRY_IMPORT_STATUSES.labels;
const REASONS = REGISTRY_IMPORT_REASONS.labels;

type Entity = Preview['entity'];

/** What a file may hold, as the import page offers it. */
const ENTITIES: Array<{ value: Entity; label: string }> = [
  { value: 'organisations', label: 'Организации' },
  { value: 'people', label: 'Персоны с должностями' },
  { value: 'sites', label: 'Площадки (ОЭЗ, парки, технопарки) с резидентами' },
  { value: 'clusters', label: 'Кластеры с участниками' },
  { value: 'contracts', label: 'Договоры кооперации' },
  { value: 'statements', label: 'Факты (показатели на дату)' },
];

/** The page of a record an import wrote, where the registry has one. */
const RECORD_PAGE: Partial<Record<Entity, string>> = {
  organisations: '/organisations',
  people: '/people',
  sites: '/sites',
  clusters: '/clusters',
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Uploads the file (streamed by the browser) and answers its upload id. */
async function upload(file: File): Promise<string> {
  return (await apiSend<{ uploadId: string }>('POST', '/api/registry-imports/files', file))
    .uploadId;
}

/**
 * Registry import: choose a file, check and adjust the column mapping against
 * the first rows, run a dry run or the import as a background job (its id in
 * the address, so a reload finds it again), follow its progress, and fix and
 * retry the rows it set aside.
 */
export function RegistryImportPage() {
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [file, setFile] = useState<File | null>(null);
  const [entity, setEntity] = useState<Entity>('organisations');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (chosen: File, mapping?: Record<string, string>, what = entity) => {
    setBusy(true);
    setError(null);
    try {
      const p = await apiSend<Preview>('POST', '/api/registry-imports/preview', {
        uploadId: await upload(chosen),
        entity: what,
        ...(mapping ? { columns: mapping } : {}),
      });
      setPreview(p);
      setColumns(p.mapping);
    } catch (e) {
      setPreview(null);
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      // The upload is used once by the job: each run sends the file again.
      const job = await apiSend<Job>('POST', '/api/registry-imports', {
        uploadId: await upload(file),
        fileName: file.name,
        entity,
        columns,
        dryRun,
      });
      setParams({ job: String(job.id) });
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page registry-import">
      <h1>Импорт реестра</h1>
      <p className="hint">
        CSV (UTF-8 или Windows-1251, разделитель «;» или «,») или книга XLSX. Повторный импорт того
        же файла ничего не меняет; записи, изменённые после импорта, не перезаписываются.
      </p>
      {jobId ? (
        <JobView
          id={Number(jobId)}
          onNew={() => setParams({})}
          onJob={(id) => setParams({ job: String(id) })}
        />
      ) : (
        <>
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (file) void check(file);
            }}
          >
            <label>
              Что в файле{' '}
              <select
                value={entity}
                aria-label="Что в файле"
                data-testid="registry-entity"
                onChange={(e) => {
                  const chosen = e.target.value as Entity;
                  setEntity(chosen);
                  // Another entity has other fields: the mapping is suggested afresh.
                  if (file) void check(file, undefined, chosen);
                }}
              >
                {ENTITIES.map((e) => (
                  <option key={e.value} value={e.value}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              Файл{' '}
              <input
                type="file"
                accept=".csv,.txt,.xlsx"
                aria-label="Файл реестра"
                data-testid="registry-file"
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  if (chosen) void check(chosen);
                }}
              />
            </label>
          </form>
          {busy && <p role="status">Проверяем файл…</p>}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {preview && file && (
            <PreviewView
              preview={preview}
              columns={columns}
              onColumns={setColumns}
              onRecheck={() => void check(file, columns)}
              onStart={(dryRun) => void start(dryRun)}
              busy={busy}
            />
          )}
        </>
      )}
    </main>
  );
}

function PreviewView({
  preview,
  columns,
  onColumns,
  onRecheck,
  onStart,
  busy,
}: {
  preview: Preview;
  columns: Record<string, string>;
  onColumns: (c: Record<string, string>) => void;
  onRecheck: () => void;
  onStart: (dryRun: boolean) => void;
  busy: boolean;
}) {
  const source = {
    given: 'выбранное вами',
    saved: 'сохранённое для файлов с такими столбцами',
    suggested: 'предложенное по заголовкам',
  }[preview.mappingSource];
  return (
    <section>
      <p>
        {preview.format.toUpperCase()}
        {preview.encoding ? `, ${preview.encoding}` : ''}
        {preview.delimiter ? `, разделитель «${preview.delimiter}»` : ''}
        {preview.sheet ? `, лист «${preview.sheet}»` : ''}; строк данных: {preview.rowsTotal};
        заголовок в строке {preview.headerLine}.
      </p>
      <h2>Сопоставление столбцов</h2>
      <p className="hint">Сопоставление {source}.</p>
      <table className="mapping">
        <thead>
          <tr>
            <th>Столбец файла</th>
            <th>Поле</th>
            <th>Предложено</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, i) => (
            <tr key={`${header}-${i}`}>
              <td>{header || <em>без названия</em>}</td>
              <td>
                <select
                  aria-label={`Поле для столбца ${header}`}
                  data-testid="map-select"
                  data-header={header}
                  value={columns[header] ?? ''}
                  onChange={(e) => onColumns({ ...columns, [header]: e.target.value })}
                >
                  <option value="">— не импортировать —</option>
                  {preview.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {preview.fields.find((f) => f.key === preview.suggested[header])?.label ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onRecheck} disabled={busy}>
        Проверить с этим сопоставлением
      </button>
      <h2>Первые строки</h2>
      <table className="preview">
        <thead>
          <tr>
            <th>Строка</th>
            <th>Значения</th>
            <th>Проверка</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr
              key={row.line}
              className={row.valid ? 'valid' : 'invalid'}
              data-testid="preview-row"
              data-valid={String(row.valid)}
            >
              <td>{row.line}</td>
              <td>
                {Object.entries(row.values)
                  .filter(([, v]) => v !== '')
                  .map(([k, v]) => `${preview.fields.find((f) => f.key === k)?.label ?? k}: ${v}`)
                  .join('; ')}
              </td>
              <td>
                {row.valid
                  ? 'верно'
                  : row.problems
                      .map((p) => `${p.column ? `«${p.column}»: ` : ''}${p.message}`)
                      .join('; ')}
                {row.warnings.length > 0 && ` (${row.warnings.map((w) => w.message).join('; ')})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => onStart(true)} disabled={busy} data-testid="dry-run">
          Пробный прогон
        </button>{' '}
        <button
          type="button"
          className="primary"
          onClick={() => onStart(false)}
          disabled={busy}
          data-testid="start-import"
        >
          Импортировать
        </button>
      </div>
    </section>
  );
}

function JobView({
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
  if (!job) return <p role="status">Загрузка…</p>;
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

function QuarantineView({ job, onJob }: { job: Job; onJob: (id: number) => void }) {
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
