import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { apiSend } from '../../shared/api/client.ts';
import {
  ENTITIES,
  message,
  upload,
  type Entity,
  type Job,
  type Preview,
} from './registry-import-kit.ts';
import { PreviewView } from './PreviewView.tsx';
import { JobView } from './JobView.tsx';

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
